#include "redline/measure/area_summary.h"

#include <map>
#include <optional>

#include "util/parallel.h"

namespace redline {

AreaSummary summarize_areas(const Layer& layer, const AreaOptions& options) {
  AreaSummary s;
  s.origin = origin_of(layer);
  s.crs = layer.crs;
  s.method = options.method;
  s.group_field = options.group_field;

  std::optional<std::size_t> group_index, id_index;
  if (!options.group_field.empty()) group_index = layer.field_index(options.group_field);
  if (!options.id_field.empty()) id_index = layer.field_index(options.id_field);
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

  std::map<std::pair<bool, std::string>, GroupArea> groups;  // (missing, text): null group last
  s.features.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Feature& f = layer.features[i];
    FeatureArea fa;
    fa.fid = f.fid;
    fa.id = id_index ? to_string(f.values[*id_index]) : std::to_string(f.fid);
    if (group_index) {
      fa.group_missing = is_missing(f.values[*group_index]);
      if (!fa.group_missing) fa.group = to_string(f.values[*group_index]);
    }
    fa.m2 = areas[i];
    s.total_m2 += areas[i];
    s.repair_delta_m2 += repair[i];
    if (group_index) {
      GroupArea& g = groups[{fa.group_missing, fa.group}];
      g.key = fa.group;
      g.null_key = fa.group_missing;
      ++g.features;
      g.m2 += fa.m2;
    }
    s.features.push_back(std::move(fa));
  }
  for (auto& [key, g] : groups) s.groups.push_back(std::move(g));
  return s;
}

}  // namespace redline
