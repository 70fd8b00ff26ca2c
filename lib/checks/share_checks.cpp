// min-share and share-of-zones: what part of a layer lies inside another, or in given zones.
#include <algorithm>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/quantity_format.h"
#include "redline/overlay/coverage.h"

namespace redline::detail {

namespace {

// What both share kinds are: a percentage that must be at least min_percent, of the checked
// layer filtered by `where` (returned).
std::shared_ptr<const Layer> start_share(const CheckSpec& spec, LayerSource& layers, CheckResult& r) {
  r.unit = "%";
  r.decimals = 2;
  r.comparison = ">=";
  r.threshold = *spec.min_percent;
  return layers.filtered(spec.layer, spec.where);
}

}  // namespace

void run_min_share(const CheckSpec& spec, LayerSource& layers, unsigned threads, CheckResult& r, Details& details) {
  std::shared_ptr<const Layer> layer = start_share(spec, layers, r);
  std::shared_ptr<const Layer> within = layers.filtered(*spec.within, {});
  CoverageOptions co;
  co.engine.method = spec.method;
  co.engine.threads = threads;
  // The share of `within` covered by the layer, or of the layer inside `within`.
  const bool of_within = spec.share_of == ShareOf::Within;
  const CoverageResult c = of_within ? compute_coverage(*within, *layer, co) : compute_coverage(*layer, *within, co);
  r.value = c.total.percent();
  const AreaUnit u = spec.unit;
  details["inside"] = from_square_metres(c.total.inside_m2, u);
  details["of"] = from_square_metres(c.total.area_m2, u);
  details["area_unit"] = unit_name(u);
  details["share_of"] = of_within ? spec.within->label() : spec.layer.label();
  details["within"] = spec.within->label();
  details["slivers"] = from_square_metres(c.sliver_m2, u);
  const std::string inside = format_number(from_square_metres(c.total.inside_m2, u), display_decimals(u)) + " " + unit_name(u);
  const std::string of = format_number(from_square_metres(c.total.area_m2, u), display_decimals(u)) + " " + unit_name(u);
  r.findings.push_back(of_within ? fmt::format("{} of the {} of {} lie in {}", inside, of, spec.within->label(),
                                               spec.layer.label())
                                 : fmt::format("{} of the {} of {} lie inside {}", inside, of, spec.layer.label(),
                                               spec.within->label()));
}

void run_share_of_zones(const CheckSpec& spec, LayerSource& layers, unsigned threads, CheckResult& r,
                        Details& details) {
  std::shared_ptr<const Layer> layer = start_share(spec, layers, r);
  const std::vector<std::string> zones = spec.zones.value_or(default_protected_zones());
  AreaOptions ao;
  ao.method = spec.method;
  ao.group_field = spec.field.empty() ? std::string(kDefaultZoneField) : spec.field;
  ao.threads = threads;
  const AreaSummary s = summarize_areas(*layer, ao);
  const AreaUnit u = spec.unit;
  double protected_m2 = 0.0;
  Details groups = Details::array();
  for (const GroupArea& g : s.groups) {
    // The null group (no value) is never one of the zones named, not even "".
    const bool counted = !g.null_key && std::find(zones.begin(), zones.end(), g.key) != zones.end();
    if (counted) protected_m2 += g.m2;
    groups.push_back({{"zone", g.null_key ? Details(nullptr) : Details(g.key)},
                      {"area", from_square_metres(g.m2, u)},
                      {"counted", counted}});
  }
  r.value = s.total_m2 > 0 ? 100.0 * protected_m2 / s.total_m2 : 0.0;
  details["field"] = ao.group_field;
  details["zones"] = zones;
  details["counted_area"] = from_square_metres(protected_m2, u);
  details["total_area"] = from_square_metres(s.total_m2, u);
  details["area_unit"] = unit_name(u);
  details["by_zone"] = std::move(groups);
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
