// redline overlay: the intersection, difference, identity or union of two layers, with the
// attributes of both, written to a GeoPackage.
#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/overlay/overlay.h"
#include "redline/report/overlay_report.h"

namespace redline::cli {
namespace {

Command register_overlay(CLI::App& parent) {
  struct Args {
    InputArgs a, b;
    MeasureArgs measure;
    EngineArgs engine;
    std::string op = "intersection", out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "overlay",
      "Overlay two layers into one GeoPackage layer with the attributes of both: intersection "
      "(A ∩ B per pair), difference (A outside B), identity (intersections + A outside B) or union "
      "(identity + B outside A). Ready for QGIS.");
  cmd->add_option("A", args->a.path, "First layer (its CRS is the result's unless --crs)")->required();
  cmd->add_option("B", args->b.path, "Second layer")->required();
  add_input_options(*cmd, args->a);
  add_input_options(*cmd, args->b, "b", "B");
  add_measure_options(*cmd, args->measure);
  add_engine_options(*cmd, args->engine);
  cmd->add_option("--op", args->op, "intersection, difference, identity or union")->default_str("intersection");
  cmd->add_option("--out", args->out, "GeoPackage (.gpkg) to write; an existing file is replaced when the new one is complete, an input never")->required();
  cmd->footer(
      "Examples:\n"
      "  redline overlay huichang.gpkg huichang.gpkg --layer mines --b-layer redline --out mines_in_redline.gpkg\n"
      "  redline overlay huichang.gpkg huichang.gpkg --layer parcels --b-layer redline --op identity \\\n"
      "      --out parcels_by_redline.gpkg --unit mu");

  Runner run = [args]() {
    const MeasureArgs& m = args->measure;
    OverlayReportOptions report;
    report.unit = m.area_unit();
    report.format = m.output_format();
    report.bom = m.bom;
    report.out_path = args->out;
    OverlayOptions options;
    options.engine = args->engine.engine_options(m);
    options.op = parse_overlay_op(args->op);
    // Refused before the work, not after it; the writer checks again.
    check_output_target(args->out, {args->a.path, args->b.path});
    Layer a = read_layer(args->a.path, args->a.read_options(m.threads));
    Layer b = read_layer(args->b.path, args->b.read_options(m.threads));
    OverlayResult result = overlay_layers(a, b, options);
    write_overlay_layer(result, a, b, args->out, report.unit);
    print(render_overlay_report(result, report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(32, register_overlay);

}  // namespace redline::cli
