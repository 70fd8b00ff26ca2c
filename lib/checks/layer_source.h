#pragma once
// Private: the layers the checks of one run read, each read once, and `where` filters.
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "redline/checks/check.h"
#include "redline/io/layer.h"

namespace redline::detail {

class LayerSource {
 public:
  /// Reads each layer as `read` says (its `layer` replaced by each LayerRef's). Keeps a
  /// reference: `read` must outlive the source.
  explicit LayerSource(const ReadOptions& read) : read_(read) {}

  /// Returns the layer read as `geometry` (polygons, or lines for a check by length), read on
  /// first use. Throws what read_layer() throws (a line layer read as polygons is refused).
  const Layer& get(const LayerRef& ref, LayerGeometry geometry = LayerGeometry::Polygons);

  /// Returns the layer with only the features `where` keeps (the layer itself when `where` is
  /// empty). Throws UsageError for an unknown field.
  std::shared_ptr<const Layer> filtered(const LayerRef& ref, const std::map<std::string, std::vector<std::string>>& where,
                                        LayerGeometry geometry = LayerGeometry::Polygons);

  /// Returns how many features of the layer `where` keeps (all when it is empty), without
  /// copying them. Throws what get() throws and UsageError for an unknown field.
  std::size_t count_matching(const LayerRef& ref, const std::map<std::string, std::vector<std::string>>& where,
                             LayerGeometry geometry = LayerGeometry::Polygons);

  /// Returns true when the two refer to the same layer of the same file on disk (by device and
  /// inode, whatever the path; the layer as read, so a source's only layer named or not).
  /// Reads both. Throws what get() throws.
  /// `a` is read as `a_geometry`, `b` as polygons.
  bool same_layer(const LayerRef& a, const LayerRef& b, LayerGeometry a_geometry = LayerGeometry::Polygons);

 private:
  const ReadOptions& read_;
  std::map<std::tuple<std::string, std::string, LayerGeometry>, std::shared_ptr<Layer>> layers_;
};

}  // namespace redline::detail
