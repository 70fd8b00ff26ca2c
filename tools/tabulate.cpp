// redline tabulate: the area of each class inside each zone.
#include "commands.h"
#include "overlay_args.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"
#include "redline/report/tabulate_report.h"

namespace redline::cli {
namespace {

Command register_tabulate(CLI::App& parent) {
  struct Args {
    OverlayArgs layers;  // first: the zones, second: the classes
    std::string zone_field, class_field, map;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "tabulate",
      "The area of each class inside each zone, with the percent of the zone: the land-use "
      "make-up of the red line by DLBM, say. Class features of one class that overlap count once. The classes "
      "are streamed through an index of the zones: those whose bounding box meets no zone are counted but not "
      "validated or overlaid (the read report says how many); with --map they are all read.");
  cmd->add_option("ZONES", args->layers.first.path, "The zones layer, e.g. the red line")->required();
  cmd->add_option("CLASSES", args->layers.second.path, "The classes layer, e.g. the land-use parcels")->required();
  add_overlay_options(*cmd, args->layers, "classes", "the classes");
  cmd->add_option("--zone-field", args->zone_field,
                  "Zones attribute naming the zones (e.g. HXLX); default: the whole layer is one zone");
  cmd->add_option("--class-field", args->class_field, "Classes attribute naming the classes (e.g. DLBM)")
      ->required();
  cmd->add_option("--map", args->map,
                  "Draw the classes inside the zones, coloured by class, the zones outlined, to FILE.png, .svg or "
                  ".pdf (A4 landscape)");
  cmd->footer(
      "Examples:\n"
      "  redline tabulate samples/huichang/huichang.gpkg samples/huichang/huichang.gpkg --layer redline \\\n"
      "      --classes-layer parcels --class-field DLBM\n"
      "  redline tabulate huichang.gpkg huichang.gpkg --layer redline --zone-field HXLX \\\n"
      "      --classes-layer parcels --class-field DLBM --unit mu --format csv --bom > redline_landuse.csv");

  Runner run = [args]() {
    const OverlayArgs& in = args->layers;
    TabulateOptions options;
    options.engine = in.engine_options();
    options.zone_field = args->zone_field;
    options.class_field = args->class_field;
    // Refused before the work, not after it.
    if (!args->map.empty()) check_map_target(args->map, {in.first.path, in.second.path});
    refuse_output_clash(in.measure.output, {{"--map", args->map}});
    TabulateResult result;
    if (args->map.empty()) {
      // The zones held whole and indexed, the classes streamed through them: only the classes
      // near a zone are validated and overlaid, and only those inside one are kept. When the
      // zones are the larger layer this holds what reading both whole held, and no more.
      const Layer zones = read_layer(in.first.path, in.first.read_options(in.measure.threads));
      result = tabulate(zones, in.second.path, in.second.read_options(in.measure.threads), options);
    } else {
      // The map draws the classes whole, also outside the zones: both layers are read whole.
      const OverlayLayers layers = in.read_layers();
      result = tabulate(layers.first, layers.second, options);
      render_map(map_of_tabulate(result, layers.first, layers.second), args->map, {in.first.path, in.second.path});
    }
    print(render_tabulate_report(result, in.measure.report_options<TabulateReportOptions>()));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(31, register_tabulate);

}  // namespace redline::cli
