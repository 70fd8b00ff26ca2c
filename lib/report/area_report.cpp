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

namespace {

detail::MeasuredLayerTables tables_of(const AreaSummary& s, const AreaReportOptions& o) {
  const AreaUnit u = o.unit;
  detail::MeasuredLayerTables t = detail::measured_layer(s, method_name(s.method), unit_name(u), s.total_m2,
                                                         &GroupArea::m2, &FeatureArea::m2, o.list_features);
  t.figure_column = "area (" + unit_symbol(u) + ")";
  t.format = [u](double m2) { return format_area(m2, u); };
  t.in_unit = [u](double m2) { return from_square_metres(m2, u); };
  t.figure_key = "area";
  t.listing_key = "feature_areas";
  t.summary_rows.push_back({"total " + t.figure_column, format_area(s.total_m2, u)});
  for (AreaUnit other : {AreaUnit::Hectare, AreaUnit::Mu, AreaUnit::SquareKilometre}) {
    if (other != u) t.summary_rows.push_back({"  = " + unit_symbol(other), format_area(s.total_m2, other)});
  }
  t.summary_notes = read_report_lines(s.origin.read, s.repair_delta_m2, u);
  return t;
}

}  // namespace

std::string area_report_json(const AreaSummary& s, const AreaReportOptions& o) {
  nlohmann::ordered_json j = detail::measured_layer_json(tables_of(s, o));
  j["read"] = detail::origin_read_json(s.origin, s.repair_delta_m2, o.unit);
  return detail::json_text(j);
}

std::string render_area_report(const AreaSummary& s, const AreaReportOptions& o) {
  if (o.format == OutputFormat::Json) return area_report_json(s, o);
  return detail::render_measured_layer(tables_of(s, o), o.format, o.bom);
}

}  // namespace redline
