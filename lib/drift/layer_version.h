#pragma once
// Private: one version of the layer as the drift comparison sees it: per feature its envelope,
// areas, key, class and rings, an index over the envelopes, and the feature of the other
// version it is matched with (drift/feature_matchers.h).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "drift/ring_alignment.h"
#include "redline/geom/envelope_index.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"

namespace redline::detail {

/// partner[i] of a feature matched with no feature of the other version.
constexpr std::size_t kUnmatched = static_cast<std::size_t>(-1);

struct LayerVersion {
  const Layer* layer = nullptr;  ///< not owned: must outlive this
  std::vector<Envelope> env;
  std::vector<double> m2;      ///< area by the run's method, m²
  std::vector<double> planar;  ///< planar area, squared CRS units
  /// Key value as text (with a key field), else the FID as text; "" when the key is missing.
  std::vector<std::string> key;
  std::vector<std::string> klass;  ///< class value as text, "(null)" for null or NaN
  std::vector<char> key_missing;   ///< with a key field: null, NaN or blank, never matched
  std::vector<PolygonRings> rings;
  std::unique_ptr<EnvelopeIndex> index;  ///< over env
  std::vector<std::size_t> partner;      ///< index in the other version, kUnmatched when none
  std::vector<char> by_edges;            ///< pair measured edge by edge (no overlay)

  const Geometry& geometry(std::size_t i) const { return layer->features[i].geometry; }
  std::size_t size() const { return layer->features.size(); }
};

/// The fields of one version that the comparison reads (field indexes of its layer).
struct VersionFields {
  std::optional<std::size_t> key;    ///< none: keys are FIDs
  std::optional<std::size_t> klass;  ///< none: no classes
};

/// Returns both versions prepared for comparison, every feature unmatched: before first, after
/// second. Areas are measured by `method` in each layer's CRS. The features of both versions
/// share `threads` threads, the largest first, so that a version of a few large features is not
/// prepared on one thread while another waits. Throws what AreaCalculator throws, located at
/// the feature: BEFORE's first feature that fails, else AFTER's (as preparing BEFORE, then
/// AFTER, would).
std::pair<LayerVersion, LayerVersion> prepare_versions(const Layer& before, VersionFields before_fields,
                                                       const Layer& after, VersionFields after_fields,
                                                       AreaMethod method, unsigned threads);

}  // namespace redline::detail
