// min-share and share-of-zones: what part of a layer lies inside another, or in given zones.
#include <algorithm>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/report/table.h"
#include "redline/measure/area_summary.h"
#include "redline/overlay/coverage.h"

namespace redline::detail {

void run_min_share(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options, CheckResult& r) {
  r.unit = "%";
  r.decimals = 2;
  r.comparison = ">=";
  r.threshold = *spec.min_percent;
  std::shared_ptr<const Layer> layer = layers.filtered(spec.layer, spec.where);
  std::shared_ptr<const Layer> within = layers.filtered(*spec.within, {});
  CoverageOptions co;
  co.engine.method = spec.method;
  co.engine.threads = options.threads;
  // The share of `within` covered by the layer, or of the layer inside `within`.
  const bool of_within = spec.share_of == "within";
  const CoverageResult c = of_within ? compute_coverage(*within, *layer, co) : compute_coverage(*layer, *within, co);
  r.value = c.total.percent();
  const AreaUnit u = spec.unit;
  r.details["inside"] = from_square_metres(c.total.inside_m2, u);
  r.details["of"] = from_square_metres(c.total.area_m2, u);
  r.details["area_unit"] = unit_name(u);
  r.details["share_of"] = of_within ? spec.within->label() : spec.layer.label();
  r.details["within"] = spec.within->label();
  r.details["slivers"] = from_square_metres(c.sliver_m2, u);
  const std::string inside = format_number(from_square_metres(c.total.inside_m2, u), display_decimals(u)) + " " + unit_name(u);
  const std::string of = format_number(from_square_metres(c.total.area_m2, u), display_decimals(u)) + " " + unit_name(u);
  r.findings.push_back(of_within ? fmt::format("{} of the {} of {} lie in {}", inside, of, spec.within->label(),
                                               spec.layer.label())
                                 : fmt::format("{} of the {} of {} lie inside {}", inside, of, spec.layer.label(),
                                               spec.within->label()));
}

void run_share_of_zones(const CheckSpec& spec, LayerSource& layers, const CheckRunOptions& options, CheckResult& r) {
  r.unit = "%";
  r.decimals = 2;
  r.comparison = ">=";
  r.threshold = *spec.min_percent;
  std::shared_ptr<const Layer> layer = layers.filtered(spec.layer, spec.where);
  const std::vector<std::string> zones = spec.zones.value_or(default_protected_zones());
  AreaOptions ao;
  ao.method = spec.method;
  ao.group_field = spec.field.empty() ? "GNFQ" : spec.field;
  ao.threads = options.threads;
  const AreaSummary s = summarize_areas(*layer, ao);
  const AreaUnit u = spec.unit;
  double protected_m2 = 0.0;
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const GroupArea& g : s.groups) {
    // The null group (no value) is never one of the zones named, not even "".
    const bool counted = !g.null_key && std::find(zones.begin(), zones.end(), g.key) != zones.end();
    if (counted) protected_m2 += g.m2;
    groups.push_back({{"zone", g.null_key ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g.key)},
                      {"area", from_square_metres(g.m2, u)},
                      {"counted", counted}});
  }
  r.value = s.total_m2 > 0 ? 100.0 * protected_m2 / s.total_m2 : 0.0;
  r.details["field"] = ao.group_field;
  r.details["zones"] = zones;
  r.details["counted_area"] = from_square_metres(protected_m2, u);
  r.details["total_area"] = from_square_metres(s.total_m2, u);
  r.details["area_unit"] = unit_name(u);
  r.details["by_zone"] = std::move(groups);
  std::string names;
  for (const std::string& z : zones) {
    const bool present = std::any_of(s.groups.begin(), s.groups.end(), [&](const GroupArea& g) { return !g.null_key && g.key == z; });
    names += (names.empty() ? "" : " + ") + z + (present ? "" : " (none in the layer)");
  }
  r.findings.push_back(fmt::format("{}: {} {} of {} {}", names,
                                   format_number(from_square_metres(protected_m2, u), display_decimals(u)), unit_name(u),
                                   format_number(from_square_metres(s.total_m2, u), display_decimals(u)), unit_name(u)));
}

}  // namespace redline::detail
