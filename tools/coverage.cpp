// redline coverage: how much of each target feature lies inside a cover layer.
#include <optional>

#include <fmt/format.h>

#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/io/read_layers.h"
#include "redline/report/coverage_job.h"

namespace redline::cli {
namespace {

Command register_coverage(CLI::App& parent) {
  struct Args {
    OverlayArgs layers;  // first: the target, second: the cover
    std::string by, id_field, features, out, map;
    double sliver_width = kDefaultSliverWidthMetres;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "coverage",
      "How much of each target feature lies inside a cover layer: area, inside, outside, percent "
      "inside, per feature, per group (--by) and in total. Overlapping cover features count once; "
      "features that only touch have 0 inside; overlaps thinner than --sliver-width are boundary "
      "noise, not conflicts. A line TARGET (shoreline) is measured by length: the length of each line "
      "inside the cover (--unit m or km, default " + unit_name(kDefaultLengthUnit) + "; --method ellipsoidal "
      "or planar).");
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
  cmd->add_option("--map", args->map,
                  "Draw the coverage map (the cover, the targets' parts outside it and, in red, inside it) to "
                  "FILE.png, .svg or .pdf (A4 landscape; polygon targets)");
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
      "  redline coverage shp/mines.shp --within shp/redline.shp --encoding GBK --unit mu --format csv --bom\n"
      "  redline coverage samples/huichang/huichang.gpkg --layer shoreline_line --by GNFQ \\\n"
      "      --within samples/huichang/huichang.gpkg --within-layer redline --unit km");

  Runner run = [args, cmd]() {
    const OverlayArgs& in = args->layers;
    // Settings not given stay unset: the library then picks the default of the target's kind
    // (an area or a length) and refuses a polygon-only setting for a line target.
    auto given = [&](const char* flag, const std::string& value) {
      return cmd->count(flag) ? std::optional<std::string>(value) : std::nullopt;
    };
    CoverageJob job;
    job.unit = given("--unit", in.measure.unit);
    job.method = given("--method", in.measure.method);
    job.group_field = args->by;
    job.id_field = args->id_field;
    job.features = args->features;
    if (cmd->count("--sliver-width")) job.sliver_width = args->sliver_width;
    job.crs = in.crs;
    job.grid = in.grid;
    job.out = args->out;
    job.map = args->map;
    job.threads = in.measure.threads;
    job.progress = stderr_progress();
    job.spell = [](std::string_view key) { return "--" + std::string(key); };
    const std::vector<std::string> inputs = {in.first.path, in.second.path};
    check_coverage_job(job, inputs);  // refused before the work, not after it
    refuse_output_clash(in.measure.output, {{"--out", args->out}, {"--map", args->map}});
    ReadOptions target_read = in.first.read_options(in.measure.threads);
    target_read.geometry = LayerGeometry::Any;  // polygons, or lines measured by length
    // Both layers at once, each on its own thread (with --threads 1, one after the other).
    const std::vector<Layer> layers =
        read_layers({{in.first.path, target_read}, {in.second.path, in.second.read_options(in.measure.threads)}});
    const CoverageOutcome outcome = run_coverage_job(layers[0], layers[1], job, inputs);
    print(outcome.render(in.measure.output_format(), in.measure.bom));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(30, register_coverage);

}  // namespace redline::cli
