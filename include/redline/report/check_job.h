#pragma once
// A rules check as a front end runs it (the CLI's `redline check`, the C API's redline_check):
// a rules file's checks for its deliveries with the front end's unit and method, run, their
// conflict pieces and HTML report written when asked.
//
//   CheckJob job;
//   job.out = "conflicts.gpkg";
//   std::vector<CheckSpec> specs = rules_file_checks("indicators.toml", job);
//   CheckOutcome o = run_check_job(specs, job);
//   std::string json = render_check_report(o.results, OutputFormat::Json, o.title, false);
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"

namespace redline {

/// The settings of a check run, as the user words them.
struct CheckJob {
  /// The rules file (for rules_file_checks, and as an input never overwritten). DEFAULT: "".
  std::string rules_path;
  /// Every delivery in this folder replaces {delivery} in the rules' paths in turn. DEFAULT: "".
  std::string deliveries;
  /// One more delivery. DEFAULT: "".
  std::string delivery;
  /// The report's heading. DEFAULT: "" (the rules file's title).
  std::string title;
  /// Overrides every check's unit (an area unit: the checks by area; a length unit: the checks
  /// by length) and method (survey: the checks by area only). DEFAULT: nullopt (the rules').
  std::optional<std::string> unit, method;
  /// A GeoPackage for the no-overlap, max-inside and no-gaps pieces; an HTML report. DEFAULT: "".
  std::string out, report;
  /// How the layers are read (progress, threads, the CRS to assume...). DEFAULT: the defaults.
  CheckRunOptions run;
  /// How the front end names a setting in a message, from its key ("out"). DEFAULT: the key.
  std::function<std::string(std::string_view key)> spell;
};

/// What a check run found.
struct CheckOutcome {
  std::vector<CheckResult> results;
  std::string title;                ///< the heading used
  std::vector<std::string> inputs;  ///< every file read, the rules file included: never written
};

/// Returns the checks of the rules file job.rules_path for job.deliveries and job.delivery,
/// with job.unit and job.method applied (apply_unit_and_method); sets job.title to the rules
/// file's title when it is empty. Throws as load_rules, list_deliveries and expand_deliveries do,
/// and UsageError for a unit or method that is neither an area's nor a length's.
REDLINE_EXPORT std::vector<CheckSpec> rules_file_checks(CheckJob& job);

/// Applies `unit` and `method` to the checks: an area unit to the checks by area, a length unit
/// (m, km) to the checks by length, a method to every check (survey to the checks by area
/// only). Throws UsageError for a unit that is neither.
REDLINE_EXPORT void apply_unit_and_method(std::vector<CheckSpec>& specs, const std::optional<std::string>& unit,
                                          const std::optional<std::string>& method);

/// Runs `specs`, writing job.out (refused when no check makes pieces) and job.report, never over
/// an input; both targets are checked before any work. Throws UsageError, OutputError and what
/// run_checks throws.
REDLINE_EXPORT CheckOutcome run_check_job(const std::vector<CheckSpec>& specs, const CheckJob& job);

}  // namespace redline
