// redline tabulate: the area of each class inside each zone.
#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/tabulate_report.h"

namespace redline::cli {
namespace {

Command register_tabulate(CLI::App& parent) {
  struct Args {
    InputArgs zones, classes;
    MeasureArgs measure;
    EngineArgs engine;
    std::string zone_field, class_field;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "tabulate",
      "The area of each class inside each zone, with the percent of the zone: the land-use "
      "make-up of the red line by DLBM, say. Class features of one class that overlap count once.");
  cmd->add_option("ZONES", args->zones.path, "The zones layer, e.g. the red line")->required();
  cmd->add_option("CLASSES", args->classes.path, "The classes layer, e.g. the land-use parcels")->required();
  add_input_options(*cmd, args->zones);
  add_input_options(*cmd, args->classes, "classes", "the classes");
  add_measure_options(*cmd, args->measure);
  add_engine_options(*cmd, args->engine);
  cmd->add_option("--zone-field", args->zone_field,
                  "Zones attribute naming the zones (e.g. HXLX); default: the whole layer is one zone");
  cmd->add_option("--class-field", args->class_field, "Classes attribute naming the classes (e.g. DLBM)")
      ->required();
  cmd->footer(
      "Examples:\n"
      "  redline tabulate samples/huichang/huichang.gpkg samples/huichang/huichang.gpkg --layer redline \\\n"
      "      --classes-layer parcels --class-field DLBM\n"
      "  redline tabulate huichang.gpkg huichang.gpkg --layer redline --zone-field HXLX \\\n"
      "      --classes-layer parcels --class-field DLBM --unit mu --format csv --bom > redline_landuse.csv");

  Runner run = [args]() {
    const MeasureArgs& m = args->measure;
    TabulateReportOptions report;
    report.unit = m.area_unit();
    report.format = m.output_format();
    report.bom = m.bom;
    TabulateOptions options;
    options.engine = args->engine.engine_options(m);
    options.zone_field = args->zone_field;
    options.class_field = args->class_field;
    Layer zones = read_layer(args->zones.path, args->zones.read_options(m.threads));
    Layer classes = read_layer(args->classes.path, args->classes.read_options(m.threads));
    print(render_tabulate_report(tabulate(zones, classes, options), report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(31, register_tabulate);

}  // namespace redline::cli
