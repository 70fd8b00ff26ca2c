#include "redline/report/length_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/read_report_json.h"
#include "report/summary_tables.h"

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
  detail::MeasuredLayerTables t;
  t.source = s.origin.source;
  t.layer = s.origin.layer;
  t.figure_column = "length (" + unit_symbol(u) + ")";
  t.format = [u](double m) { return format_length(m, u); };
  t.total = s.total_m;
  t.features = s.features.size();
  const LengthUnit other = u == LengthUnit::Kilometre ? LengthUnit::Metre : LengthUnit::Kilometre;
  t.summary_rows = {{"CRS", s.crs.label()},
                    {"method", method_name(s.method)},
                    {"features", std::to_string(s.features.size())},
                    {"total " + t.figure_column, format_length(s.total_m, u)},
                    {"  = " + unit_symbol(other), format_length(s.total_m, other)}};
  t.summary_notes = detail::read_report_lines(s.origin.read, 0.0, kDefaultAreaUnit, LayerGeometry::Lines);
  t.group_field = s.group_field;
  for (const auto& g : s.groups) t.groups.push_back({g.key, g.null_key, g.features, g.m});
  t.list_features = o.list_features;
  for (const auto& f : s.features) t.items.push_back({f.fid, f.id, f.group, f.group_missing, f.m});
  return detail::render_measured_layer(t, o.format, o.bom);
}

}  // namespace redline
