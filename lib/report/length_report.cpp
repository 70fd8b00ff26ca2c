#include "redline/report/length_report.h"

#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "report/json_text.h"
#include "report/layer_origin_report.h"
#include "report/read_report_json.h"
#include "report/summary_tables.h"

namespace redline {

namespace {

// The length's own rows, columns and notes on the shared tables: the total in both units.
detail::MeasuredLayerTables tables_of(const LengthSummary& s, const LengthReportOptions& o) {
  const LengthUnit u = o.unit;
  const LengthUnit other = u == LengthUnit::Kilometre ? LengthUnit::Metre : LengthUnit::Kilometre;
  detail::MeasuredLayerTables t = detail::measured_layer(s, method_name(s.method), unit_name(u), s.total_m,
                                                         &GroupLength::m, &FeatureLength::m, o.list_features);
  t.figure_column = "length (" + unit_symbol(u) + ")";
  t.format = [u](double m) { return format_length(m, u); };
  t.in_unit = [u](double m) { return from_metres(m, u); };
  std::tie(t.figure_key, t.listing_key) = std::make_pair("length", "feature_lengths");
  t.summary_rows.insert(t.summary_rows.end(), {{"total " + t.figure_column, format_length(s.total_m, u)},
                                               {"  = " + unit_symbol(other), format_length(s.total_m, other)}});
  t.summary_notes = detail::read_report_lines(s.origin.read, 0.0, kDefaultAreaUnit, LayerGeometry::Lines);
  return t;
}

}  // namespace

std::string length_report_json(const LengthSummary& s, const LengthReportOptions& o) {
  nlohmann::ordered_json j = detail::measured_layer_json(tables_of(s, o));
  j["read"] = read_report_json(s.origin.read);
  return detail::json_text(j);
}

std::string render_length_report(const LengthSummary& s, const LengthReportOptions& o) {
  if (o.format == OutputFormat::Json) return length_report_json(s, o);
  return detail::render_measured_layer(tables_of(s, o), o.format, o.bom);
}

}  // namespace redline
