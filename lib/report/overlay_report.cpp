#include "redline/report/overlay_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "redline/measure/quantity_format.h"
#include "redline/report/area_report.h"
#include "report/layer_origin_report.h"
#include "report/json_text.h"

namespace redline {

namespace {

nlohmann::ordered_json overlay_json(const OverlayResult& r, const OverlayReportOptions& o) {
  return {{"op", overlay_op_name(r.op)},
          {"unit", unit_name(o.unit)},
          {"method", method_name(r.method)},
          {"crs", r.crs.label()},
          {"grid", r.grid_size},
          {"a", detail::origin_json(r.a)},
          {"b", detail::origin_json(r.b)},
          {"features", r.features.size()},
          {"from_both", r.from_both},
          {"a_only", r.a_only},
          {"b_only", r.b_only},
          {"area", from_square_metres(r.total_m2, o.unit)},
          {"read",
           {{"a", detail::origin_read_json(r.a, r.a_repair_delta_m2, o.unit)},
            {"b", detail::origin_read_json(r.b, r.b_repair_delta_m2, o.unit)}}}};
}

}  // namespace

std::string overlay_report_json(const OverlayResult& r, const OverlayReportOptions& o) {
  return detail::json_text(overlay_json(r, o));
}

std::string render_overlay_report(const OverlayResult& r, const OverlayReportOptions& o) {
  if (o.format == OutputFormat::Json) return overlay_report_json(r, o);
  const std::string ul = unit_symbol(o.unit);
  Table t;
  t.title = overlay_op_name(r.op) + " of " + detail::origin_title(r.a) + " and " + detail::origin_title(r.b);
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
  detail::append_read_lines(t.notes, "first: ", r.a, r.a_repair_delta_m2, o.unit);
  detail::append_read_lines(t.notes, "second: ", r.b, r.b_repair_delta_m2, o.unit);
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
