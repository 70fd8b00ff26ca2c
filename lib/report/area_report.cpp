#include "redline/report/area_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_text.h"
#include "report/layer_origin_report.h"

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
  const std::string area_col = "area (" + unit_symbol(u) + ")";
  const double total = s.total_m2;
  auto percent = [total](double m2) { return total > 0 ? format_number(100.0 * m2 / total, 2) : "-"; };

  Table summary;
  summary.title = fmt::format("{} — layer {}", s.origin.source, s.origin.layer);
  summary.column("item").column("value");
  summary.add_row({"CRS", s.crs.label()});
  summary.add_row({"method", method_name(s.method)});
  summary.add_row({"features", std::to_string(s.features.size())});
  summary.add_row({"total " + area_col, format_area(total, u)});
  for (AreaUnit other : {AreaUnit::Hectare, AreaUnit::Mu, AreaUnit::SquareKilometre}) {
    if (other != u) summary.add_row({"  = " + unit_symbol(other), format_area(total, other)});
  }
  summary.notes = read_report_lines(s.origin.read, s.repair_delta_m2, u);

  Table groups;
  if (!s.group_field.empty()) {
    groups.title = "by " + s.group_field;
    groups.column(s.group_field).column("features", true).column(area_col, true).column("%", true);
    for (const auto& g : s.groups) {
      groups.add_row({group_label(g.key, g.null_key), std::to_string(g.features), format_area(g.m2, u),
                      percent(g.m2)});
      if (g.null_key) {
        groups.notes.push_back(fmt::format("(null): {} feature(s) without a {} value (null or NaN), kept apart "
                                           "from empty text",
                                           g.features, s.group_field));
      }
    }
    groups.add_row({"total", std::to_string(s.features.size()), format_area(total, u), percent(total)});
  }

  Table features;
  if (o.list_features) {
    features.title = "features";
    features.column("fid", true).column("id");
    if (!s.group_field.empty()) features.column(s.group_field);
    features.column(area_col, true);
    for (const auto& f : s.features) {
      std::vector<std::string> row = {std::to_string(f.fid), f.id};
      if (!s.group_field.empty()) row.push_back(f.group_missing ? "(null)" : f.group);
      row.push_back(format_area(f.m2, u));
      features.add_row(std::move(row));
    }
  }

  if (o.format == OutputFormat::Csv) {
    if (o.list_features) return render_tables({features}, o.format, o.bom);
    if (!s.group_field.empty()) return render_tables({groups}, o.format, o.bom);
    Table t;
    t.column("source").column("layer").column("features", true).column(area_col, true);
    t.add_row({s.origin.source, s.origin.layer, std::to_string(s.features.size()), format_area(total, u)});
    return render_tables({t}, o.format, o.bom);
  }
  std::vector<Table> tables{summary};
  if (!s.group_field.empty()) tables.push_back(groups);
  if (o.list_features) tables.push_back(features);
  return render_tables(tables, o.format, o.bom);
}

}  // namespace redline
