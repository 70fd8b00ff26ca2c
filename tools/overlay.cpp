// redline overlay: the intersection, difference, identity or union of two layers, with the
// attributes of both, written to a GeoPackage.
#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/overlay/overlay.h"
#include "redline/report/overlay_layer.h"
#include "redline/report/overlay_report.h"

namespace redline::cli {
namespace {

Command register_overlay(CLI::App& parent) {
  struct Args {
    OverlayArgs layers;  // first: A, second: B
    std::string op = overlay_op_name(kDefaultOverlayOp), out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "overlay",
      "Overlay two layers into one GeoPackage layer with the attributes of both: intersection "
      "(A ∩ B per pair), difference (A outside B), identity (intersections + A outside B) or union "
      "(identity + B outside A). Ready for QGIS.");
  cmd->add_option("A", args->layers.first.path, "First layer (its CRS is the result's unless --crs)")->required();
  cmd->add_option("B", args->layers.second.path, "Second layer")->required();
  add_overlay_options(*cmd, args->layers, "b", "B");
  cmd->add_option("--op", args->op, overlay_op_choices())->default_str(overlay_op_name(kDefaultOverlayOp));
  cmd->add_option("--out", args->out, "GeoPackage (.gpkg) to write; an existing file is replaced when the new one is complete, an input never")->required();
  cmd->footer(
      "Examples:\n"
      "  redline overlay huichang.gpkg huichang.gpkg --layer mines --b-layer redline --out mines_in_redline.gpkg\n"
      "  redline overlay huichang.gpkg huichang.gpkg --layer parcels --b-layer redline --op identity \\\n"
      "      --out parcels_by_redline.gpkg --unit mu");

  Runner run = [args]() {
    const OverlayArgs& in = args->layers;
    OverlayReportOptions report = in.measure.report_options<OverlayReportOptions>();
    report.out_path = args->out;
    OverlayOptions options;
    options.engine = in.engine_options();
    options.op = parse_overlay_op(args->op);
    // Refused before the work, not after it; the writer checks again.
    check_output_target(args->out, {in.first.path, in.second.path});
    refuse_output_clash(in.measure.output, {{"--out", args->out}});
    const OverlayLayers layers = in.read_layers();
    OverlayResult result = overlay_layers(layers.first, layers.second, options);
    write_overlay_layer(result, layers.first, layers.second, args->out, report.unit);
    print(render_overlay_report(result, report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(32, register_overlay);

}  // namespace redline::cli
