#pragma once
// A drift run as a front end asks for it (the CLI's `redline drift`, the C API's redline_drift):
// the comparison of two versions with the user's settings, the real pieces and the map written
// when asked, and the report's options.
//
//   DriftJob job;
//   job.drift.key_field = "BSM";
//   job.check_outputs({before_path, after_path});   // before reading: refused early
//   DriftOutcome o = run_drift_job(before, after, job, {before_path, after_path});
//   std::string json = o.render(OutputFormat::Json, false);
#include <optional>
#include <string>
#include <vector>

#include "redline/drift/drift.h"
#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/report/drift_report.h"
#include "redline/report/table.h"

namespace redline {

/// The settings of a drift run.
struct REDLINE_EXPORT DriftJob {
  /// The comparison's settings (key, class field, noise thresholds, grid, method, threads,
  /// progress); collect_geometries is set by the run when out or map asks for pieces.
  DriftOptions drift;
  AreaUnit unit = kDefaultAreaUnit;  ///< DEFAULT: kDefaultAreaUnit
  /// List every changed feature (CSV then lists features instead of the summary). DEFAULT: false
  /// (kDefaultDriftListedFeatures in text).
  bool all_features = false;
  /// A GeoPackage for the real pieces; a PNG/SVG/PDF map. DEFAULT: "" (none). Never an input.
  std::string out, map;

  /// Refuses, before any work, an out or map file that is one of `inputs`, a folder or a device
  /// (OutputError) or a map of an unknown format (UsageError).
  void check_outputs(const std::vector<std::string>& inputs) const;
};

/// What a drift run found, with the report settings it is rendered with.
struct REDLINE_EXPORT DriftOutcome {
  DriftResult result;
  DriftReportOptions report;

  /// Returns the report in `format` (the text `redline drift --format FORMAT` prints).
  std::string render(OutputFormat format, bool bom) const;
};

/// Compares `before` with `after` (compute_drift), writes job.out and job.map (never one of
/// `inputs`). Throws as compute_drift and the writers do.
REDLINE_EXPORT DriftOutcome run_drift_job(const Layer& before, const Layer& after, const DriftJob& job,
                                          const std::vector<std::string>& inputs);

}  // namespace redline
