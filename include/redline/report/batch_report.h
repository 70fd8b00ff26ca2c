#pragma once
// The tables of a batch: one rules file run for every county of a catalogue
// (redline/checks/catalogue.h, redline/cluster/batch.h), per county and for the nation.
//
// Each county's outcome holds its check report as JSON text (check_report_json): the one form
// a county's figures travel in between processes, so that every table below is made from the
// same bytes whether the counties ran in one process or in many. Every table keeps catalogue
// order; every sum is taken in catalogue order; numbers are printed as the shortest decimal
// that reads back to the same double (round-trip), in JSON and CSV alike.
//
// Files (write_batch_outputs):
//   counties.csv   one row per county and check: code, name, delivery, status (passed, failed,
//                  error), check, kind, passed, value, threshold, unit, comparison, error; a county
//                  that could not run is one row, its check columns empty and its error in one line
//   counties.json  {"rules", "catalogue", "counties": [{"code", "name", "delivery", "boundary"
//                  (label or null), "status", "exit_code", "error" (null when it ran), "report"
//                  (the county's check report, redline/report/check_report.h, or null)}]}
//   national.csv   one row per check of the rules: check, kind, unit, comparison, counties,
//                  passed, failed, errors, value, value_is, threshold, numerator, denominator,
//                  complete
//   national.json  {"rules", "catalogue", "counties", "passed", "failed", "errors", "exit_code",
//                  "checks": [{"name", "kind", "unit", "comparison", "counties", "passed",
//                  "failed", "errors", "value", "value_is", "threshold", "numerator",
//                  "denominator", "complete"}]}
// National figures of a check, over the counties that ran it:
//  - in an area or length unit (ha, m2, km2, mu, 万亩, m, km): "value_is": "sum", value and
//    threshold the sums of the counties' values and thresholds (e.g. the national red line area
//    against the sum of the county baselines);
//  - in "%": "value_is": "rate", recomputed as 100 × numerator / denominator, both summed over
//    the counties (never an average of rates): min-share inside / of, share-of-zones
//    counted / total (area or length), max-inside inside / area; threshold the counties' common
//    threshold (null when they differ); value null when the denominator sums to 0;
//  - when the counties' units differ, or a kind has no such figures: value null, "value_is" null.
// At the top of national.json, "passed" counts the counties whose every check passed, "failed"
// those with a failed check, "errors" those that could not run. Two rows may share a delivery.
// "passed" (per check) counts the counties that passed it, "failed" those that
// failed it, "errors" those that could not run; "complete" is true when errors is 0: a national
// figure with a county missing is partial, and the batch's exit code says so.
// Exit code of a batch (batch_exit_code): the worst of its counties': 0 when every county's
// checks passed, 1 when a check failed somewhere, 2 when a county's input or rules could not be
// used, 3 an output, 4 an internal error (the larger code is the worse).
//
// Example usage:
//   std::string text = redline::render_national_report(result, redline::OutputFormat::Text);
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/report/table.h"

namespace redline {

/// What one county of a batch gave.
struct CountyOutcome {
  std::string code, name, delivery;
  std::string boundary;     ///< its boundary's label ("" when the catalogue gives none)
  int exit_code = 0;        ///< 0 passed, 1 a check failed, 2 input or usage, 3 output, 4 internal
  std::string report_json;  ///< check_report_json() of its results; "" when it could not run
  std::string error;        ///< one line: why it could not run ("" when it ran)
};

/// A check of the rules, as the national table names it.
struct BatchCheck {
  std::string name;
  std::string kind;
};

/// Every county's outcome, in catalogue order.
struct BatchResult {
  std::string rules;      ///< the rules file, as given
  std::string catalogue;  ///< the catalogue, as given
  std::vector<BatchCheck> checks;        ///< the rules' checks, in order
  std::vector<CountyOutcome> counties;   ///< in catalogue order
};

/// Returns the worst exit code of the counties (see above); 0 for none.
REDLINE_EXPORT int batch_exit_code(const BatchResult& result);

/// Returns counties.json (see above), indented by 2, ending in a newline. Throws InternalError
/// when a county's report_json is not a check report.
REDLINE_EXPORT std::string counties_json(const BatchResult& result);
/// Returns counties.csv (see above); `bom` starts it with a UTF-8 byte order mark.
REDLINE_EXPORT std::string counties_csv(const BatchResult& result, bool bom = false);
/// Returns national.json (see above), indented by 2, ending in a newline.
REDLINE_EXPORT std::string national_json(const BatchResult& result);
/// Returns the national table in `format`: JSON is national_json(); CSV is national.csv; text,
/// Markdown and xlsx the same table.
REDLINE_EXPORT std::string render_national_report(const BatchResult& result, OutputFormat format,
                                                  bool bom = false);

/// The names of the files write_batch_outputs writes, in the order written.
REDLINE_EXPORT std::vector<std::string> batch_output_names();

/// Checks that the tables can be written in the folder `dir` without touching `inputs`
/// (redline/io/output_path.h, for each file), creating `dir` when it is missing (its parent
/// must exist; it is removed again when a check then fails). Throws UsageError when `dir` is
/// a file or a special file, or a table would be an input or inside an input folder;
/// OutputError when `dir` cannot be created or written.
REDLINE_EXPORT void prepare_batch_output_dir(const std::string& dir, const std::vector<std::string>& inputs);

/// Writes counties.csv, counties.json, national.csv and national.json into `dir`, each safely
/// (redline/io/output_file.h: a temporary name renamed last). Throws as prepare_batch_output_dir
/// and OutputError when a file cannot be written.
REDLINE_EXPORT void write_batch_outputs(const BatchResult& result, const std::string& dir,
                                        const std::vector<std::string>& inputs);

}  // namespace redline
