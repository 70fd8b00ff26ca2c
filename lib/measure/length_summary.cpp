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
  LengthSummary s;
  s.origin = origin_of(layer);
  s.crs = layer.crs;
  s.method = options.method;
  s.group_field = options.group_field;

  std::optional<std::size_t> group_index, id_index;
  if (!options.group_field.empty()) group_index = layer.field_index(options.group_field);
  if (!options.id_field.empty()) id_index = layer.field_index(options.id_field);
  LengthCalculator probe(layer.crs, options.method);  // validates method vs CRS up front

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

  s.total_m = detail::gather_by_group(layer, group_index, id_index, lengths, &FeatureLength::m,
                                      &GroupLength::m, s.features, s.groups);
  return s;
}

}  // namespace redline
