#include "redline/report/length_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/read_report_json.h"

namespace redline {

namespace {

nlohmann::ordered_json key_json(const std::string& key, bool null_key) {
  // The null group's key is JSON null, apart from the empty text "".
  return null_key ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(key);
}

}  // namespace

std::string length_report_json(const LengthSummary& s, const LengthReportOptions& o) {
  const LengthUnit u = o.unit;
  nlohmann::ordered_json j = {{"source", s.origin.source},
                              {"layer", s.origin.layer},
                              {"crs", s.crs.label()},
                              {"method", method_name(s.method)},
                              {"unit", unit_name(u)},
                              {"total", from_metres(s.total_m, u)},
                              {"features", s.features.size()}};
  if (!s.group_field.empty()) {
    j["group_field"] = s.group_field;
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const auto& g : s.groups) {
      groups.push_back({{"key", key_json(g.key, g.null_key)}, {"features", g.features},
                        {"length", from_metres(g.m, u)}});
    }
    j["groups"] = std::move(groups);
  }
  if (o.list_features) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : s.features) {
      nlohmann::ordered_json e = {{"fid", f.fid}, {"id", f.id}, {"length", from_metres(f.m, u)}};
      if (!s.group_field.empty()) e["group"] = key_json(f.group, f.group_missing);
      list.push_back(std::move(e));
    }
    j["feature_lengths"] = std::move(list);
  }
  j["read"] = read_report_json(s.origin.read);
  return detail::json_text(j);
}

std::string render_length_report(const LengthSummary& s, const LengthReportOptions& o) {
  if (o.format == OutputFormat::Json) return length_report_json(s, o);
  const LengthUnit u = o.unit;
  const std::string length_col = "length (" + unit_symbol(u) + ")";
  const double total = s.total_m;
  auto percent = [total](double m) { return total > 0 ? format_percent(100.0 * m / total) : "-"; };

  Table summary;
  summary.title = fmt::format("{} — layer {}", s.origin.source, s.origin.layer);
  summary.column("item").column("value");
  summary.add_row({"CRS", s.crs.label()});
  summary.add_row({"method", method_name(s.method)});
  summary.add_row({"features", std::to_string(s.features.size())});
  summary.add_row({"total " + length_col, format_length(total, u)});
  const LengthUnit other = u == LengthUnit::Kilometre ? LengthUnit::Metre : LengthUnit::Kilometre;
  summary.add_row({"  = " + unit_symbol(other), format_length(total, other)});
  summary.notes = detail::read_report_lines(s.origin.read, 0.0, kDefaultAreaUnit, LayerGeometry::Lines);

  Table groups;
  if (!s.group_field.empty()) {
    groups.title = "by " + s.group_field;
    groups.column(s.group_field).column("features", true).column(length_col, true).column("%", true);
    for (const auto& g : s.groups) {
      groups.add_row({group_label(g.key, g.null_key), std::to_string(g.features), format_length(g.m, u),
                      percent(g.m)});
      if (g.null_key) {
        groups.notes.push_back(fmt::format("(null): {} feature(s) without a {} value (null or NaN), kept apart "
                                           "from empty text",
                                           g.features, s.group_field));
      }
    }
    groups.add_row({"total", std::to_string(s.features.size()), format_length(total, u), percent(total)});
  }

  Table features;
  if (o.list_features) {
    features.title = "features";
    features.column("fid", true).column("id");
    if (!s.group_field.empty()) features.column(s.group_field);
    features.column(length_col, true);
    for (const auto& f : s.features) {
      std::vector<std::string> row = {std::to_string(f.fid), f.id};
      if (!s.group_field.empty()) row.push_back(f.group_missing ? "(null)" : f.group);
      row.push_back(format_length(f.m, u));
      features.add_row(std::move(row));
    }
  }

  if (o.format == OutputFormat::Csv) {
    if (o.list_features) return render_tables({features}, o.format, o.bom);
    if (!s.group_field.empty()) return render_tables({groups}, o.format, o.bom);
    Table t;
    t.column("source").column("layer").column("features", true).column(length_col, true);
    t.add_row({s.origin.source, s.origin.layer, std::to_string(s.features.size()), format_length(total, u)});
    return render_tables({t}, o.format, o.bom);
  }
  std::vector<Table> tables{summary};
  if (!s.group_field.empty()) tables.push_back(groups);
  if (o.list_features) tables.push_back(features);
  return render_tables(tables, o.format, o.bom);
}

}  // namespace redline
