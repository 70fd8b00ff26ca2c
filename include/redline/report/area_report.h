#pragma once
// The area report: what `redline area` prints, available to any program.
//
// JSON (the contract pipelines rely on):
//   {"source", "layer", "crs", "method", "unit",
//    "total": number (in unit), "features": count,
//    "groups": [{"key", "features", "area"}]            (with a group field)
//    "feature_areas": [{"fid", "id", "group", "area"}]   (when features are listed)
//    "read": {"features", "null_geometries", "empty_geometries", "invalid", "repaired",
//             "skipped", "repair_delta", "encoding", "notes": [...], "issues": [...]}}
// Areas are unrounded numbers in "unit"; text, CSV and Markdown round as official tables do.
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/units.h"
#include "redline/report/table.h"

namespace redline {

struct AreaReportOptions {
  AreaUnit unit = kDefaultAreaUnit;            // DEFAULT: kDefaultAreaUnit (ha)
  OutputFormat format = kDefaultOutputFormat;  // DEFAULT: kDefaultOutputFormat (aligned text)
  bool list_features = false;                  // DEFAULT: totals and groups only
  bool bom = false;                            // UTF-8 BOM before CSV (for Excel)
};

/// Returns the report as JSON text (see above), indented by 2, ending in a newline: what
/// `redline area --format json` prints. options.format is ignored.
REDLINE_EXPORT std::string area_report_json(const AreaSummary& summary, const AreaReportOptions& options);

/// Returns the report in options.format. CSV holds one table only: the features when listed,
/// else the groups, else the total.
REDLINE_EXPORT std::string render_area_report(const AreaSummary& summary, const AreaReportOptions& options);

/// Returns plain-words lines about what reading found and did (repairs, skips, nulls), for the
/// notes under a table or for stderr. Empty when there is nothing to say.
REDLINE_EXPORT std::vector<std::string> read_report_lines(const ReadReport& report, double repair_delta_m2,
                                           AreaUnit unit);

}  // namespace redline
