// redline length: line lengths per feature, per group and in total.
#include <fmt/format.h>

#include "commands.h"
#include "redline/io/layer.h"
#include "redline/measure/length_summary.h"
#include "redline/report/length_report.h"

namespace redline::cli {
namespace {

Command register_length(CLI::App& parent) {
  struct Args {
    InputArgs input;
    MeasureArgs measure;  // format, BOM and threads; method and unit are a length's own
    std::string method = method_name(kDefaultLengthMethod), unit = unit_name(kDefaultLengthUnit);
    std::string by, id_field;
    bool list_features = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "length",
      "Measure line lengths (shoreline, boundaries): total, per group of an attribute (--by) and "
      "per feature (--features). Ellipsoidal by default: each segment is a geodesic on the "
      "layer's ellipsoid, as PostGIS ST_Length(geography) measures. Polygon layers are refused "
      "(measure them with redline area).");
  cmd->add_option("LAYER", args->input.path, "A line layer: Shapefile, GeoPackage, FileGDB or other OGR source")
      ->required();
  add_input_options(*cmd, args->input);
  cmd->add_option("--by", args->by, "Attribute to group lengths by (e.g. GNFQ)");
  cmd->add_flag("--features", args->list_features, "List every feature's length");
  cmd->add_option("--id-field", args->id_field, "Attribute naming features in the listing (e.g. BSM)");
  cmd->add_option("--method", args->method,
                  "ellipsoidal (geodesic segments on the CRS's ellipsoid) or planar (straight "
                  "segments in a projected CRS; too long by the Gauss-Krüger scale factor)")
      ->default_str(method_name(kDefaultLengthMethod));
  cmd->add_option("--unit", args->unit, list_names(length_unit_names()) + " (米, 公里 accepted)")
      ->default_str(unit_name(kDefaultLengthUnit));
  add_format_options(*cmd, args->measure.format, args->measure.output);
  cmd->add_flag("--bom", args->measure.bom, "Start CSV with a UTF-8 byte order mark (for Excel)");
  cmd->add_option("--threads", args->measure.threads, threads_help());
  cmd->footer(
      "Examples:\n"
      "  redline length samples/huichang/huichang.gpkg --layer shoreline_line --by GNFQ\n"
      "  redline length samples/huichang/huichang.gpkg --layer shoreline_line --features --unit m\n"
      "  redline length banks.shp --assume-crs EPSG:4527 --encoding GBK --unit 公里 --format json\n"
      "A line with fewer than 2 distinct vertices has no length: with --invalid repair (the default)\n"
      "it is kept with length 0 and reported, with skip it is left out, with fail or repair-strict\n"
      "it is refused.");

  Runner run = [args]() {
    const MeasureArgs& m = args->measure;
    // Both parsed before the layer is read: a wrong word is refused before any work.
    const LengthReportOptions report{parse_length_unit(args->unit), m.output_format(), args->list_features, m.bom};
    // Rows per feature only when listed: else memory does not grow with the layer.
    const LengthOptions options{parse_length_method(args->method), args->by, args->id_field, m.threads,
                                stderr_progress(), args->list_features};
    ReadOptions read = args->input.read_options(m.threads);
    read.geometry = LayerGeometry::Lines;
    // Streamed: each batch measured as it is read, its geometries dropped.
    print(render_length_report(summarize_lengths(args->input.path, read, options), report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(21, register_length);

}  // namespace redline::cli
