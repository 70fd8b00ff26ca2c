// Input layers as map layers, and the category colours of the maps.
#include "report/map_layers.h"

#include <fmt/format.h>

#include "redline/io/reproject.h"

namespace redline::detail {

std::vector<MapFeature> map_features_in(const Layer& layer, const Crs& crs, const std::string& label_field) {
  const Layer* source = &layer;
  Layer copy;
  if (crs.is_known() && layer.crs.is_known() && !layer.crs.equivalent_to(crs)) {
    copy = layer.clone();
    reproject_layer(copy, crs);
    source = &copy;
  }
  const bool labelled = !label_field.empty();
  const std::size_t field = labelled ? source->field_index(label_field) : 0;
  std::vector<MapFeature> features;
  features.reserve(source->features.size());
  for (const Feature& f : source->features) {
    if (f.geometry.is_null()) continue;
    features.push_back({f.geometry.clone(), labelled ? to_string(f.values[field]) : ""});
  }
  return features;
}

MapSpec map_of_two_layers(const Crs& crs, AreaMethod method, std::string title, const LayerOrigin& first,
                          const std::string& joiner, const LayerOrigin& second) {
  MapSpec map;
  map.crs = crs;
  map.method = method_name(method);
  map.title = std::move(title);
  map.subtitle.push_back(
      fmt::format("{} (layer {}) {} {} (layer {})", first.source, first.layer, joiner, second.source, second.layer));
  return map;
}

MapLayer empty_base_layer(std::string name) {
  MapLayer base;
  base.name = std::move(name);
  base.style.fill = {0.86, 0.93, 0.84, 1};
  base.style.stroke = {0.45, 0.55, 0.45, 1};
  base.style.line_width = 0.4;
  return base;
}

MapLayer base_layer(std::string name, const Layer& layer, const Crs& crs) {
  MapLayer base = empty_base_layer(std::move(name));
  base.features = map_features_in(layer, crs);
  return base;
}

MapLayer highlight_layer(std::string name, const MapColour& fill, const MapColour& edge, double circle_below) {
  MapLayer layer;
  layer.name = std::move(name);
  layer.style.fill = fill;
  layer.style.stroke = edge;
  layer.style.line_width = 0.9;
  layer.style.circle_below = circle_below;
  layer.labelled = true;
  layer.highlight = true;
  return layer;
}

MapColour category_colour(std::size_t i) {
  // ColorBrewer "Set3"-like pastels with enough contrast for red and blue highlights on top.
  static const MapColour kColours[] = {
      {0.55, 0.83, 0.78, 1}, {1.00, 1.00, 0.70, 1}, {0.75, 0.73, 0.85, 1}, {0.98, 0.50, 0.45, 1},
      {0.50, 0.69, 0.83, 1}, {0.99, 0.71, 0.38, 1}, {0.70, 0.87, 0.41, 1}, {0.99, 0.80, 0.90, 1},
      {0.85, 0.85, 0.85, 1}, {0.74, 0.50, 0.74, 1}, {0.80, 0.92, 0.77, 1}, {1.00, 0.93, 0.44, 1}};
  return kColours[i % (sizeof(kColours) / sizeof(kColours[0]))];
}

}  // namespace redline::detail
