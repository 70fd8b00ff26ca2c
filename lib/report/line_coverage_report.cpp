#include "redline/report/line_coverage_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/read_report_json.h"

namespace redline {

namespace {

using Json = nlohmann::ordered_json;

Json lengths_json(const LineCoverageFigures& f, LengthUnit u) {
  return {{"length", from_metres(f.length_m, u)},
          {"inside", from_metres(f.inside_m, u)},
          {"outside", from_metres(f.outside_m, u)},
          {"percent", f.percent()}};
}

Json key_or_null(const std::string& key, bool null_key) { return null_key ? Json(nullptr) : Json(key); }

// One row per group, or per feature when there is no group field: the groups of the report.
template <typename Visit>
void for_each_group_row(const LineCoverageResult& r, Visit&& visit) {
  if (!r.group_field.empty()) {
    for (const GroupLineCoverage& g : r.groups) visit(key_or_null(g.key, g.null_key), g, g.features, g.features_inside);
    return;
  }
  for (const FeatureLineCoverage& f : r.features) visit(Json(f.id), f, std::size_t{1}, std::size_t{f.inside_m > 0});
}

}  // namespace

std::string line_coverage_report_json(const LineCoverageResult& r, const LineCoverageReportOptions& o) {
  const LengthUnit u = o.unit;
  Json groups = Json::array();
  for_each_group_row(r, [&](Json key, const LineCoverageFigures& f, std::size_t n, std::size_t inside) {
    Json g = {{"key", std::move(key)}};
    g.update(lengths_json(f, u));
    g["features"] = n;
    g["features_inside"] = inside;
    groups.push_back(std::move(g));
  });
  Json inside = Json::array();
  for (const FeatureLineCoverage& f : r.features) {
    if (f.inside_m <= 0) continue;
    Json e = {{"fid", f.fid}, {"id", f.id}};
    if (!r.group_field.empty()) e["group"] = key_or_null(f.group, f.group_missing);
    e.update(lengths_json(f, u));
    inside.push_back(std::move(e));
  }
  Json j = {{"unit", unit_name(u)},          {"method", method_name(r.method)},
            {"measure", "length"},           {"total", lengths_json(r.total, u)},
            {"groups", std::move(groups)},   {"target", detail::origin_json(r.target)},
            {"cover", detail::origin_json(r.cover)}, {"crs", r.crs.label()},
            {"grid", r.grid_size}};
  j["group_field"] = r.group_field.empty() ? Json() : Json(r.group_field);
  j["features"] = r.features.size();
  j["features_inside"] = r.features_inside;
  j["inside"] = std::move(inside);
  j["read"] = {{"target", read_report_json(r.target.read)},
               {"cover", detail::origin_read_json(r.cover, 0.0, kDefaultAreaUnit)}};
  return detail::json_text(j);
}

std::string render_line_coverage_report(const LineCoverageResult& r, const LineCoverageReportOptions& o) {
  if (o.format == OutputFormat::Json) return line_coverage_report_json(r, o);
  const LengthUnit u = o.unit;
  const std::string us = unit_symbol(u);
  const std::vector<std::string> figure_columns = {"length (" + us + ")", "inside (" + us + ")",
                                                   "outside (" + us + ")", "% inside"};
  auto cells = [&](const LineCoverageFigures& f) {
    return std::vector<std::string>{format_length(f.length_m, u), format_length(f.inside_m, u),
                                    format_length(f.outside_m, u), format_percent(f.percent())};
  };
  auto with_figures = [&](Table& t) {
    for (const std::string& c : figure_columns) t.column(c, true);
  };
  auto append = [](std::vector<std::string> row, std::vector<std::string> more) {
    row.insert(row.end(), more.begin(), more.end());
    return row;
  };

  Table summary;
  summary.title = "coverage of the lines of " + detail::origin_title(r.target) + " within " +
                  detail::origin_title(r.cover);
  summary.column("item").column("value");
  summary.add_row({"CRS", r.crs.label()});
  summary.add_row({"method", method_name(r.method)});
  summary.add_row({"precision grid", fmt::format("{:g} {}", r.grid_size, r.crs.is_geographic() ? "°" : "m")});
  summary.add_row({"line features", std::to_string(r.features.size())});
  summary.add_row({"features inside", std::to_string(r.features_inside)});
  const std::vector<std::string> totals = cells(r.total);
  for (std::size_t i = 0; i < totals.size(); ++i) summary.add_row({figure_columns[i], totals[i]});
  summary.notes.push_back("Inside = within the interior of the union of the cover (overlapping cover features count "
                          "once); lines along the cover's boundary or only touching it are outside there.");
  detail::append_read_lines(summary.notes, "target: ", r.target, 0.0, kDefaultAreaUnit);
  detail::append_read_lines(summary.notes, "cover: ", r.cover, 0.0, kDefaultAreaUnit);

  Table groups;
  if (!r.group_field.empty()) {
    groups.title = "by " + r.group_field;
    groups.column(r.group_field).column("features", true).column("inside", true);
    with_figures(groups);
    for (const GroupLineCoverage& g : r.groups) {
      groups.add_row(append({group_label(g.key, g.null_key), std::to_string(g.features),
                             std::to_string(g.features_inside)},
                            cells(g)));
    }
    groups.add_row(append({"total", std::to_string(r.features.size()), std::to_string(r.features_inside)},
                          cells(r.total)));
  }

  Table features;
  if (o.listing != FeatureListing::None) {
    features.title = o.listing == FeatureListing::Inside
                         ? fmt::format("lines inside the cover ({} of {})", r.features_inside, r.features.size())
                         : "lines";
    features.column("fid", true).column(r.id_field.empty() ? "id" : r.id_field);
    if (!r.group_field.empty()) features.column(r.group_field);
    with_figures(features);
    for (const FeatureLineCoverage& f : r.features) {
      if (o.listing == FeatureListing::Inside && f.inside_m <= 0) continue;
      std::vector<std::string> row = {std::to_string(f.fid), f.id};
      if (!r.group_field.empty()) row.push_back(f.group_missing ? "(null)" : f.group);
      features.add_row(append(std::move(row), cells(f)));
    }
  }

  // CSV holds one table: the lines listed, else the groups, else the total on one row.
  Table total_row;
  total_row.column("target").column("cover").column("features", true).column("features inside", true);
  with_figures(total_row);
  total_row.add_row(append({r.target.layer, r.cover.layer, std::to_string(r.features.size()),
                            std::to_string(r.features_inside)},
                           cells(r.total)));
  const bool listed = o.listing != FeatureListing::None, grouped = !r.group_field.empty();
  if (o.format == OutputFormat::Csv) return render_tables({listed ? features : grouped ? groups : total_row}, o.format, o.bom);
  std::vector<Table> tables{summary};
  for (const auto& [shown, table] : {std::make_pair(grouped, &groups), std::make_pair(listed, &features)}) {
    if (shown) tables.push_back(*table);
  }
  return render_tables(tables, o.format, o.bom);
}

}  // namespace redline
