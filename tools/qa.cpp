// redline qa: what a reviewer checks on a delivered polygon layer before accepting it.
#include <fmt/format.h>

#include "commands.h"
#include "redline/checks/delivery_qa.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/report/qa_layers.h"
#include "redline/report/qa_report.h"

namespace redline::cli {
namespace {

Command register_qa(CLI::App& parent) {
  struct Args {
    InputArgs input, within;
    MeasureArgs measure;
    std::string key, area_field, area_unit = unit_name(kDefaultAreaFieldUnit), strict, out;
    double sliver_width = kDefaultQaSliverWidthMetres, noise_width = kDefaultSliverWidthMetres,
           spike_angle = kDefaultSpikeAngleDegrees, area_tolerance = kDefaultAreaTolerancePercent;
    std::size_t shown = kDefaultQaFindingsShown;
  };
  auto args = std::make_shared<Args>();
  args->measure.unit = unit_name(kDefaultQaReportUnit);
  CLI::App* cmd = parent.add_subcommand(
      "qa",
      "Delivery QA in one pass: invalid geometry, overlapping features, gaps inside a boundary "
      "(--within), sliver polygons, spikes and saw-teeth, duplicate or empty keys (--key), an "
      "area field that disagrees with the geometry (--area-field). Each finding names its "
      "features and a location. Exit 1 only when a kind made strict (--strict) has findings.");
  cmd->add_option("LAYER", args->input.path, "The delivered polygon layer (Shapefile, GeoPackage...)")->required();
  cmd->add_option("--within", args->within.path, "Boundary the layer must cover without gaps (the county, a zone)");
  add_input_options(*cmd, args->input);
  add_input_options(*cmd, args->within, "within", "the boundary");
  // QA sees the delivery as delivered: invalid polygons are repaired for the other checks and
  // each is listed as a finding, never skipped or refused.
  cmd->remove_option(cmd->get_option("--invalid"));
  cmd->remove_option(cmd->get_option("--within-invalid"));
  add_measure_options(*cmd, args->measure);
  cmd->get_option("--unit")->default_str(unit_name(kDefaultQaReportUnit));
  // A field option given empty ("--key ''", a script's unset variable) is a slip, not "no key".
  const auto field_name = [](const std::string& name) {
    return name.empty() ? std::string("needs a field name, not an empty text") : std::string();
  };
  cmd->add_option("--key", args->key, "Attribute that must name every feature once (e.g. BSM)")->check(field_name);
  cmd->add_option("--area-field", args->area_field, "Attribute holding each feature's area (e.g. MJ, TBMJ, MJ_HA)")
      ->check(field_name);
  cmd->add_option("--area-unit", args->area_unit,
                  fmt::format("Unit of --area-field: {}; Chinese names accepted (MJ_HA: ha)",
                              list_names(area_unit_names())))
      ->default_str(unit_name(kDefaultAreaFieldUnit));
  // The thresholds: each a number whose default is the library's constant.
  const struct {
    const char* flag;
    double* value;
    double default_value;
    const char* help;
  } thresholds[] = {
      {"--area-tolerance", &args->area_tolerance, kDefaultAreaTolerancePercent,
       "Percent of the computed area by which --area-field may differ (from the planar, ellipsoidal or "
       "survey area)"},
      {"--sliver-width", &args->sliver_width, kDefaultQaSliverWidthMetres,
       "Polygons and parts in which no disk this wide (metres) fits are slivers; 0 = off"},
      {"--noise-width", &args->noise_width, kDefaultSliverWidthMetres,
       "Overlaps and gaps thinner than this (metres) are rounding noise, not findings"},
      {"--spike-angle", &args->spike_angle, kDefaultSpikeAngleDegrees,
       "Vertices whose edges meet at less than this (degrees) are spikes (龙须) or saw-teeth (锯齿); 0 = off"},
  };
  for (const auto& t : thresholds) cmd->add_option(t.flag, *t.value, t.help)->default_str(default_text(t.default_value));
  CLI::Option* strict_option = cmd->add_option("--strict", args->strict,
                  fmt::format("Finding kinds that fail the run (exit 1), comma separated: {}, or all "
                              "(default: none, findings are printed and the exit code is 0)",
                              list_names(qa_kind_names(), ", ")));
  cmd->add_option("--show", args->shown, "Findings listed in the table (JSON, CSV and Markdown list all)")
      ->default_str(std::to_string(kDefaultQaFindingsShown));
  cmd->add_option("--out", args->out,
                  "Write one layer per finding kind (pieces, slivers, spike triangles, features) to "
                  "this GeoPackage (.gpkg; never an input)");
  cmd->footer(
      "Examples:\n"
      "  redline qa samples/huichang/huichang.gpkg --layer parcels --key BSM \\\n"
      "      --within samples/huichang/huichang.gpkg --within-layer county\n"
      "  redline qa delivery.shp --encoding GBK --key BSM --area-field TBMJ --strict overlaps,gaps\n"
      "  redline qa delivery.gpkg --area-field MJ_HA --area-unit ha --format json --out qa.gpkg");

  Runner run = [args, strict_option]() {
    QaOptions options;
    const MeasureArgs& m = args->measure;
    QaReportOptions report = m.report_options<QaReportOptions>();
    report.shown = args->shown;
    options.key_field = args->key;
    options.area_field = args->area_field;
    options.area_field_unit = parse_area_unit(args->area_unit);
    options.area_tolerance_percent = args->area_tolerance;
    options.sliver_width_metres = args->sliver_width;
    options.noise_width_metres = args->noise_width;
    options.spike_angle_degrees = args->spike_angle;
    options.method = m.area_method();
    options.keep_geometries = !args->out.empty();
    options.threads = m.threads;
    options.progress = stderr_progress();
    // Given, even empty, it must name kinds: "--strict ''" is a slip, not "nothing strict".
    const std::vector<QaFindingKind> strict = strict_option->count() > 0 ? parse_qa_kinds(args->strict)
                                                                         : std::vector<QaFindingKind>{};
    validate_qa_options(options);
    // Refused before the work, not after it; the writer checks again.
    std::vector<std::string> inputs{args->input.path};
    if (!args->within.path.empty()) inputs.push_back(args->within.path);
    if (!args->out.empty()) check_output_target(args->out, inputs);
    refuse_output_clash(m.output, {{"--out", args->out}});

    const Layer layer = read_layer(args->input.path, args->input.read_options(m.threads));
    std::optional<Layer> within;
    if (!args->within.path.empty()) within = read_layer(args->within.path, args->within.read_options(m.threads));
    const QaResult result = run_delivery_qa(layer, within ? &*within : nullptr, options);
    if (!args->out.empty()) write_qa_layers(result, args->out, report.unit);
    print(render_qa_report(result, report));
    return breaks_strict(result, strict) ? kCheckFailed : kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(55, register_qa);

}  // namespace redline::cli
