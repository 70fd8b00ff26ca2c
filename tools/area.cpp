// redline area: areas per feature, per group and in total.
#include "commands.h"
#include "redline/measure/area_summary.h"
#include "redline/report/area_report.h"

namespace redline::cli {
namespace {

Command register_area(CLI::App& parent) {
  struct Args {
    InputArgs input;
    MeasureArgs measure;
    std::string by, id_field;
    bool list_features = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "area",
      "Measure polygon areas: total, per group of an attribute (--by) and per feature "
      "(--features). Ellipsoidal on the layer's ellipsoid by default, as official figures are.");
  cmd->add_option("LAYER", args->input.path, "Shapefile, GeoPackage, FileGDB or other OGR source")
      ->required();
  add_input_options(*cmd, args->input);
  add_measure_options(*cmd, args->measure);
  cmd->add_option("--by", args->by, "Attribute to group areas by (e.g. HXLX, DLBM)");
  cmd->add_flag("--features", args->list_features, "List every feature's area");
  cmd->add_option("--id-field", args->id_field, "Attribute naming features in the listing (e.g. BSM)");
  cmd->footer(
      "Examples:\n"
      "  redline area samples/huichang/huichang.gpkg --layer county --unit km2\n"
      "  redline area samples/huichang/shp/redline.shp --by HXLX --unit mu\n"
      "  redline area parcels.shp --assume-crs EPSG:4527 --encoding GBK --format json");

  Runner run = [args]() {
    const MeasureArgs& m = args->measure;
    AreaReportOptions report = m.report_options<AreaReportOptions>();
    report.list_features = args->list_features;
    AreaOptions options;
    options.method = m.area_method();
    options.group_field = args->by;
    options.id_field = args->id_field;
    options.threads = m.threads;
    options.progress = stderr_progress();
    options.keep_features = args->list_features;  // else memory does not grow with the layer
    // Streamed: each batch measured as it is read, its geometries dropped.
    print(render_area_report(
        summarize_areas(args->input.path, args->input.read_options(m.threads), options), report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(20, register_area);

}  // namespace redline::cli
