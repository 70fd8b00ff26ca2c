#include "redline/measure/length_summary.h"

#include <optional>

#include "measure/feature_groups.h"
#include "util/parallel.h"

namespace redline {

LengthSummary summarize_lengths(const Layer& layer, const LengthOptions& options) {
  if (layer.geometry != LayerGeometry::Lines) {
    throw InputError("the layer holds polygons, not lines: lengths are measured on lines; measure "
                     "polygons by area (redline area)",
                     layer.where());
  }
  const detail::FieldIndexes fields(layer, options.group_field, options.id_field);
  static_cast<void>(LengthCalculator(layer.crs, options.method));  // refuses the method in this CRS before any work

  const std::size_t n = layer.features.size();
  std::vector<double> lengths(n, 0.0);
  constexpr std::size_t kChunk = 256;
  // One calculator per worker thread, made and dropped on that thread.
  auto make_calculator = [&] { return LengthCalculator(layer.crs, options.method); };
  detail::parallel_for_with_state(n, options.threads, make_calculator,
                                  [&](std::size_t i, LengthCalculator& calc, unsigned) {
    try {
      lengths[i] = calc.length(layer.features[i].geometry);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(layer.features[i].fid));
    }
  }, kChunk);
  if (options.progress) options.progress("measuring", n, n);

  LengthSummary summary{origin_of(layer), layer.crs, options.method, options.group_field, 0.0, {}, {}};
  summary.total_m = detail::gather_by_group(layer, fields, lengths, &FeatureLength::m,
                                            &GroupLength::m, summary.features, summary.groups);
  return summary;
}

}  // namespace redline
