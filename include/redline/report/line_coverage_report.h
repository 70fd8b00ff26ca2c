#pragma once
// The report of the coverage of lines (redline/overlay/line_coverage.h): what `redline coverage`
// prints when its target is a line layer.
//
// JSON (the coverage report's shape with lengths for areas):
//   {"unit" ("m" or "km"), "method", "measure": "length",
//    "total": {"length", "inside", "outside", "percent"},
//    "groups": [{"key", "length", "inside", "outside", "percent", "features", "features_inside"}],
//    "target": {"source", "layer"}, "cover": {"source", "layer"}, "crs", "grid",
//    "group_field" (or null), "features": count, "features_inside": count,
//    "inside": [{"fid", "id", "group"?, "length", "inside", "outside", "percent"}]  (lines with length inside)
//    "read": {"target": {...}, "cover": {...}}}
// Without a group field the groups are the features (key: the id). Lengths are unrounded
// numbers in "unit"; text, CSV and Markdown round them (km to 4 decimals, m to 2).
#include <string>

#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/overlay/line_coverage.h"
#include "redline/report/coverage_report.h"  // FeatureListing
#include "redline/report/table.h"

namespace redline {

struct LineCoverageReportOptions {
  LengthUnit unit = kDefaultLengthUnit;             // DEFAULT: kDefaultLengthUnit (km)
  OutputFormat format = kDefaultOutputFormat;       // DEFAULT: aligned text
  FeatureListing listing = FeatureListing::Inside;  // DEFAULT: the lines with length inside
  bool bom = false;                                 // UTF-8 BOM before CSV (for Excel)
};

/// Returns the report as JSON text (see above), indented by 2, ending in a newline.
REDLINE_EXPORT std::string line_coverage_report_json(const LineCoverageResult& result,
                                                     const LineCoverageReportOptions& options);

/// Returns the report in options.format. CSV holds one table: the listed features when
/// listing is not None, else the groups, else the total.
REDLINE_EXPORT std::string render_line_coverage_report(const LineCoverageResult& result,
                                                       const LineCoverageReportOptions& options);

}  // namespace redline
