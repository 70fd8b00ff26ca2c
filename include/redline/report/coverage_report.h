#pragma once
// The coverage report: what `redline coverage` prints, available to any program.
//
// JSON (the contract pipelines rely on; the first four keys are the shape):
//   {"unit", "method",
//    "total": {"area", "inside", "outside", "percent"},
//    "groups": [{"key", "area", "inside", "outside", "percent", "features", "features_inside"}],
//    "target": {"source", "layer"}, "cover": {"source", "layer"}, "crs", "grid",
//    "sliver_width_m", "group_field" (or null),
//    "features_inside": count,
//    "inside": [{"fid", "id", "area", "inside", "outside", "percent"}]   (features with area inside)
//    "slivers": {"features", "area"}, "cover_overlaps": {"features", "groups"},
//    "read": {"target": {...}, "cover": {...}}}
// Without a group field the groups are the features (key: the id). Areas are unrounded numbers
// in "unit"; percents are unrounded. Text, CSV and Markdown round as official tables do.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/overlay/coverage.h"
#include "redline/report/table.h"

namespace redline {

/// Which target features the text/CSV/Markdown report lists one by one.
enum class FeatureListing {
  None,    ///< totals and groups only
  Inside,  ///< the features with any area inside: the conflict list
  All,     ///< every feature
};

/// Parses "none", "inside" or "all". Throws UsageError.
REDLINE_EXPORT FeatureListing parse_feature_listing(const std::string& text);

struct CoverageReportOptions {
  AreaUnit unit = AreaUnit::Hectare;          // DEFAULT: ha
  OutputFormat format = OutputFormat::Text;   // DEFAULT: aligned text
  FeatureListing listing = FeatureListing::Inside;  // DEFAULT: the conflict list
  bool bom = false;                           // UTF-8 BOM before CSV (for Excel)
};

/// Returns the report as JSON (see above). The JSON always lists the features inside.
REDLINE_EXPORT nlohmann::ordered_json coverage_report_json(const CoverageResult& result, const CoverageReportOptions& options);

/// Returns the report in options.format. CSV holds one table: the listed features when
/// listing is not None, else the groups.
REDLINE_EXPORT std::string render_coverage_report(const CoverageResult& result, const CoverageReportOptions& options);

}  // namespace redline
