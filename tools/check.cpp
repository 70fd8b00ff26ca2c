// redline check: the plan's spatial rules as pass/fail checks, from a rules file or one at a time.
#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.h"
#include "redline/checks/check.h"
#include "redline/checks/check_spec_builder.h"
#include "redline/measure/units.h"
#include "redline/overlay/sliver.h"
#include "redline/report/check_job.h"
#include "redline/report/check_report.h"

namespace redline::cli {
namespace {

Command register_check(CLI::App& parent) {
  struct Args {
    std::string target, layer_path;
    InputArgs input;
    MeasureArgs measure;
    std::string deliveries, delivery, title;
    // the quick form
    std::string name, baseline, previous, previous_layer, key, label, by, field, order, within, within_layer,
        zones, share_of, min_percent, measure_kind;
    std::vector<std::string> where;
    // the conflict kinds
    std::vector<std::string> with, with_layer;
    std::string max_overlap, max_area, max_percent, max_gap, sliver_width, out;
    std::string report;  // --report FILE.html
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "check",
      "Run the plan's spatial rules as pass/fail checks: every check of a rules file (TOML), or one check "
      "given on the command line. Prints each computed value beside its threshold with 达标 / 未达标; exit "
      "code 0 when all pass, 1 when one fails.");
  cmd->add_option("RULES_OR_KIND", args->target,
                  "A rules file (.toml), or a check kind: " + fmt::format("{}", fmt::join(check_kind_names(), ", ")))
      ->required();
  cmd->add_option("LAYER", args->layer_path, "With a check kind: the layer to check (its --layer picks one of a "
                                               "GeoPackage's layers)");
  cmd->add_option("--deliveries", args->deliveries,
                  "Run the rules on every delivery in this folder (its subfolders and .gpkg/.shp/.geojson "
                  "files): {delivery} in the rules' paths becomes each one in turn");
  cmd->add_option("--delivery", args->delivery, "Run the rules on this one delivery (replaces {delivery})");
  cmd->add_option("--title", args->title, "Heading of the report (default: the rules file's title)");
  add_input_options(*cmd, args->input);
  // --assume-crs, --encoding and --invalid apply to every layer a check reads; --layer to LAYER.
  register_input_flags(*cmd, args->layer_path, args->input.layer, InputFlags{});
  register_input_flags(*cmd, args->previous, args->previous_layer,
                       InputFlags{"--previous-layer", "--assume-crs", "--encoding", "--invalid"});
  register_input_flags(*cmd, args->within, args->within_layer,
                       InputFlags{"--within-layer", "--assume-crs", "--encoding", "--invalid"});
  add_measure_options(*cmd, args->measure);
  auto* quick = cmd->add_option_group("quick form", "One check, without a rules file");
  quick->add_option("--name", args->name, "Name of the check in the report");
  quick->add_option("--baseline", args->baseline, "not-reduced: the smallest area that passes, with its unit (75587.98ha)");
  quick->add_option("--previous", args->previous, "The previous version to compare with");
  quick->add_option("--previous-layer", args->previous_layer, "Layer of --previous (GeoPackage, FileGDB)");
  quick->add_option("--key", args->key, "Attribute matching and naming features across versions (e.g. BSM)");
  quick->add_option("--label", args->label, "not-reduced: attribute shown beside the key for lost features (e.g. HXMC)");
  quick->add_option("--by", args->by, "not-reduced: check each group of this attribute against its previous area");
  quick->add_option("--field", args->field,
                    "nature-unchanged, function-not-lowered: the attribute compared; share-of-zones: the zone "
                    "attribute (default " + std::string(kDefaultZoneField) + ")");
  quick->add_option("--order", args->order,
                    "function-not-lowered: the values, highest function first, comma-separated (核心区,缓冲区,实验区)");
  quick->add_option("--within", args->within, "min-share: the layer the share lies inside");
  quick->add_option("--within-layer", args->within_layer, "Layer of --within");
  quick->add_option("--share-of", args->share_of,
                    "min-share: percent of the LAYER's area (layer) or of --within's area (within); default " +
                        share_of_name(kDefaultShareOf));
  quick->add_option("--measure", args->measure_kind,
                    "min-share, share-of-zones: area, or length for a line layer (shoreline by length; "
                    "--unit then m or km, default " + unit_name(kDefaultLengthUnit) + "); default " +
                        check_measure_name(kDefaultCheckMeasure));
  quick->add_option("--min-percent", args->min_percent, "min-share, share-of-zones: the smallest percent that passes");
  quick->add_option("--zones", args->zones,
                    "share-of-zones: the zones counted as protected, comma-separated (default " +
                        fmt::format("{}", fmt::join(kDefaultProtectedZones, ",")) + ")");
  quick->add_option("--where", args->where,
                    "Keep only features with FIELD equal to one of the values: FIELD=V1,V2 (repeatable)");
  CLI::Option* with_option = quick->add_option(
      "--with", args->with,
      "no-overlap: a layer LAYER must not overlap (repeatable); without it, LAYER's features must not overlap "
      "each other");
  CLI::Option* with_layer_option =
      quick->add_option("--with-layer", args->with_layer, "Layer of the --with just before it (GeoPackage, FileGDB)");
  quick->add_option("--max-overlap", args->max_overlap,
                    "no-overlap: the largest overlapping area that passes, with its unit (default " +
                        std::string(kDefaultMaxOverlap) + ")");
  quick->add_option("--max-area", args->max_area,
                    "max-inside: the largest area of LAYER inside --within that passes, with its unit (0ha)");
  quick->add_option("--max-percent", args->max_percent,
                    "max-inside: the largest percent of LAYER's area inside --within that passes");
  quick->add_option("--max-gap", args->max_gap,
                    "no-gaps: the largest area of --within that LAYER may leave uncovered, with its unit (default " +
                        std::string(kDefaultMaxGap) + ")");
  quick->add_option("--sliver-width", args->sliver_width,
                    fmt::format("no-overlap, max-inside, no-gaps: overlaps and gaps thinner than this, in metres, are "
                                "noise, not counted (default {:g}; 0 counts all)",
                                kDefaultSliverWidthMetres));
  cmd->add_option("--out", args->out,
                  "Write the pieces of the no-overlap, max-inside and no-gaps checks to this GeoPackage: layers "
                  "checkN_overlaps, checkN_inside, checkN_gaps (N: the check's number in the report)");
  cmd->add_option("--report", args->report,
                  "Also write the report as one self-contained HTML page to this file (.html): the indicator "
                  "table, each check's figures and failing features, the inputs with their CRS and SHA-256; "
                  "prints on A4");
  cmd->footer(
      "Rules files: [[check]] tables with name, kind, layer (relative to the rules file), layer_name and the "
      "kind's parameters (baseline or previous, field, order, within, min_percent, zones, by, where, unit, "
      "method, measure = \"area\" or \"length\"; with as [[check.with]] tables, max_overlap, max_area, max_percent, "
      "max_gap, sliver_width); see samples/huichang/indicators.toml.\n"
      "Deliveries: write a path as \"{delivery}/redline.shp\" (or layer = \"{delivery}\" for one file per "
      "delivery) and run with --deliveries DIR to check every delivery in DIR in one call.\n"
      "Figures are compared as printed: ha, 亩 and m² to 2 decimals, km² and 万亩 to 4, percentages to 2.\n"
      "Examples:\n"
      "  redline check samples/huichang/indicators.toml\n"
      "  redline check samples/huichang/indicators.toml --report report.html\n"
      "  redline check rules.toml --deliveries incoming/ --format json\n"
      "  redline check not-reduced redline_2024.shp --baseline 75587.98ha\n"
      "  redline check not-reduced samples/huichang/huichang.gpkg --layer redline_2024_cut \\\n"
      "      --previous samples/huichang/huichang.gpkg --previous-layer redline --key BSM --label HXMC\n"
      "  redline check min-share samples/huichang/huichang.gpkg --layer wetlands \\\n"
      "      --within samples/huichang/huichang.gpkg --within-layer reserves --min-percent 52\n"
      "  redline check share-of-zones samples/huichang/huichang.gpkg --layer shoreline_line \\\n"
      "      --measure length --min-percent 84.7\n"
      "  redline check no-overlap samples/huichang/huichang.gpkg --layer redline \\\n"
      "      --with samples/huichang/huichang.gpkg --with-layer mines --out conflicts.gpkg\n"
      "  redline check no-overlap samples/huichang/huichang.gpkg --layer parcels --key BSM\n"
      "  redline check no-gaps samples/huichang/huichang.gpkg --layer parcels \\\n"
      "      --within samples/huichang/huichang.gpkg --within-layer county");

  Runner run = [args, cmd, quick, with_option, with_layer_option]() {
    const MeasureArgs& m = args->measure;
    auto given_word = [&](const char* flag, const std::string& value) {
      return cmd->count(flag) ? std::optional<std::string>(value) : std::nullopt;
    };
    CheckJob job;
    job.rules_path = args->target;  // the rules file, or the kind: never written either way
    job.deliveries = args->deliveries;
    job.delivery = args->delivery;
    job.title = args->title;
    // --unit and --method given on the command line override the rules' own.
    job.unit = given_word("--unit", m.unit);
    job.method = given_word("--method", m.method);
    job.out = args->out;
    job.report = args->report;
    job.run.read = args->input.read_options(m.threads);
    job.spell = [](std::string_view key) { return "--" + std::string(key); };

    std::vector<CheckSpec> specs;
    const std::string& first = args->target;
    const std::vector<std::string> kinds = check_kind_names();
    const bool quick_form = std::find(kinds.begin(), kinds.end(), first) != kinds.end();
    if (!quick_form) {
      if (!args->layer_path.empty()) {
        throw UsageError("give a rules file alone, or a check kind and a layer (kinds: " +
                         fmt::format("{}", fmt::join(kinds, ", ")) + ")");
      }
      set_layer_choice_advice("choose one with layer_name (previous_layer, within_layer) in the rules file");
      specs = rules_file_checks(job);
    } else {
      if (args->layer_path.empty()) throw UsageError("check " + first + ": give the LAYER to check");
      // The quick form: each option given is the rules key of the same meaning, read by the
      // library as a rules file's would be; messages name the option as typed.
      // Options not given are left out: the library's defaults apply (kDefaultCheckUnit ...).
      std::vector<CheckParameter> p = {{"kind", CheckValue::word(first), "RULES_OR_KIND"},
                                       {"layer", CheckValue::word(args->layer_path), "LAYER"}};
      auto given = [&](const char* key, const char* flag, const std::string& value) {
        if (cmd->count(flag)) p.push_back({key, CheckValue::word(value), flag});
      };
      given("unit", "--unit", m.unit);
      given("method", "--method", m.method);
      given("layer_name", "--layer", args->input.layer);
      given("name", "--name", args->name);
      given("baseline", "--baseline", args->baseline);
      given("previous", "--previous", args->previous);
      given("previous_layer", "--previous-layer", args->previous_layer);
      given("key", "--key", args->key);
      given("label", "--label", args->label);
      given("by", "--by", args->by);
      given("field", "--field", args->field);
      given("order", "--order", args->order);
      given("within", "--within", args->within);
      given("within_layer", "--within-layer", args->within_layer);
      given("share_of", "--share-of", args->share_of);
      given("min_percent", "--min-percent", args->min_percent);
      given("measure", "--measure", args->measure_kind);
      given("zones", "--zones", args->zones);
      for (const std::string& w : args->where) p.push_back({"where", CheckValue::word(w), "--where"});
      given("max_overlap", "--max-overlap", args->max_overlap);
      given("max_area", "--max-area", args->max_area);
      given("max_percent", "--max-percent", args->max_percent);
      given("max_gap", "--max-gap", args->max_gap);
      given("sliver_width", "--sliver-width", args->sliver_width);
      // --with and --with-layer, paired in the order they were typed: a --with-layer names the
      // layer of the --with just before it. The same list of tables a rules file's
      // [[check.with]] gives.
      CheckValue with;
      with.type = CheckValue::Type::List;
      std::size_t next_with = 0, next_layer = 0;
      bool last_has_layer = true;
      for (const CLI::Option* o : quick->parse_order()) {  // the group records its own options
        if (o == with_option) {
          CheckValue table;
          table.type = CheckValue::Type::Table;
          table.items.push_back({"layer", CheckValue::word(args->with[next_with++]), "--with"});
          with.items.push_back({"", std::move(table), "--with"});
          last_has_layer = false;
        } else if (o == with_layer_option) {
          if (last_has_layer) {
            throw UsageError("--with-layer " + args->with_layer[next_layer] +
                             ": give it after the --with whose layer it names (--with PATH --with-layer NAME)");
          }
          with.items.back().value.items.push_back(
              {"layer_name", CheckValue::word(args->with_layer[next_layer++]), "--with-layer"});
          last_has_layer = true;
        }
      }
      if (!with.items.empty()) p.push_back({"with", std::move(with), "--with"});
      specs.push_back(build_check_spec(p));
    }
    const CheckOutcome outcome = run_check_job(specs, job);
    print(render_check_report(outcome.results, m.output_format(), outcome.title, m.bom), outcome.inputs);
    return all_passed(outcome.results) ? kOk : kCheckFailed;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(60, register_check);

}  // namespace redline::cli
