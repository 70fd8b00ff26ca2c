// redline coverage: how much of each target feature lies inside a cover layer.
#include <fmt/format.h>

#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/overlay/coverage.h"
#include "redline/report/coverage_layers.h"
#include "redline/report/coverage_report.h"

namespace redline::cli {
namespace {

Command register_coverage(CLI::App& parent) {
  struct Args {
    OverlayArgs layers;  // first: the target, second: the cover
    std::string by, id_field, features, out;
    double sliver_width = kDefaultSliverWidthMetres;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "coverage",
      "How much of each target feature lies inside a cover layer: area, inside, outside, percent "
      "inside, per feature, per group (--by) and in total. Overlapping cover features count once; "
      "features that only touch have 0 inside; overlaps thinner than --sliver-width are boundary "
      "noise, not conflicts.");
  cmd->add_option("TARGET", args->layers.first.path, "The layer measured: reserves, mines, shoreline, county...")
      ->required();
  cmd->add_option("--within", args->layers.second.path, "The cover layer, e.g. the red line")->required();
  add_overlay_options(*cmd, args->layers, "within", "the cover");
  cmd->add_option("--by", args->by, "Target attribute to group by (e.g. BHDMC, GNFQ)");
  cmd->add_option("--id-field", args->id_field, "Target attribute naming features in the listing (e.g. BSM)");
  cmd->add_option("--features", args->features,
                  fmt::format("Features listed: {} (inside: those with area inside, the conflict list; "
                              "default: {}, or {} with --by)",
                              feature_listing_choices(), feature_listing_name(default_feature_listing(false)),
                              feature_listing_name(default_feature_listing(true))));
  cmd->add_option("--sliver-width", args->sliver_width,
                  "Overlaps whose every part is thinner than this (metres) are slivers, counted as "
                  "outside; 0 = off")
      ->default_str(fmt::format("{:g}", kDefaultSliverWidthMetres));
  cmd->add_option("--out", args->out,
                  "Write the layers 'inside' and 'outside' (target attributes + area fields) to this "
                  "GeoPackage (.gpkg; never an input)");
  cmd->footer(
      "Examples:\n"
      "  redline coverage samples/huichang/huichang.gpkg --layer county --within-layer redline \\\n"
      "      --within samples/huichang/huichang.gpkg\n"
      "  redline coverage huichang.gpkg --layer reserves --by BHDMC --within huichang.gpkg --within-layer redline\n"
      "  redline coverage huichang.gpkg --layer mines --id-field BSM --within huichang.gpkg \\\n"
      "      --within-layer redline --out mine_conflicts.gpkg\n"
      "  redline coverage shp/mines.shp --within shp/redline.shp --encoding GBK --unit mu --format csv --bom");

  Runner run = [args]() {
    const OverlayArgs& in = args->layers;
    CoverageReportOptions report = in.measure.report_options<CoverageReportOptions>();
    report.listing = args->features.empty() ? default_feature_listing(!args->by.empty())
                                            : parse_feature_listing(args->features);
    CoverageOptions options;
    options.engine = in.engine_options();
    options.group_field = args->by;
    options.id_field = args->id_field;
    options.sliver_width = args->sliver_width;
    options.keep_geometries = !args->out.empty();
    // Refused before the work, not after it; the writer checks again.
    if (!args->out.empty()) check_output_target(args->out, {in.first.path, in.second.path});
    const OverlayLayers layers = in.read_layers();
    CoverageResult result = compute_coverage(layers.first, layers.second, options);
    if (!args->out.empty()) write_coverage_layers(result, layers.first, args->out, report.unit);
    print(render_coverage_report(result, report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(30, register_coverage);

}  // namespace redline::cli
