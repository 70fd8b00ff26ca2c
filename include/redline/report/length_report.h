#pragma once
// The length report: what `redline length` prints, available to any program.
//
// JSON (the contract pipelines rely on):
//   {"source", "layer", "crs", "method", "unit",
//    "total": number (in unit), "features": count,
//    "group_field", "groups": [{"key", "features", "length"}]  (with a group field)
//    "feature_lengths": [{"fid", "id", "group", "length"}]     (when features are listed)
//    "read": {"features", "null_geometries", "empty_geometries", "invalid", "repaired",
//             "skipped", "flattened", "linearised", "encoding", "notes": [...], "issues": [...],
//             "degenerate_lines" (when there are some)}}
// Lengths are unrounded numbers in "unit"; text, CSV and Markdown round them (km to 4
// decimals, m to 2).
#include <string>

#include "redline/export.h"
#include "redline/measure/length_summary.h"
#include "redline/measure/units.h"
#include "redline/report/table.h"

namespace redline {

struct LengthReportOptions {
  LengthUnit unit = kDefaultLengthUnit;        // DEFAULT: kDefaultLengthUnit (km)
  OutputFormat format = kDefaultOutputFormat;  // DEFAULT: kDefaultOutputFormat (aligned text)
  bool list_features = false;                  // DEFAULT: totals and groups only
  bool bom = false;                            // UTF-8 BOM before CSV (for Excel)
};

/// Returns the report as JSON text (see above), indented by 2, ending in a newline: what
/// `redline length --format json` prints. options.format is ignored.
REDLINE_EXPORT std::string length_report_json(const LengthSummary& summary, const LengthReportOptions& options);

/// Returns the report in options.format. CSV holds one table only: the features when listed,
/// else the groups, else the total.
REDLINE_EXPORT std::string render_length_report(const LengthSummary& summary, const LengthReportOptions& options);

}  // namespace redline
