#pragma once
// Private: input layers as map layers (in the result's CRS), and the colours the maps share.
#include <string>
#include <vector>

#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/area.h"
#include "redline/report/map.h"

namespace redline::detail {

// The highlight colours every map shares, so that red means the same on each: readers with
// red-green colour blindness still tell blue, red and amber apart.
constexpr MapColour kGainedFill{0.13, 0.40, 0.85, 0.85}, kGainedEdge{0.05, 0.20, 0.55, 1};  ///< gained
constexpr MapColour kLostFill{0.85, 0.12, 0.12, 0.85}, kLostEdge{0.50, 0.02, 0.02, 1};      ///< lost; what fails
constexpr MapColour kReclassFill{0.98, 0.68, 0.10, 0.85}, kReclassEdge{0.65, 0.40, 0.0, 1};  ///< reclassified

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

/// The style of base_layer(), without features: a layer named `name` to fill.
MapLayer empty_base_layer(std::string name);

/// A layer of what matters: filled with `fill`, outlined in `edge`, labelled, counted as
/// highlight, features smaller than `circle_below` points circled.
MapLayer highlight_layer(std::string name, const MapColour& fill, const MapColour& edge, double circle_below);

/// The i-th of a fixed set of distinct colours for classes (cycles after 12).
MapColour category_colour(std::size_t i);

}  // namespace redline::detail
