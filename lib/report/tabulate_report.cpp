#include "redline/report/tabulate_report.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "redline/report/area_report.h"
#include "report/layer_origin_report.h"
#include "report/json_text.h"
#include "redline/report/table.h"

namespace redline {

namespace {


// Without a zone field the whole zones layer is one zone, named after the layer.
std::string show_zone(const TabulateResult& r, const std::string& key, bool is_null) {
  return r.zone_field.empty() ? "(all " + r.zones_origin.layer + ")" : group_label(key, is_null);
}

nlohmann::ordered_json key_json(const std::string& key, bool is_null) {
  return is_null ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(key);
}

std::vector<std::string> notes(const TabulateResult& r, AreaUnit u) {
  std::vector<std::string> lines;
  lines.push_back("Each cell: the area of (zone ∩ union of the class's features), as a percent of the zone.");
  if (std::any_of(r.zones.begin(), r.zones.end(), [](const TabulateZone& z) { return z.null_key; })) {
    lines.push_back(fmt::format("(null): zone features without a {} value (null or NaN), kept apart from empty text.",
                                r.zone_field));
  }
  if (std::any_of(r.cells.begin(), r.cells.end(), [](const TabulateCell& c) { return c.class_null; })) {
    lines.push_back(fmt::format("(null): class features without a {} value (null or NaN), kept apart from empty text.",
                                r.class_field));
  }
  if (r.overlapping_class_features) {
    lines.push_back(fmt::format("{} feature(s) overlap others of their class: their overlaps were counted once.",
                                r.overlapping_class_features));
  }
  for (const TabulateZone& z : r.zones) {
    // 1e-9 relative: more than rounding, less than any real overlap worth a word.
    if (z.classified_m2 > z.area_m2 * (1 + 1e-9) + 0.01) {
      lines.push_back(fmt::format("zone {}: the classes add up to {}% of it: features of different "
                                  "classes overlap there and count in each.",
                                  show_zone(r, z.zone, z.null_key), format_percent(z.percent_classified())));
    }
  }
  if (r.overlapping_zone_features) {
    lines.push_back(fmt::format("{} zone feature(s) overlap other zone features: what lies in two zones counts in each.",
                                r.overlapping_zone_features));
  }
  detail::append_read_lines(lines, "zones: ", r.zones_origin, r.zones_repair_delta_m2, u);
  detail::append_read_lines(lines, "classes: ", r.classes_origin, r.classes_repair_delta_m2, u);
  return lines;
}

nlohmann::ordered_json tabulate_json(const TabulateResult& r, const TabulateReportOptions& o) {
  const AreaUnit u = o.unit;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const TabulateCell& c : r.cells) {
    rows.push_back({{"zone", key_json(c.zone, c.zone_null)}, {"class", key_json(c.class_key, c.class_null)},
                    {"area", from_square_metres(c.area_m2, u)},
                    {"percent", c.percent}});
  }
  nlohmann::ordered_json zones = nlohmann::ordered_json::array();
  for (const TabulateZone& z : r.zones) {
    zones.push_back({{"zone", key_json(z.zone, z.null_key)},
                     {"features", z.features},
                     {"area", from_square_metres(z.area_m2, u)},
                     {"classified", from_square_metres(z.classified_m2, u)},
                     {"percent_classified", z.percent_classified()}});
  }
  nlohmann::ordered_json j = {{"unit", unit_name(u)}, {"rows", std::move(rows)},
                              {"method", method_name(r.method)}, {"crs", r.crs.label()},
                              {"grid", r.grid_size}};
  j["zone_field"] = r.zone_field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.zone_field);
  j["class_field"] = r.class_field;
  j["zones"] = std::move(zones);
  j["overlapping_class_features"] = r.overlapping_class_features;
  j["overlapping_zone_features"] = r.overlapping_zone_features;
  j["read"] = {{"zones", detail::origin_read_json(r.zones_origin, r.zones_repair_delta_m2, u)},
               {"classes", detail::origin_read_json(r.classes_origin, r.classes_repair_delta_m2, u)}};
  return j;
}

}  // namespace

std::string tabulate_report_json(const TabulateResult& r, const TabulateReportOptions& o) {
  return detail::json_text(tabulate_json(r, o));
}

std::string render_tabulate_report(const TabulateResult& r, const TabulateReportOptions& o) {
  if (o.format == OutputFormat::Json) return tabulate_report_json(r, o);
  const AreaUnit u = o.unit;
  const std::string ul = unit_symbol(u);
  const std::string zone_col = r.zone_field.empty() ? "zone" : r.zone_field;

  Table cells;
  cells.title = detail::origin_title(r.zones_origin) + " by " + r.class_field + " of " +
                detail::origin_title(r.classes_origin);
  cells.column(zone_col).column(r.class_field).column("area (" + ul + ")", true).column("% of zone", true);
  for (const TabulateCell& c : r.cells) {
    cells.add_row({show_zone(r, c.zone, c.zone_null), group_label(c.class_key, c.class_null), format_area(c.area_m2, u), format_percent(c.percent)});
  }
  if (o.format == OutputFormat::Csv) return render_tables({cells}, o.format, o.bom);

  Table zones;
  zones.title = "zones";
  zones.column(zone_col).column("features", true).column("area (" + ul + ")", true)
      .column("classified (" + ul + ")", true).column("% classified", true);
  for (const TabulateZone& z : r.zones) {
    zones.add_row({show_zone(r, z.zone, z.null_key), std::to_string(z.features), format_area(z.area_m2, u),
                   format_area(z.classified_m2, u), format_percent(z.percent_classified())});
  }
  zones.notes = notes(r, u);
  zones.notes.insert(zones.notes.begin(), fmt::format("CRS {}, method {}, precision grid {:g} {}", r.crs.label(),
                                                      method_name(r.method), r.grid_size,
                                                      r.crs.is_geographic() ? "°" : "m"));
  return render_tables({cells, zones}, o.format, o.bom);
}

}  // namespace redline
