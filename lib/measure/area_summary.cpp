#include "redline/measure/area_summary.h"

#include <optional>

#include "measure/feature_groups.h"
#include "util/parallel.h"

namespace redline {

AreaSummary summarize_areas(const Layer& layer, const AreaOptions& options) {
  if (layer.geometry == LayerGeometry::Lines) {
    throw InputError("the layer holds lines, not polygons: areas are measured on polygons; measure "
                     "lines by length (redline length)",
                     layer.where());
  }
  AreaSummary s;
  s.origin = origin_of(layer);
  s.crs = layer.crs;
  s.method = options.method;
  s.group_field = options.group_field;

  const detail::FieldIndexes fields(layer, options.group_field, options.id_field);
  AreaCalculator probe(layer.crs, options.method);  // validates method vs CRS up front

  const std::size_t n = layer.features.size();
  std::vector<double> areas(n, 0.0), repair(n, 0.0);
  constexpr std::size_t kChunk = 256;
  // One calculator per worker thread, made and dropped on that thread.
  auto make_calculator = [&] { return AreaCalculator(layer.crs, options.method); };
  detail::parallel_for_with_state(n, options.threads, make_calculator,
                                  [&](std::size_t i, AreaCalculator& calc, unsigned) {
    const Feature& f = layer.features[i];
    try {
      areas[i] = calc.area(f.geometry);
      if (!f.original.is_null()) repair[i] = areas[i] - calc.area(f.original);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid));
    }
  }, kChunk);
  if (options.progress) options.progress("measuring", n, n);

  s.total_m2 = detail::gather_by_group(layer, fields, areas, &FeatureArea::m2, &GroupArea::m2,
                                       s.features, s.groups);
  for (double delta : repair) s.repair_delta_m2 += delta;
  return s;
}

}  // namespace redline
