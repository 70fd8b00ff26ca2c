#include "overlay/repair_delta.h"

#include <optional>

namespace redline::detail {

double repair_delta_m2(const Layer& layer, AreaMethod method) {
  if (layer.report.repaired == 0) return 0.0;
  return repair_delta_m2(layer, layer.features, method);
}

double repair_delta_m2(const Layer& layer, const std::vector<Feature>& features, AreaMethod method, double so_far) {
  if (!layer.crs.is_known()) return so_far;
  if (method == AreaMethod::Planar && !layer.crs.is_projected()) method = AreaMethod::Ellipsoidal;
  std::optional<AreaCalculator> calc;
  double delta = so_far;
  for (const Feature& f : features) {
    if (f.original.is_null()) continue;
    if (!calc) calc.emplace(layer.crs, method);
    try {
      delta += calc->area(f.geometry) - calc->area(f.original);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid));
    }
  }
  return delta;
}

}  // namespace redline::detail
