// redline coverage: how much of each target feature lies inside a cover layer.
#include <optional>

#include <fmt/format.h>

#include "commands.h"
#include "overlay_args.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/line_coverage.h"
#include "redline/report/coverage_layers.h"
#include "redline/report/coverage_report.h"
#include "redline/report/line_coverage_report.h"

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

  // A line target: lengths inside the cover, from the same options where they apply.
  auto run_lines = [args, cmd](const Layer& lines, const Layer& cover) {
    for (const char* flag : {"--out", "--map", "--crs", "--grid", "--sliver-width"}) {
      if (cmd->count(flag)) {
        throw UsageError(fmt::format("{} applies to polygon targets; {} holds lines", flag, lines.name));
      }
    }
    const OverlayArgs& in = args->layers;
    LineCoverageReportOptions report;
    report.unit = cmd->count("--unit") ? parse_length_unit(in.measure.unit) : kDefaultLengthUnit;
    report.format = in.measure.output_format();
    report.bom = in.measure.bom;
    report.listing = args->features.empty() ? default_feature_listing(!args->by.empty())
                                            : parse_feature_listing(args->features);
    LineCoverageOptions options;
    options.method = cmd->count("--method") ? parse_length_method(in.measure.method) : kDefaultLengthMethod;
    options.group_field = args->by;
    options.id_field = args->id_field;
    options.threads = in.measure.threads;
    options.progress = stderr_progress();
    print(render_line_coverage_report(compute_line_coverage(lines, cover, options), report));
    return kOk;
  };

  Runner run = [args, cmd, run_lines]() {
    const OverlayArgs& in = args->layers;
    struct PolygonRun {
      CoverageReportOptions report;
      CoverageOptions options;
    };
    // The polygon settings, checked before any reading unless --unit names a length unit (a line
    // target is then expected; its settings are checked once the target is read).
    auto polygon_run = [&] {
      PolygonRun p{in.measure.report_options<CoverageReportOptions>(), {}};
      p.report.listing = args->features.empty() ? default_feature_listing(!args->by.empty())
                                                : parse_feature_listing(args->features);
      p.options.engine = in.engine_options();
      p.options.group_field = args->by;
      p.options.id_field = args->id_field;
      p.options.sliver_width = args->sliver_width;
      p.options.keep_geometries = !args->out.empty() || !args->map.empty();
      return p;
    };
    bool length_unit = false;
    try {
      if (cmd->count("--unit")) length_unit = (parse_length_unit(in.measure.unit), true);
    } catch (const UsageError&) {
    }
    std::optional<PolygonRun> polygons;
    if (!length_unit) polygons = polygon_run();
    // Refused before the work, not after it; the writer checks again.
    if (!args->out.empty()) check_output_target(args->out, {in.first.path, in.second.path});
    if (!args->map.empty()) check_map_target(args->map, {in.first.path, in.second.path});
    refuse_output_clash(in.measure.output, {{"--out", args->out}, {"--map", args->map}});
    ReadOptions target_read = in.first.read_options(in.measure.threads);
    target_read.geometry = LayerGeometry::Any;  // polygons, or lines measured by length
    const Layer target = read_layer(in.first.path, target_read);
    const Layer cover = read_layer(in.second.path, in.second.read_options(in.measure.threads));
    if (target.geometry == LayerGeometry::Lines) return run_lines(target, cover);
    if (!polygons) polygons = polygon_run();
    CoverageResult result = compute_coverage(target, cover, polygons->options);
    if (!args->out.empty()) write_coverage_layers(result, target, args->out, polygons->report.unit);
    if (!args->map.empty()) render_map(map_of_coverage(result, target, cover), args->map, {in.first.path, in.second.path});
    print(render_coverage_report(result, polygons->report));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(30, register_coverage);

}  // namespace redline::cli
