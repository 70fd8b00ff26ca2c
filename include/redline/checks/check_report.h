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
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/checks/check.h"
#include "redline/export.h"
#include "redline/report/table.h"

namespace redline {

/// Returns the report as JSON (see above).
REDLINE_EXPORT nlohmann::ordered_json check_report_json(const std::vector<CheckResult>& results);

/// Returns the report in `format`; `title` heads the table ("" for none).
REDLINE_EXPORT std::string render_check_report(const std::vector<CheckResult>& results, OutputFormat format,
                                const std::string& title = "", bool bom = false);

}  // namespace redline
