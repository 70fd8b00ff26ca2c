#include "redline/measure/area_summary.h"

#include "measure/feature_groups.h"

namespace redline {

namespace {

using AreaMeasurer = detail::LayerMeasurer<AreaSummary, AreaCalculator, FeatureArea, GroupArea>;

// The areas of a polygon layer, batch after batch: the figures do not depend on the thread
// count or the batches. Throws for a line layer, an unknown field, a method the CRS refuses.
AreaMeasurer area_measurer(const Layer& layer, const AreaOptions& options) {
  if (layer.geometry == LayerGeometry::Lines) {
    throw InputError("the layer holds lines, not polygons: areas are measured on polygons; "
                     "measure lines by length (redline length)",
                     layer.where());
  }
  auto make = [crs = layer.crs, method = options.method] { return AreaCalculator(crs, method); };
  auto measure = [](const AreaCalculator& calc, const Feature& f, double& repair) {
    const double m2 = calc.area(f.geometry);
    if (!f.original.is_null()) repair = m2 - calc.area(f.original);
    return m2;
  };
  return {layer, options, make, measure, &FeatureArea::m2, &GroupArea::m2, &AreaSummary::total_m2,
          &AreaSummary::repair_delta_m2};
}

auto area_measurer_of(const AreaOptions& options) {
  return [&options](const Layer& layer) { return area_measurer(layer, options); };
}

}  // namespace

AreaSummary summarize_areas(const Layer& layer, const AreaOptions& options) {
  return detail::summarize_layer(layer, area_measurer_of(options));
}

AreaSummary summarize_areas(const std::string& path, const ReadOptions& read, const AreaOptions& options) {
  return detail::summarize_stream(path, read, area_measurer_of(options));
}

}  // namespace redline
