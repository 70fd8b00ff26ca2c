// The coverage map: where targets lie inside the cover (the conflicts) and outside it.
#include <fmt/format.h>

#include "redline/measure/area.h"
#include "redline/report/map_builders.h"
#include "report/map_layers.h"

namespace redline {

MapSpec map_of_coverage(const CoverageResult& result, const Layer& target, const Layer& cover) {
  MapSpec map = detail::map_of_two_layers(
      result.crs, result.method, fmt::format("覆盖 Coverage: {} in {}", result.target.layer, result.cover.layer),
      result.target, "within", result.cover);
  map.subtitle.push_back(fmt::format("{} of {} targets inside; inside {:.2f} ha of {:.2f} ha ({:.2f} %)",
                                     result.features_inside, result.features.size(), result.total.inside_m2 / 1e4,
                                     result.total.area_m2 / 1e4, result.total.percent()));

  MapLayer cover_layer = detail::base_layer(fmt::format("{} (cover)", result.cover.layer), cover, result.crs);

  MapLayer outside;
  outside.name = "外部 outside";
  outside.style.fill = {0.70, 0.72, 0.78, 1};
  outside.style.stroke = {0.35, 0.37, 0.45, 1};
  outside.style.line_width = 0.3;
  MapLayer inside = detail::highlight_layer("内部 inside (conflicts)", {0.85, 0.12, 0.12, 0.9}, {0.50, 0.02, 0.02, 1}, 4);
  bool kept = false;
  for (const FeatureCoverage& f : result.features) {
    if (!f.outside.is_null() && !f.outside.is_empty()) outside.features.push_back({f.outside.clone(), ""});
    if (!f.inside.is_null() && !f.inside.is_empty()) inside.features.push_back({f.inside.clone(), f.id});
    kept = kept || !f.inside.is_null() || !f.outside.is_null();
  }
  if (!kept) {
    // Without the parts, the targets are drawn whole: the conflicts cannot be told apart.
    outside.name = fmt::format("{} (targets)", result.target.layer);
    outside.features = detail::map_features_in(target, result.crs);
    map.notes.push_back("The inside and outside parts were not kept by this run: the targets are drawn whole.");
  }
  map.layers.push_back(std::move(cover_layer));
  map.layers.push_back(std::move(outside));
  map.layers.push_back(std::move(inside));
  map.notes.push_back("Labels: the id of the target whose part lies inside; small parts are circled.");
  return map;
}

}  // namespace redline
