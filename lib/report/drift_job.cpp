#include "redline/report/drift_job.h"

#include "redline/io/output_path.h"
#include "redline/report/drift_layers.h"
#include "redline/report/map.h"
#include "redline/report/map_builders.h"

namespace redline {

std::string DriftOutcome::render(OutputFormat format, bool bom) const {
  DriftReportOptions r = report;
  r.format = format;
  r.bom = bom;
  return render_drift_report(result, r);
}

void DriftJob::check_outputs(const std::vector<std::string>& inputs) const {
  if (!out.empty()) check_output_target(out, inputs);
  if (!map.empty()) check_map_target(map, inputs);
}

DriftOutcome run_drift_job(const Layer& before, const Layer& after, const DriftJob& job,
                           const std::vector<std::string>& inputs) {
  DriftOutcome outcome;
  outcome.report.unit = job.unit;
  if (job.all_features) {
    outcome.report.list_features = static_cast<std::size_t>(-1);
    outcome.report.csv_changes = true;
  }
  DriftOptions options = job.drift;
  options.collect_geometries = !job.out.empty() || !job.map.empty();
  outcome.result = compute_drift(before, after, options);
  if (!job.out.empty()) write_drift_layers(outcome.result, job.out, job.unit);
  if (!job.map.empty()) render_map(map_of_drift(outcome.result, before, after), job.map, inputs);
  return outcome;
}

}  // namespace redline
