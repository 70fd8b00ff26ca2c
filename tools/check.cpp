// redline check: the plan's spatial rules as pass/fail checks, from a rules file or one at a time.
#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.h"
#include "redline/checks/check.h"
#include "redline/checks/check_spec_builder.h"
#include "redline/checks/deliveries.h"
#include "redline/checks/rules.h"
#include "redline/measure/units.h"
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
  cmd->footer(
      "Rules files: [[check]] tables with name, kind, layer (relative to the rules file), layer_name and the "
      "kind's parameters (baseline or previous, field, order, within, min_percent, zones, by, where, unit, "
      "method, measure = \"area\" or \"length\"); see samples/huichang/indicators.toml.\n"
      "Deliveries: write a path as \"{delivery}/redline.shp\" (or layer = \"{delivery}\" for one file per "
      "delivery) and run with --deliveries DIR to check every delivery in DIR in one call.\n"
      "Figures are compared as printed: ha, 亩 and m² to 2 decimals, km² and 万亩 to 4, percentages to 2.\n"
      "Examples:\n"
      "  redline check samples/huichang/indicators.toml\n"
      "  redline check rules.toml --deliveries incoming/ --format json\n"
      "  redline check not-reduced redline_2024.shp --baseline 75587.98ha\n"
      "  redline check not-reduced samples/huichang/huichang.gpkg --layer redline_2024_cut \\\n"
      "      --previous samples/huichang/huichang.gpkg --previous-layer redline --key BSM --label HXMC\n"
      "  redline check min-share samples/huichang/huichang.gpkg --layer wetlands \\\n"
      "      --within samples/huichang/huichang.gpkg --within-layer reserves --min-percent 52\n"
      "  redline check share-of-zones samples/huichang/huichang.gpkg --layer shoreline_line \\\n"
      "      --measure length --min-percent 84.7");

  Runner run = [args, cmd]() {
    const MeasureArgs& m = args->measure;
    CheckRunOptions options;
    options.read = args->input.read_options(m.threads);

    std::vector<CheckSpec> specs;
    std::string title = args->title;
    const std::string& first = args->target;
    const std::vector<std::string> kinds = check_kind_names();
    const bool quick_form = std::find(kinds.begin(), kinds.end(), first) != kinds.end();
    if (!quick_form) {
      if (!args->layer_path.empty()) {
        throw UsageError("give a rules file alone, or a check kind and a layer (kinds: " +
                         fmt::format("{}", fmt::join(kinds, ", ")) + ")");
      }
      set_layer_choice_advice("choose one with layer_name (previous_layer, within_layer) in the rules file");
      RuleSet rules = load_rules(first);
      if (title.empty()) title = rules.title;
      std::vector<std::string> deliveries;
      if (!args->deliveries.empty()) deliveries = list_deliveries(args->deliveries);
      if (!args->delivery.empty()) deliveries.push_back(args->delivery);
      specs = expand_deliveries(rules, deliveries);
      // --unit and --method given on the command line override the rules' own: an area unit
      // the checks by area, a length unit (m, km) the checks by length; survey only areas.
      std::optional<LengthUnit> length_unit;
      try {
        if (cmd->count("--unit")) length_unit = parse_length_unit(m.unit);
      } catch (const UsageError&) {
      }
      for (CheckSpec& s : specs) {
        const bool by_length = s.measure == CheckMeasure::Length;
        if (cmd->count("--unit") && by_length && length_unit) s.length_unit = *length_unit;
        if (cmd->count("--unit") && !length_unit && !by_length) s.unit = m.area_unit();
        const bool area_only = m.area_method() == AreaMethod::Survey;
        if (cmd->count("--method") && !(by_length && area_only)) s.method = m.area_method();
      }
      if (cmd->count("--unit") && !length_unit) static_cast<void>(m.area_unit());  // neither kind: refused
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
      specs.push_back(build_check_spec(p));
    }
    const std::vector<CheckResult> results = run_checks(specs, options);
    print(render_check_report(results, m.output_format(), title, m.bom));
    return all_passed(results) ? kOk : kCheckFailed;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(60, register_check);

}  // namespace redline::cli
