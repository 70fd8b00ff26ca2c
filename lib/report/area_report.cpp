#include "redline/report/area_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/summary_tables.h"

namespace redline {

std::vector<std::string> read_report_lines(const ReadReport& r, double repair_delta_m2,
                                           AreaUnit unit) {
  return detail::read_report_lines(r, repair_delta_m2, unit, LayerGeometry::Polygons);
}

namespace detail {

std::vector<std::string> read_report_lines(const ReadReport& r, double repair_delta_m2, AreaUnit unit,
                                           LayerGeometry geometry) {
  std::vector<std::string> lines;
  if (r.invalid) {
    std::string line = fmt::format("{} invalid polygon(s): {} repaired, {} skipped", r.invalid,
                                   r.repaired, r.invalid - r.repaired);
    if (r.repaired) {
      line += fmt::format("; repair changed the area by {:+.{}f} {}",
                          from_square_metres(repair_delta_m2, unit), display_decimals(unit) + 2,
                          unit_symbol(unit));
    }
    lines.push_back(line);
    std::size_t shown = 0;
    for (const auto& is : r.issues) {
      if (is.kind != FeatureIssue::Kind::Invalid) continue;
      if (++shown > 10) {
        lines.push_back(fmt::format("  … and {} more", r.invalid - 10));
        break;
      }
      lines.push_back(fmt::format("  feature {}: {}{} ({})", is.fid, is.reason,
                                  is.x ? fmt::format(" at ({:.3f}, {:.3f})", *is.x, *is.y) : "",
                                  to_string(is.action)));
    }
  }
  std::size_t not_polygon = 0, not_line = 0, degenerate_kept = 0;
  for (const auto& is : r.issues) {
    not_polygon += is.kind == FeatureIssue::Kind::NotPolygon;
    not_line += is.kind == FeatureIssue::Kind::NotLine;
    degenerate_kept += is.kind == FeatureIssue::Kind::DegenerateLine && is.action != FeatureIssue::Action::Skipped;
  }
  if (not_polygon) lines.push_back(fmt::format("{} feature(s) without polygon geometry skipped", not_polygon));
  if (not_line) lines.push_back(fmt::format("{} feature(s) without line geometry skipped", not_line));
  if (r.degenerate_lines) {
    lines.push_back(fmt::format("{} degenerate line(s) (fewer than 2 distinct vertices): {} kept with length 0, "
                                "{} skipped",
                                r.degenerate_lines, degenerate_kept, r.degenerate_lines - degenerate_kept));
  }
  const char* measure = geometry == LayerGeometry::Lines ? "length" : "area";
  if (r.null_geometries) lines.push_back(fmt::format("{} feature(s) with no geometry ({} 0)", r.null_geometries, measure));
  if (r.empty_geometries) lines.push_back(fmt::format("{} feature(s) with empty geometry ({} 0)", r.empty_geometries, measure));
  for (const auto& n : r.notes) lines.push_back(n);
  return lines;
}

}  // namespace detail

std::string area_report_json(const AreaSummary& s, const AreaReportOptions& o) {
  const AreaUnit u = o.unit;
  nlohmann::ordered_json j = {{"source", s.origin.source},
                      {"layer", s.origin.layer},
                      {"crs", s.crs.label()},
                      {"method", method_name(s.method)},
                      {"unit", unit_name(u)},
                      {"total", from_square_metres(s.total_m2, u)},
                      {"features", s.features.size()}};
  if (!s.group_field.empty()) {
    j["group_field"] = s.group_field;
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const auto& g : s.groups) {
      // The null group's key is JSON null, apart from the empty text "".
      nlohmann::ordered_json key = g.null_key ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g.key);
      groups.push_back({{"key", std::move(key)}, {"features", g.features}, {"area", from_square_metres(g.m2, u)}});
    }
    j["groups"] = std::move(groups);
  }
  if (o.list_features) {
    nlohmann::ordered_json fa = nlohmann::ordered_json::array();
    for (const auto& f : s.features) {
      nlohmann::ordered_json e = {{"fid", f.fid}, {"id", f.id}, {"area", from_square_metres(f.m2, u)}};
      if (!s.group_field.empty()) e["group"] = f.group_missing ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.group);
      fa.push_back(std::move(e));
    }
    j["feature_areas"] = std::move(fa);
  }
  j["read"] = detail::origin_read_json(s.origin, s.repair_delta_m2, u);
  return detail::json_text(j);
}

std::string render_area_report(const AreaSummary& s, const AreaReportOptions& o) {
  if (o.format == OutputFormat::Json) {
    return area_report_json(s, o);
  }
  const AreaUnit u = o.unit;
  detail::MeasuredLayerTables t;
  t.source = s.origin.source;
  t.layer = s.origin.layer;
  t.figure_column = "area (" + unit_symbol(u) + ")";
  t.format = [u](double m2) { return format_area(m2, u); };
  t.total = s.total_m2;
  t.features = s.features.size();
  t.summary_rows = {{"CRS", s.crs.label()},
                    {"method", method_name(s.method)},
                    {"features", std::to_string(s.features.size())},
                    {"total " + t.figure_column, format_area(s.total_m2, u)}};
  for (AreaUnit other : {AreaUnit::Hectare, AreaUnit::Mu, AreaUnit::SquareKilometre}) {
    if (other != u) t.summary_rows.push_back({"  = " + unit_symbol(other), format_area(s.total_m2, other)});
  }
  t.summary_notes = read_report_lines(s.origin.read, s.repair_delta_m2, u);
  t.group_field = s.group_field;
  for (const auto& g : s.groups) t.groups.push_back({g.key, g.null_key, g.features, g.m2});
  t.list_features = o.list_features;
  for (const auto& f : s.features) t.items.push_back({f.fid, f.id, f.group, f.group_missing, f.m2});
  return detail::render_measured_layer(t, o.format, o.bom);
}

}  // namespace redline
