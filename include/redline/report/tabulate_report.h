#pragma once
// The tabulation report: what `redline tabulate` prints, available to any program.
//
// JSON (the contract pipelines rely on; the first two keys are the shape):
//   {"unit", "rows": [{"zone", "class", "area", "percent"}],
//    "method", "crs", "grid", "zone_field" (or null), "class_field",
//    "zones": [{"zone", "features", "area", "classified", "percent_classified"}],
//    "overlapping_class_features", "overlapping_zone_features",
//    "read": {"zones": {...}, "classes": {...}}}
// "percent" is the cell's area as a percent of its zone's area. Areas are unrounded numbers in
// "unit"; text, CSV and Markdown round as official tables do.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/table.h"

namespace redline {

struct TabulateReportOptions {
  AreaUnit unit = AreaUnit::Hectare;         // DEFAULT: ha
  OutputFormat format = OutputFormat::Text;  // DEFAULT: aligned text
  bool bom = false;                          // UTF-8 BOM before CSV (for Excel)
};

/// Returns the report as JSON (see above).
REDLINE_EXPORT nlohmann::ordered_json tabulate_report_json(const TabulateResult& result, const TabulateReportOptions& options);

/// Returns the report in options.format. CSV holds the cells only: zone, class, area, percent.
REDLINE_EXPORT std::string render_tabulate_report(const TabulateResult& result, const TabulateReportOptions& options);

}  // namespace redline
