// The C API's jobs: each builds the library's settings from its options and runs the same
// library code as the CLI subcommand of the same name.
#include <memory>

#include "capi/boundary.h"
#include "capi/options.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/length_summary.h"
#include "redline/measure/units.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/area_report.h"
#include "redline/report/check_job.h"
#include "redline/report/check_report.h"
#include "redline/report/coverage_job.h"
#include "redline/report/drift_job.h"
#include "redline/report/length_report.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"
#include "redline/report/tabulate_report.h"

namespace redline::capi {
namespace {

// A result rendered twice: as JSON, and in the job's format.
template <typename Render>
redline_result_t* make_result(const JobOptions& o, Render&& render, redline_status_t status = REDLINE_OK) {
  auto result = std::make_unique<redline_result_t>();
  result->json = render(OutputFormat::Json, false);
  result->text = render(o.format(), o.flag("bom"));
  result->status = status;
  return result.release();
}

// A result rendered with a report's options (any of the *ReportOptions) in both formats.
template <typename ReportOptions, typename Found, typename Render>
redline_result_t* report_result(const JobOptions& o, ReportOptions report, const Found& found, Render render) {
  return make_result(o, [&](OutputFormat format, bool bom) {
    report.format = format;
    report.bom = bom;
    return render(found, report);
  });
}

// A result whose outcome renders itself (CoverageOutcome, DriftOutcome).
template <typename Outcome>
redline_result_t* outcome_result(const JobOptions& o, const Outcome& outcome) {
  return make_result(o, [&](OutputFormat format, bool bom) { return outcome.render(format, bom); });
}

// The paths of the layers a job reads: never written by its outputs.
std::vector<std::string> inputs_of(std::initializer_list<const redline_layer_t*> layers) {
  std::vector<std::string> out;
  for (const redline_layer_t* l : layers) out.push_back(l->path);
  return out;
}

// How a message names a setting of the C API.
std::string spell_key(std::string_view key) { return "option '" + std::string(key) + "'"; }

// Runs one job through the boundary: its handles checked (a NULL one is a usage error naming
// it), its options read with the keys it takes, then `body(options)`.
template <typename Body>
redline_result_t* run_job(redline_context_t* ctx, const redline_options_t* options, const char* job,
                          std::initializer_list<std::string_view> keys,
                          std::initializer_list<std::pair<const void*, const char*>> handles, Body&& body) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    for (const auto& [handle, name] : handles) require(handle, name);
    return body(JobOptions(options, job, keys));
  });
}

// A measurement of one layer (area, length): its report's and its summary's settings, each
// left at the library's default unless given.
template <typename ReportOptions, typename Settings, typename ParseUnit, typename ParseMethod, typename Summarize,
          typename Render>
redline_result_t* measure(const redline_context_t& ctx, const JobOptions& o, const Layer& layer, ParseUnit parse_unit,
                          ParseMethod parse_method, Summarize summarize, Render render) {
  ReportOptions report;
  if (const auto unit = o.word("unit")) report.unit = parse_unit(*unit);
  report.list_features = o.flag("features");
  Settings settings;
  if (const auto method = o.word("method")) settings.method = parse_method(*method);
  settings.group_field = o.text("by");
  settings.id_field = o.text("id-field");
  settings.threads = o.threads();
  settings.progress = progress_of(ctx);
  settings.keep_features = report.list_features;  // rows per feature only when listed
  return report_result(o, report, summarize(layer, settings), render);
}

redline_result_t* coverage(const redline_context_t& ctx, const JobOptions& o, const redline_layer_t& target,
                           const redline_layer_t& cover) {
  CoverageJob job;
  job.unit = o.word("unit");
  job.method = o.word("method");
  o.copy_texts({{"by", &job.group_field}, {"id-field", &job.id_field}, {"features", &job.features},
                {"crs", &job.crs}, {"out", &job.out}, {"map", &job.map}});
  job.sliver_width = o.number("sliver-width");
  job.grid = o.number("grid");
  job.threads = o.threads();
  job.progress = progress_of(ctx);
  job.spell = spell_key;
  const std::vector<std::string> inputs = inputs_of({&target, &cover});
  check_coverage_job(job, inputs);
  return outcome_result(o, run_coverage_job(target.layer, cover.layer, job, inputs));
}

redline_result_t* tabulate_job(const redline_context_t& ctx, const JobOptions& o, const redline_layer_t& classes,
                               const redline_layer_t& zones) {
  TabulateReportOptions report;
  report.unit = o.word("unit") ? parse_area_unit(o.text("unit")) : kDefaultAreaUnit;
  TabulateOptions settings;
  EngineOptions& engine = settings.engine;
  engine.method = o.word("method") ? parse_area_method(o.text("method")) : kDefaultAreaMethod;
  if (o.word("crs")) engine.crs = Crs::from_user_input(o.text("crs"));
  engine.grid_size = o.number("grid");
  engine.threads = o.threads();
  engine.progress = progress_of(ctx);
  settings.zone_field = o.text("zone-field");
  settings.class_field = o.text("class-field");
  const std::vector<std::string> inputs = inputs_of({&zones, &classes});
  const std::string map = o.text("map");
  if (!map.empty()) check_map_target(map, inputs);  // refused before the work
  const TabulateResult result = tabulate(zones.layer, classes.layer, settings);
  if (!map.empty()) render_map(map_of_tabulate(result, zones.layer, classes.layer), map, inputs);
  return report_result(o, report, result, render_tabulate_report);
}

redline_result_t* drift(const redline_context_t& ctx, const JobOptions& o, const redline_layer_t& before,
                        const redline_layer_t& after) {
  DriftJob job;
  DriftOptions& d = job.drift;
  job.unit = o.word("unit") ? parse_area_unit(o.text("unit")) : kDefaultAreaUnit;
  d.method = o.word("method") ? parse_area_method(o.text("method")) : kDefaultAreaMethod;
  o.copy_texts({{"key", &d.key_field}, {"class-field", &d.class_field}, {"out", &job.out}, {"map", &job.map}});
  o.copy_numbers({{"sliver-width", &d.sliver_width}, {"sliver-area", &d.sliver_area},
                  {"fast-shift", &d.fast_shift}, {"grid", &d.grid_size}});
  d.threads = o.threads();
  d.progress = progress_of(ctx);
  job.all_features = o.flag("features");
  const std::vector<std::string> inputs = inputs_of({&before, &after});
  job.check_outputs(inputs);
  return outcome_result(o, run_drift_job(before.layer, after.layer, job, inputs));
}

redline_result_t* check(const redline_context_t& ctx, const JobOptions& o, const char* rules_path) {
  CheckJob job;
  job.rules_path = rules_path;
  o.copy_texts({{"deliveries", &job.deliveries}, {"delivery", &job.delivery}, {"title", &job.title},
                {"out", &job.out}, {"report", &job.report}, {"map", &job.map}});
  job.unit = o.word("unit");
  job.method = o.word("method");
  job.run.read = o.read_options();
  job.run.read.progress = progress_of(ctx);
  job.spell = spell_key;
  const CheckOutcome outcome = run_check_job(rules_file_checks(job), job);
  const auto render = [&](OutputFormat format, bool bom) {
    return render_check_report(outcome.results, format, outcome.title, bom);
  };
  return make_result(o, render, all_passed(outcome.results) ? REDLINE_OK : REDLINE_CHECK_FAILED);
}

}  // namespace
}  // namespace redline::capi

using redline::capi::JobOptions;
using redline::capi::run_job;

extern "C" {

redline_result_t* redline_area(redline_context_t* ctx, const redline_layer_t* layer, const redline_options_t* options) {
  return run_job(ctx, options, "area", {"unit", "method", "threads", "format", "bom", "by", "id-field", "features"},
                 {{layer, "layer"}}, [&](const JobOptions& o) {
                   return redline::capi::measure<redline::AreaReportOptions, redline::AreaOptions>(
                       *ctx, o, layer->layer, redline::parse_area_unit, redline::parse_area_method,
                       [](const redline::Layer& l, const redline::AreaOptions& a) { return redline::summarize_areas(l, a); },
                       redline::render_area_report);
                 });
}

redline_result_t* redline_length(redline_context_t* ctx, const redline_layer_t* layer,
                                 const redline_options_t* options) {
  return run_job(ctx, options, "length", {"unit", "method", "threads", "format", "bom", "by", "id-field", "features"},
                 {{layer, "layer"}}, [&](const JobOptions& o) {
                   return redline::capi::measure<redline::LengthReportOptions, redline::LengthOptions>(
                       *ctx, o, layer->layer, redline::parse_length_unit, redline::parse_length_method,
                       [](const redline::Layer& l, const redline::LengthOptions& a) {
                         return redline::summarize_lengths(l, a);
                       },
                       redline::render_length_report);
                 });
}

redline_result_t* redline_coverage(redline_context_t* ctx, const redline_layer_t* target, const redline_layer_t* cover,
                                   const redline_options_t* options) {
  return run_job(ctx, options, "coverage",
                 {"unit", "method", "threads", "format", "bom", "by", "id-field", "features", "sliver-width", "crs",
                  "grid", "out", "map"},
                 {{target, "target"}, {cover, "cover"}},
                 [&](const JobOptions& o) { return redline::capi::coverage(*ctx, o, *target, *cover); });
}

redline_result_t* redline_tabulate(redline_context_t* ctx, const redline_layer_t* layer, const redline_layer_t* zones,
                                   const redline_options_t* options) {
  return run_job(ctx, options, "tabulate",
                 {"unit", "method", "threads", "format", "bom", "zone-field", "class-field", "crs", "grid", "map"},
                 {{layer, "layer"}, {zones, "zones"}},
                 [&](const JobOptions& o) { return redline::capi::tabulate_job(*ctx, o, *layer, *zones); });
}

redline_result_t* redline_drift(redline_context_t* ctx, const redline_layer_t* before, const redline_layer_t* after,
                                const redline_options_t* options) {
  return run_job(ctx, options, "drift",
                 {"unit", "method", "threads", "format", "bom", "key", "class-field", "sliver-width", "sliver-area",
                  "fast-shift", "grid", "out", "map", "features"},
                 {{before, "before"}, {after, "after"}},
                 [&](const JobOptions& o) { return redline::capi::drift(*ctx, o, *before, *after); });
}

redline_result_t* redline_check(redline_context_t* ctx, const char* rules_path, const redline_options_t* options) {
  return run_job(ctx, options, "check",
                 {"unit", "method", "threads", "format", "bom", "deliveries", "delivery", "title", "out", "report",
                  "map", "assume-crs", "trust-crs", "encoding", "invalid", "repair-tolerance"},
                 {{rules_path, "rules_path"}},
                 [&](const JobOptions& o) { return redline::capi::check(*ctx, o, rules_path); });
}

}  // extern "C"
