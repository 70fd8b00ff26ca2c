#pragma once
// Private: input layers as map layers (in the result's CRS), and the colours the maps share.
#include <string>
#include <vector>

#include "redline/io/layer.h"
#include "redline/report/map.h"

namespace redline::detail {

/// The features of `layer` as map features in `crs` (a reprojected copy when the layer is in
/// another CRS), labelled by `label_field`'s value ("" for no labels). Throws what
/// reproject_layer() and Layer::field_index() throw.
std::vector<MapFeature> map_features_in(const Layer& layer, const Crs& crs, const std::string& label_field = "");

/// The i-th of a fixed set of distinct colours for classes (cycles after 12).
MapColour category_colour(std::size_t i);

}  // namespace redline::detail
