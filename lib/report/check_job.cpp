#include "redline/report/check_job.h"

#include <algorithm>

#include "redline/checks/deliveries.h"
#include "redline/checks/rules.h"
#include "redline/io/output_path.h"
#include "redline/measure/area.h"
#include "redline/measure/units.h"
#include "redline/report/conflict_layers.h"
#include "redline/report/html_report.h"

namespace redline {

std::vector<CheckSpec> rules_file_checks(CheckJob& job) {
  const RuleSet rules = load_rules(job.rules_path);
  if (job.title.empty()) job.title = rules.title;
  std::vector<std::string> deliveries;
  if (!job.deliveries.empty()) deliveries = list_deliveries(job.deliveries);
  if (!job.delivery.empty()) deliveries.push_back(job.delivery);
  std::vector<CheckSpec> specs = expand_deliveries(rules, deliveries);
  apply_unit_and_method(specs, job.unit, job.method);
  return specs;
}

void apply_unit_and_method(std::vector<CheckSpec>& specs, const std::optional<std::string>& unit,
                           const std::optional<std::string>& method) {
  std::optional<LengthUnit> length_unit;
  std::optional<AreaUnit> area_unit;
  if (unit) {
    try {
      length_unit = parse_length_unit(*unit);
    } catch (const UsageError&) {
      area_unit = parse_area_unit(*unit);  // neither kind: refused
    }
  }
  const std::optional<AreaMethod> area_method =
      method ? std::optional<AreaMethod>(parse_area_method(*method)) : std::nullopt;
  for (CheckSpec& s : specs) {
    const bool by_length = s.measure == CheckMeasure::Length;
    if (by_length && length_unit) s.length_unit = *length_unit;
    if (!by_length && area_unit) s.unit = *area_unit;
    if (area_method && !(by_length && *area_method == AreaMethod::Survey)) s.method = *area_method;
  }
}

CheckOutcome run_check_job(const std::vector<CheckSpec>& specs, const CheckJob& job) {
  CheckOutcome outcome;
  outcome.title = job.title;
  for (const CheckSpec& s : specs) {
    outcome.inputs.push_back(s.layer.path);
    if (s.previous) outcome.inputs.push_back(s.previous->path);
    if (s.within) outcome.inputs.push_back(s.within->path);
    for (const LayerRef& w : s.with) outcome.inputs.push_back(w.path);
  }
  CheckRunOptions run = job.run;
  if (!job.out.empty()) {
    const bool any = std::any_of(specs.begin(), specs.end(), [](const CheckSpec& s) {
      return s.kind == CheckKind::NoOverlap || s.kind == CheckKind::MaxInside || s.kind == CheckKind::NoGaps;
    });
    if (!any) {
      throw UsageError((job.spell ? job.spell("out") : std::string("out")) +
                       " writes the pieces of no-overlap, max-inside and no-gaps checks: there is none here");
    }
    check_output_target(job.out, outcome.inputs);  // refused before any work
    run.keep_conflict_geometries = true;
  }
  if (!job.report.empty()) {
    check_html_report_target(job.report, outcome.inputs);  // refused before any work
    run.keep_conflict_geometries = true;                    // the failing checks' maps
  }
  outcome.results = run_checks(specs, run);
  if (!job.out.empty()) write_conflict_layers(outcome.results, job.out, outcome.inputs);
  if (!job.rules_path.empty()) outcome.inputs.push_back(job.rules_path);
  if (!job.report.empty()) {
    HtmlReport report{outcome.title, outcome.results, describe_report_inputs(specs), check_maps_svg(outcome.results)};
    write_html_report(report, job.report, outcome.inputs);
  }
  return outcome;
}

}  // namespace redline
