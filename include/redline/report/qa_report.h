#pragma once
// The delivery QA report: what `redline qa` prints, available to any program.
//
// JSON (the contract pipelines rely on):
//   {"source", "layer", "crs",
//    "within": {"source", "layer"} | null,
//    "settings": {"key_field", "area_field", "area_field_unit", "area_tolerance_percent",
//                 "sliver_width_m", "noise_width_m", "spike_angle_degrees", "method", "unit"},
//    "checked": [kind, ...], "not_checked": [{"kind", "why"}],
//    "counts": {kind: n, ...}                   (checked kinds only),
//    "findings": [{"kind", "features": [...], "fids": [...], "x", "y", "area"?, "detail"}],
//    "area_field": {"field", "unit", "matches": {"ellipsoidal", "survey", "planar"}}  (with one),
//    "totals": {"overlaps", "gaps", "slivers"}  (areas in unit; overlaps: their union),
//    "noise": {"overlaps", "gaps"}              (pieces left out as thinner than noise_width_m),
//    "read": {...}, "within_read": {...}}       (what reading found, as every tool reports it)
// "features" holds key values (text; "" for a NULL key) when a key field was given, else FIDs
// (numbers); "fids" always the FIDs; a gap has none. "x", "y" are in the layer's CRS, null when unknown; areas are unrounded
// numbers in "unit".
#include <cstddef>
#include <string>

#include "redline/checks/delivery_qa.h"
#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/report/table.h"

namespace redline {

/// DEFAULT unit of the QA report's areas: m², since findings are small pieces.
constexpr AreaUnit kDefaultQaReportUnit = AreaUnit::SquareMetre;
/// DEFAULT number of findings the text table lists (the others are counted; JSON, CSV and
/// Markdown list all).
constexpr std::size_t kDefaultQaFindingsShown = 20;

struct QaReportOptions {
  AreaUnit unit = kDefaultQaReportUnit;        ///< DEFAULT: kDefaultQaReportUnit
  OutputFormat format = kDefaultOutputFormat;  ///< DEFAULT: kDefaultOutputFormat (aligned text)
  bool bom = false;                            ///< UTF-8 BOM before CSV (for Excel)
  std::size_t shown = kDefaultQaFindingsShown; ///< findings listed in text; DEFAULT above
};

/// Returns the report as JSON text (see above), indented by 2, ending in a newline.
REDLINE_EXPORT std::string qa_report_json(const QaResult& result, const QaReportOptions& options);

/// Returns the report in options.format: text and Markdown a summary by kind and the findings;
/// CSV the findings only (one row each).
REDLINE_EXPORT std::string render_qa_report(const QaResult& result, const QaReportOptions& options);

/// Returns why `kind` was not checked ("no boundary layer given", ...), "" when it was.
REDLINE_EXPORT std::string qa_not_checked_reason(const QaResult& result, QaFindingKind kind);

}  // namespace redline
