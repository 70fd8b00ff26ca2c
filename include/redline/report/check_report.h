#pragma once
// The check report: what `redline check` prints.
//
// JSON (the contract pipelines rely on):
//   {"passed": bool,
//    "checks": [{"name", "kind", "passed", "value", "threshold", "unit", "details",
//                "comparison", "margin", "layer", "delivery", "findings": [...], "notes": [...]}]}
// value, threshold and margin are unrounded numbers in "unit" ("ha", "mu", ..., or "%").
// Text and Markdown: one table, one row per check with the computed value, the threshold and
// 达标 (passed) / 未达标 (failed) side by side, then the findings of each check that failed
// (and of those that passed with something to say), marked 未达标 in a failed check, then its
// notes, unmarked: context that is no verdict. CSV: the table alone.
// JSON is returned as text, indented by 2, ending in a newline: exactly what `redline check
// --format json` prints. Each check's "details" is its CheckResult::details_json.
//
// Example usage:
//   std::vector<redline::CheckResult> results = redline::run_checks(specs);
//   std::string json = redline::check_report_json(results);
//   std::string table = redline::render_check_report(results, redline::OutputFormat::Table, "会昌县");
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"
#include "redline/report/table.h"

namespace redline {

/// Returns the report as JSON text (see above). Invalid UTF-8 in a name or finding becomes
/// U+FFFD. Throws InternalError when a result's details_json is not a JSON object.
REDLINE_EXPORT std::string check_report_json(const std::vector<CheckResult>& results);

/// Returns the report in `format` (JSON: check_report_json()); `title` heads the table ("" for
/// none); `bom` starts CSV with a UTF-8 byte order mark.
REDLINE_EXPORT std::string render_check_report(const std::vector<CheckResult>& results, OutputFormat format,
                                const std::string& title = "", bool bom = false);

}  // namespace redline
