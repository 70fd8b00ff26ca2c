// The tabulate map: the classes inside the zones, coloured by class, the zones outlined.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "redline/measure/area.h"
#include "redline/report/map_builders.h"
#include "report/map_layers.h"

namespace redline {
namespace {
constexpr std::size_t kMaxClassColours = 11;
}  // namespace

MapSpec map_of_tabulate(const TabulateResult& result, const Layer& zones, const Layer& classes) {
  MapSpec map;
  map.crs = result.crs;
  map.method = method_name(result.method);
  map.title = fmt::format("分类统计 Tabulate: {} in {}", result.class_field, result.zones_origin.layer);
  map.subtitle.push_back(fmt::format("classes {} (layer {}, field {}) in zones {} (layer {}{})",
                                     result.classes_origin.source, result.classes_origin.layer, result.class_field,
                                     result.zones_origin.source, result.zones_origin.layer,
                                     result.zone_field.empty() ? "" : ", field " + result.zone_field));

  // The classes with the most area inside the zones get a colour each.
  std::map<std::string, double> area_by_class;
  for (const TabulateCell& cell : result.cells) area_by_class[cell.class_key] += cell.area_m2;
  std::vector<std::pair<std::string, double>> ranked(area_by_class.begin(), area_by_class.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > kMaxClassColours) ranked.resize(kMaxClassColours);

  std::vector<MapFeature> class_features = detail::map_features_in(classes, result.crs, result.class_field);
  std::vector<MapLayer> class_layers(ranked.size() + 1);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    class_layers[i].name = fmt::format("{} ({:.2f} ha)", ranked[i].first.empty() ? "(null)" : ranked[i].first,
                                       ranked[i].second / 1e4);
    class_layers[i].style.fill = detail::category_colour(i);
    class_layers[i].style.stroke = {0.5, 0.5, 0.5, 0.6};
    class_layers[i].style.line_width = 0.15;
  }
  MapLayer& other = class_layers.back();
  other.name = "其他 other classes";
  other.style.fill = {0.93, 0.93, 0.93, 1};
  other.style.stroke = {0.6, 0.6, 0.6, 0.6};
  other.style.line_width = 0.15;
  for (MapFeature& f : class_features) {
    auto at = std::find_if(ranked.begin(), ranked.end(), [&](const auto& r) { return r.first == f.label; });
    f.label.clear();
    class_layers[static_cast<std::size_t>(at - ranked.begin())].features.push_back(std::move(f));
  }
  MapLayer zone_layer;
  zone_layer.name = fmt::format("{} (zones)", result.zones_origin.layer);
  zone_layer.style.fill = {0, 0, 0, 0};
  zone_layer.style.stroke = {0.75, 0.05, 0.05, 1};
  zone_layer.style.line_width = 1.0;
  zone_layer.labelled = !result.zone_field.empty();
  zone_layer.features = detail::map_features_in(zones, result.crs, result.zone_field);
  for (const MapFeature& f : zone_layer.features) map.extent.expand(f.geometry.envelope());

  // Bottom first: "other" under the ranked classes, the largest class on top of them.
  map.layers.push_back(std::move(other));
  for (std::size_t i = ranked.size(); i-- > 0;) map.layers.push_back(std::move(class_layers[i]));
  map.layers.push_back(std::move(zone_layer));
  map.notes.push_back("Class areas are inside the zones; the classes are drawn whole (also outside the zones).");
  return map;
}

}  // namespace redline
