#pragma once
// Private: the geometry a check keeps for its map (CheckRunOptions::keep_geometries).
#include <memory>
#include <string>
#include <vector>

#include "redline/checks/check.h"

namespace redline::detail {

/// An empty CheckGeometries in `crs`, its figures in `unit`.
std::shared_ptr<CheckGeometries> new_check_geometries(const Crs& crs, std::string unit);

/// The features of `layer` as pieces in `crs` (a reprojected copy when the layer is in another
/// CRS), `first` naming each by `key` (the FID when `key` is "" or the layer lacks it), figure 0:
/// the context a check's pieces are drawn over. Throws what reproject_layer() throws.
std::vector<CheckPiece> layer_pieces(const Layer& layer, const Crs& crs, const std::string& key);

}  // namespace redline::detail
