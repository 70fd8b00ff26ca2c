#pragma once
// Private: input layers as map layers (in the result's CRS), and the colours the maps share.
#include <string>
#include <vector>

#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/area.h"
#include "redline/report/map.h"

namespace redline::detail {

/// The features of `layer` as map features in `crs` (a reprojected copy when the layer is in
/// another CRS), labelled by `label_field`'s value ("" for no labels). Throws what
/// reproject_layer() and Layer::field_index() throw.
std::vector<MapFeature> map_features_in(const Layer& layer, const Crs& crs, const std::string& label_field = "");

/// A map of a result in `crs` measured by `method`, titled `title`, its first subtitle line
/// naming the two inputs: "A (layer a) <joiner> B (layer b)".
MapSpec map_of_two_layers(const Crs& crs, AreaMethod method, std::string title, const LayerOrigin& first,
                          const std::string& joiner, const LayerOrigin& second);

/// The base layer a result's changes are drawn over (pale green, thin outline): `features` of
/// `layer` in `crs`, named `name`.
MapLayer base_layer(std::string name, const Layer& layer, const Crs& crs);

/// A layer of what matters: filled with `fill`, outlined in `edge`, labelled, counted as
/// highlight, features smaller than `circle_below` points circled.
MapLayer highlight_layer(std::string name, const MapColour& fill, const MapColour& edge, double circle_below);

/// The i-th of a fixed set of distinct colours for classes (cycles after 12).
MapColour category_colour(std::size_t i);

}  // namespace redline::detail
