// min-share and share-of-zones: what part of a layer lies inside another, or in given zones.
#include <algorithm>
#include <functional>
#include <tuple>

#include <fmt/format.h>

#include "checks/check_kinds.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/length_summary.h"
#include "redline/measure/quantity_format.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/line_coverage.h"

namespace redline::detail {

namespace {

// A feature's inside and outside figures: m² for polygons, m for lines.
struct PartFigures {
  double inside = 0.0, outside = 0.0;
};
PartFigures part_figures(const FeatureCoverage& f) { return {f.inside_m2, f.outside_m2}; }
PartFigures part_figures(const FeatureLineCoverage& f) { return {f.inside_m, f.outside_m}; }

// What both share kinds are: a percentage that must be at least min_percent, of the checked
// layer filtered by `where` (returned).
std::shared_ptr<const Layer> start_share(const CheckSpec& spec, LayerSource& layers, CheckResult& r) {
  r.unit = "%";
  r.decimals = 2;
  r.comparison = ">=";
  r.threshold = *spec.min_percent;
  const bool by_length = spec.measure == CheckMeasure::Length;
  return layers.filtered(spec.layer, spec.where, by_length ? LayerGeometry::Lines : LayerGeometry::Polygons);
}

LengthMethod length_method(const CheckSpec& spec) {
  return spec.method == AreaMethod::Planar ? LengthMethod::Planar : LengthMethod::Ellipsoidal;
}

// A length in the check's length unit, as printed: "64.4076 km".
std::string shown_length(double m, LengthUnit u) { return format_length(m, u) + " " + unit_name(u); }

// The zones' part of a layer's groups: the counted sum (in m² or m) and details "by_zone"
// [{zone, FIGURE (in the unit), counted}]; `names` gets the zones named, each marked when the
// layer has none of it.
template <typename GroupT>
double sum_zones(const std::vector<GroupT>& groups, double GroupT::*figure, const std::vector<std::string>& zones,
                 const char* figure_key, const std::function<double(double)>& in_unit, Details& by_zone,
                 std::string& names) {
  double counted_sum = 0.0;
  by_zone = Details::array();
  for (const GroupT& g : groups) {
    // The null group (no value) is never one of the zones named, not even "".
    const bool counted = !g.null_key && std::find(zones.begin(), zones.end(), g.key) != zones.end();
    if (counted) counted_sum += g.*figure;
    by_zone.push_back({{"zone", g.null_key ? Details(nullptr) : Details(g.key)},
                       {figure_key, in_unit(g.*figure)},
                       {"counted", counted}});
  }
  for (const std::string& z : zones) {
    const bool present =
        std::any_of(groups.begin(), groups.end(), [&](const GroupT& g) { return !g.null_key && g.key == z; });
    names += (names.empty() ? "" : " + ") + z + (present ? "" : " (none in the layer)");
  }
  return counted_sum;
}

// The details of share-of-zones: field, zones, counted_FIGURE, total_FIGURE, FIGURE_unit
// (figures in the unit), by_zone.
void zone_details(Details& details, const std::string& field, const std::vector<std::string>& zones,
                  const std::string& figure, double counted, double total, const std::string& unit, Details by_zone) {
  details["field"] = field;
  details["zones"] = zones;
  details["counted_" + figure] = counted;
  details["total_" + figure] = total;
  details[figure + "_unit"] = unit;
  details["by_zone"] = std::move(by_zone);
}

// The parts inside and outside of each feature of a coverage (of polygons: areas; of lines:
// lengths), moved into g.inside and g.outside with their figures in the check's unit.
template <typename FeatureT>
void move_parts(std::vector<FeatureT>& features, const std::string& within,
                const std::function<double(double)>& in_unit, CheckGeometries& g) {
  for (FeatureT& f : features) {
    const PartFigures figures = part_figures(f);
    for (auto [part, list, figure] : {std::make_tuple(&f.inside, &g.inside, figures.inside),
                                      std::make_tuple(&f.outside, &g.outside, figures.outside)}) {
      if (part->is_null() || part->is_empty()) continue;
      list->push_back({within, f.id, "", in_unit(figure), std::move(*part)});
    }
  }
}

// min-share by length: the share of the line layer inside `within` (validate_check refuses
// share_of = within).
void run_min_share_by_length(const CheckSpec& spec, const Layer& layer, const Layer& within, unsigned threads,
                             bool keep, CheckResult& r, Details& details) {
  LineCoverageOptions lo;
  lo.method = length_method(spec);
  lo.threads = threads;
  lo.keep_geometries = keep;
  LineCoverageResult c = compute_line_coverage(layer, within, lo);
  const LengthUnit u = spec.length_unit;
  r.value = c.total.percent();
  details["measure"] = check_measure_name(CheckMeasure::Length);
  details["inside"] = from_metres(c.total.inside_m, u);
  details["of"] = from_metres(c.total.length_m, u);
  details["length_unit"] = unit_name(u);
  details["share_of"] = spec.layer.label();
  details["within"] = spec.within->label();
  r.findings.push_back(fmt::format("{} of the {} of {} lie inside {}", shown_length(c.total.inside_m, u),
                                   shown_length(c.total.length_m, u), spec.layer.label(), spec.within->label()));
  if (keep) {
    // The line coverage's own parts, moved: the lines outside keep the share low.
    auto g = new_check_geometries(c.crs, unit_name(u));
    move_parts(c.features, spec.within->label(), [u](double m) { return from_metres(m, u); }, *g);
    g->cover = layer_pieces(within, c.crs, "");
    r.geometries = std::move(g);
  }
}

}  // namespace

void run_min_share(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                   Details& details) {
  std::shared_ptr<const Layer> layer = start_share(spec, layers, r);
  std::shared_ptr<const Layer> within = layers.filtered(*spec.within, {});
  if (spec.measure == CheckMeasure::Length) {
    run_min_share_by_length(spec, *layer, *within, threads, keep, r, details);
    return;
  }
  CoverageOptions co;
  co.engine.method = spec.method;
  co.engine.threads = threads;
  co.keep_geometries = keep;
  // The share of `within` covered by the layer, or of the layer inside `within`.
  const bool of_within = spec.share_of == ShareOf::Within;
  CoverageResult c = of_within ? compute_coverage(*within, *layer, co) : compute_coverage(*layer, *within, co);
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
  if (keep) {
    // The coverage's own parts, moved: outside keeps the share low; the other layer is context.
    auto g = new_check_geometries(c.crs, unit_name(u));
    move_parts(c.features, spec.within->label(), [u](double m2) { return from_square_metres(m2, u); }, *g);
    g->cover = layer_pieces(of_within ? *layer : *within, c.crs, "");
    r.geometries = std::move(g);
  }
}

void run_share_of_zones(const CheckSpec& spec, LayerSource& layers, unsigned threads, bool keep, CheckResult& r,
                        Details& details) {
  std::shared_ptr<const Layer> layer = start_share(spec, layers, r);
  const std::vector<std::string> zones = spec.zones.value_or(default_protected_zones());
  const std::string field = spec.field.empty() ? std::string(kDefaultZoneField) : spec.field;
  Details by_zone;
  std::string names;
  double counted = 0.0, total = 0.0;  // m or m²
  if (spec.measure == CheckMeasure::Length) {
    // 河湖岸线保护率 as the plan defines it: the length of line in the zones over all lines.
    const LengthSummary s = summarize_lengths(*layer, LengthOptions{length_method(spec), field, "", threads, {}});
    const LengthUnit u = spec.length_unit;
    auto in_unit = [u](double m) { return from_metres(m, u); };
    counted = sum_zones(s.groups, &GroupLength::m, zones, "length", in_unit, by_zone, names);
    total = s.total_m;
    details["measure"] = check_measure_name(CheckMeasure::Length);
    zone_details(details, field, zones, "length", in_unit(counted), in_unit(total), unit_name(u), std::move(by_zone));
    r.findings.push_back(fmt::format("{}: {} of {} of line", names, shown_length(counted, u), shown_length(total, u)));
  } else {
    const AreaSummary s = summarize_areas(*layer, AreaOptions{spec.method, field, "", threads, {}});
    const AreaUnit u = spec.unit;
    auto in_unit = [u](double m2) { return from_square_metres(m2, u); };
    counted = sum_zones(s.groups, &GroupArea::m2, zones, "area", in_unit, by_zone, names);
    total = s.total_m2;
    zone_details(details, field, zones, "area", in_unit(counted), in_unit(total), unit_name(u), std::move(by_zone));
    r.findings.push_back(fmt::format("{}: {} {} of {} {}", names, format_number(in_unit(counted), display_decimals(u)),
                                     unit_name(u), format_number(in_unit(total), display_decimals(u)), unit_name(u)));
  }
  r.value = total > 0 ? 100.0 * counted / total : 0.0;
  if (keep) {
    // Each feature as it counted: in a zone named (context) or not (what keeps the share low).
    const bool by_length = spec.measure == CheckMeasure::Length;
    auto g = new_check_geometries(layer->crs, by_length ? unit_name(spec.length_unit) : unit_name(spec.unit));
    const std::size_t zone_index = layer->field_index(field);
    for (const Feature& f : layer->features) {
      if (f.geometry.is_null()) continue;
      const Value& zone = f.values[zone_index];
      const bool in_zones = !is_missing(zone) && std::find(zones.begin(), zones.end(), to_string(zone)) != zones.end();
      (in_zones ? g->counted : g->uncounted).push_back({"", to_string(zone), "", 0.0, f.geometry.clone()});
    }
    r.geometries = std::move(g);
  }
}

}  // namespace redline::detail
