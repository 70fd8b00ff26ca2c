#include "redline/report/overlay_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "redline/report/area_report.h"
#include "report/overlay_json.h"
#include "report/read_report_json.h"  // moved out of area_report.h (no nlohmann in a public header)

namespace redline {

namespace {

nlohmann::ordered_json overlay_json(const OverlayResult& r, const OverlayReportOptions& o) {
  return {{"op", overlay_op_name(r.op)},
          {"unit", unit_name(o.unit)},
          {"method", method_name(r.method)},
          {"crs", r.crs.label()},
          {"grid", r.grid_size},
          {"a", {{"source", r.a_source}, {"layer", r.a_layer}}},
          {"b", {{"source", r.b_source}, {"layer", r.b_layer}}},
          {"features", r.features.size()},
          {"from_both", r.from_both},
          {"a_only", r.a_only},
          {"b_only", r.b_only},
          {"area", from_square_metres(r.total_m2, o.unit)},
          {"read",
           {{"a", detail::input_read_json(r.a_read, r.a_repair_delta_m2, o.unit)},
            {"b", detail::input_read_json(r.b_read, r.b_repair_delta_m2, o.unit)}}}};
}

}  // namespace

std::string overlay_report_json(const OverlayResult& r, const OverlayReportOptions& o) {
  return detail::report_json_text(overlay_json(r, o));
}

std::string render_overlay_report(const OverlayResult& r, const OverlayReportOptions& o) {
  if (o.format == OutputFormat::Json) return overlay_report_json(r, o);
  const std::string ul = unit_symbol(o.unit);
  Table t;
  t.title = fmt::format("{} of {} (layer {}) and {} (layer {})", overlay_op_name(r.op), r.a_source, r.a_layer,
                        r.b_source, r.b_layer);
  t.column("item").column("value");
  if (!o.out_path.empty()) t.add_row({"written to", o.out_path + " (layer " + overlay_op_name(r.op) + ")"});
  t.add_row({"CRS", r.crs.label()});
  t.add_row({"method", method_name(r.method)});
  t.add_row({"precision grid", fmt::format("{:g} {}", r.grid_size, r.crs.is_geographic() ? "°" : "m")});
  t.add_row({"features", std::to_string(r.features.size())});
  t.add_row({"  from both layers", std::to_string(r.from_both)});
  if (r.op != OverlayOp::Intersection) t.add_row({"  from the first only", std::to_string(r.a_only)});
  if (r.op == OverlayOp::Union) t.add_row({"  from the second only", std::to_string(r.b_only)});
  t.add_row({"area (" + ul + ")", format_area(r.total_m2, o.unit)});
  for (const auto& l : read_report_lines(r.a_read, r.a_repair_delta_m2, o.unit)) t.notes.push_back("first: " + l);
  for (const auto& l : read_report_lines(r.b_read, r.b_repair_delta_m2, o.unit)) t.notes.push_back("second: " + l);
  if (o.format == OutputFormat::Csv) {
    Table c;
    c.column("op").column("features", true).column("from both", true).column("first only", true)
        .column("second only", true).column("area (" + ul + ")", true);
    c.add_row({overlay_op_name(r.op), std::to_string(r.features.size()), std::to_string(r.from_both),
               std::to_string(r.a_only), std::to_string(r.b_only), format_area(r.total_m2, o.unit)});
    return render_tables({c}, o.format, o.bom);
  }
  return render_tables({t}, o.format, o.bom);
}

}  // namespace redline
