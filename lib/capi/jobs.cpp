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

// The paths of the layers a job reads: never written by its outputs.
std::vector<std::string> inputs_of(std::initializer_list<const redline_layer_t*> layers) {
  std::vector<std::string> out;
  for (const redline_layer_t* l : layers) out.push_back(l->path);
  return out;
}

std::string spell_key(std::string_view key) { return "option '" + std::string(key) + "'"; }

}  // namespace
}  // namespace redline::capi

using namespace redline;
using redline::capi::guarded;
using redline::capi::JobOptions;
using redline::capi::make_result;
using redline::capi::require;

extern "C" {

redline_result_t* redline_area(redline_context_t* ctx, const redline_layer_t* layer, const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(layer, "layer");
    const JobOptions o(options, "area", {"unit", "method", "threads", "format", "bom", "by", "id-field", "features"});
    AreaReportOptions report;
    report.unit = o.word("unit") ? parse_area_unit(o.text("unit")) : kDefaultAreaUnit;
    report.list_features = o.flag("features");
    const AreaOptions settings{o.word("method") ? parse_area_method(o.text("method")) : kDefaultAreaMethod,
                               o.text("by"), o.text("id-field"), o.threads(), capi::progress_of(*ctx)};
    const AreaSummary summary = summarize_areas(layer->layer, settings);
    return make_result(o, [&](OutputFormat format, bool bom) {
      AreaReportOptions r = report;
      r.format = format;
      r.bom = bom;
      return render_area_report(summary, r);
    });
  });
}

redline_result_t* redline_length(redline_context_t* ctx, const redline_layer_t* layer,
                                 const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(layer, "layer");
    const JobOptions o(options, "length", {"unit", "method", "threads", "format", "bom", "by", "id-field", "features"});
    LengthReportOptions report;
    report.unit = o.word("unit") ? parse_length_unit(o.text("unit")) : kDefaultLengthUnit;
    report.list_features = o.flag("features");
    const LengthOptions settings{o.word("method") ? parse_length_method(o.text("method")) : kDefaultLengthMethod,
                                 o.text("by"), o.text("id-field"), o.threads(), capi::progress_of(*ctx)};
    const LengthSummary summary = summarize_lengths(layer->layer, settings);
    return make_result(o, [&](OutputFormat format, bool bom) {
      LengthReportOptions r = report;
      r.format = format;
      r.bom = bom;
      return render_length_report(summary, r);
    });
  });
}

redline_result_t* redline_coverage(redline_context_t* ctx, const redline_layer_t* target, const redline_layer_t* cover,
                                   const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(target, "target");
    require(cover, "cover");
    const JobOptions o(options, "coverage",
                       {"unit", "method", "threads", "format", "bom", "by", "id-field", "features", "sliver-width",
                        "crs", "grid", "out", "map"});
    CoverageJob job;
    job.unit = o.word("unit");
    job.method = o.word("method");
    job.group_field = o.text("by");
    job.id_field = o.text("id-field");
    job.features = o.text("features");
    job.sliver_width = o.number("sliver-width");
    job.crs = o.text("crs");
    job.grid = o.number("grid");
    job.out = o.text("out");
    job.map = o.text("map");
    job.threads = o.threads();
    job.progress = capi::progress_of(*ctx);
    job.spell = capi::spell_key;
    const std::vector<std::string> inputs = capi::inputs_of({target, cover});
    check_coverage_job(job, inputs);
    const CoverageOutcome outcome = run_coverage_job(target->layer, cover->layer, job, inputs);
    return make_result(o, [&](OutputFormat format, bool bom) { return outcome.render(format, bom); });
  });
}

redline_result_t* redline_tabulate(redline_context_t* ctx, const redline_layer_t* layer, const redline_layer_t* zones,
                                   const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(layer, "layer");
    require(zones, "zones");
    const JobOptions o(options, "tabulate",
                       {"unit", "method", "threads", "format", "bom", "zone-field", "class-field", "crs", "grid",
                        "map"});
    TabulateReportOptions report;
    report.unit = o.word("unit") ? parse_area_unit(o.text("unit")) : kDefaultAreaUnit;
    TabulateOptions settings;
    settings.engine.method = o.word("method") ? parse_area_method(o.text("method")) : kDefaultAreaMethod;
    if (o.word("crs")) settings.engine.crs = Crs::from_user_input(o.text("crs"));
    settings.engine.grid_size = o.number("grid");
    settings.engine.threads = o.threads();
    settings.engine.progress = capi::progress_of(*ctx);
    settings.zone_field = o.text("zone-field");
    settings.class_field = o.text("class-field");
    const std::vector<std::string> inputs = capi::inputs_of({zones, layer});
    const std::string map = o.text("map");
    if (!map.empty()) check_map_target(map, inputs);  // refused before the work
    const TabulateResult result = tabulate(zones->layer, layer->layer, settings);
    if (!map.empty()) render_map(map_of_tabulate(result, zones->layer, layer->layer), map, inputs);
    return make_result(o, [&](OutputFormat format, bool bom) {
      TabulateReportOptions r = report;
      r.format = format;
      r.bom = bom;
      return render_tabulate_report(result, r);
    });
  });
}

redline_result_t* redline_drift(redline_context_t* ctx, const redline_layer_t* before, const redline_layer_t* after,
                                const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(before, "before");
    require(after, "after");
    const JobOptions o(options, "drift",
                       {"unit", "method", "threads", "format", "bom", "key", "class-field", "sliver-width",
                        "sliver-area", "fast-shift", "grid", "out", "map", "features"});
    DriftJob job;
    job.unit = o.word("unit") ? parse_area_unit(o.text("unit")) : kDefaultAreaUnit;
    job.drift.method = o.word("method") ? parse_area_method(o.text("method")) : kDefaultAreaMethod;
    job.drift.key_field = o.text("key");
    job.drift.class_field = o.text("class-field");
    job.drift.sliver_width = o.number("sliver-width").value_or(job.drift.sliver_width);
    job.drift.sliver_area = o.number("sliver-area").value_or(job.drift.sliver_area);
    job.drift.fast_shift = o.number("fast-shift").value_or(job.drift.fast_shift);
    job.drift.grid_size = o.number("grid").value_or(job.drift.grid_size);
    job.drift.threads = o.threads();
    job.drift.progress = capi::progress_of(*ctx);
    job.all_features = o.flag("features");
    job.out = o.text("out");
    job.map = o.text("map");
    const std::vector<std::string> inputs = capi::inputs_of({before, after});
    check_drift_job(job, inputs);
    const DriftOutcome outcome = run_drift_job(before->layer, after->layer, job, inputs);
    return make_result(o, [&](OutputFormat format, bool bom) { return outcome.render(format, bom); });
  });
}

redline_result_t* redline_check(redline_context_t* ctx, const char* rules_path, const redline_options_t* options) {
  return guarded(ctx, static_cast<redline_result_t*>(nullptr), [&] {
    require(rules_path, "rules_path");
    const JobOptions o(options, "check",
                       {"unit", "method", "threads", "format", "bom", "deliveries", "delivery", "title", "out",
                        "report", "assume-crs", "trust-crs", "encoding", "invalid", "repair-tolerance"});
    CheckJob job;
    job.rules_path = rules_path;
    job.deliveries = o.text("deliveries");
    job.delivery = o.text("delivery");
    job.title = o.text("title");
    job.unit = o.word("unit");
    job.method = o.word("method");
    job.out = o.text("out");
    job.report = o.text("report");
    job.run.read = o.read_options();
    job.run.read.progress = capi::progress_of(*ctx);
    job.spell = capi::spell_key;
    const std::vector<CheckSpec> specs = rules_file_checks(job);
    const CheckOutcome outcome = run_check_job(specs, job);
    return make_result(
        o,
        [&](OutputFormat format, bool bom) { return render_check_report(outcome.results, format, outcome.title, bom); },
        all_passed(outcome.results) ? REDLINE_OK : REDLINE_CHECK_FAILED);
  });
}

}  // extern "C"
