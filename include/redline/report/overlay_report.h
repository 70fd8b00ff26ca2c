#pragma once
// The report of `redline overlay`: what was written, counted by origin, with the total area.
//
// JSON: {"op", "unit", "method", "crs", "grid", "a": {"source", "layer"}, "b": {"source",
//   "layer"}, "features", "from_both", "a_only", "b_only", "area",
//   "read": {"a": {...}, "b": {...}}}
#include <string>

#include <nlohmann/json.hpp>

#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/overlay/overlay.h"
#include "redline/report/table.h"

namespace redline {

struct OverlayReportOptions {
  AreaUnit unit = AreaUnit::Hectare;         // DEFAULT: ha
  OutputFormat format = OutputFormat::Text;  // DEFAULT: aligned text
  bool bom = false;
  std::string out_path;                      ///< where the layer was written, for the text report
};

/// Returns the report as JSON (see above).
REDLINE_EXPORT nlohmann::ordered_json overlay_report_json(const OverlayResult& result, const OverlayReportOptions& options);

/// Returns the report in options.format.
REDLINE_EXPORT std::string render_overlay_report(const OverlayResult& result, const OverlayReportOptions& options);

}  // namespace redline
