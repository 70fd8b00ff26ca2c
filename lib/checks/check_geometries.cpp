// The geometry a check keeps for its map: empty sets, and a layer as context pieces.
#include "checks/check_geometries.h"

#include <optional>

#include "redline/io/reproject.h"

namespace redline::detail {

std::shared_ptr<CheckGeometries> new_check_geometries(const Crs& crs, std::string unit) {
  auto g = std::make_shared<CheckGeometries>();
  g->crs = crs;
  g->unit = std::move(unit);
  return g;
}

std::vector<CheckPiece> layer_pieces(const Layer& layer, const Crs& crs, const std::string& key) {
  std::optional<Layer> moved;  // a copy only when the layer must move
  if (crs.is_known() && layer.crs.is_known() && !layer.crs.equivalent_to(crs)) {
    moved = layer.clone();
    reproject_layer(*moved, crs);
  }
  const Layer& source = moved ? *moved : layer;
  std::optional<std::size_t> key_index;
  for (std::size_t i = 0; i < source.fields.size(); ++i) {
    if (!key.empty() && source.fields[i].name == key) key_index = i;
  }
  std::vector<CheckPiece> pieces;
  pieces.reserve(source.features.size());
  for (std::size_t i = 0; i < source.features.size(); ++i) {
    const Feature& f = source.features[i];
    if (f.geometry.is_null()) continue;
    const std::string name = key_index ? to_string(f.values[*key_index]) : std::to_string(f.fid);
    // The reprojected copy gives its geometry up; the caller's layer is copied.
    pieces.push_back({"", name, "", 0.0, moved ? std::move(moved->features[i].geometry) : f.geometry.clone()});
  }
  return pieces;
}

}  // namespace redline::detail
