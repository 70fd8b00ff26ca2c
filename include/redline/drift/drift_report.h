#pragma once
// The drift report: what `redline drift` prints, available to any program.
//
// JSON (the contract pipelines rely on; areas are unrounded numbers in "unit"):
//   {"unit", "before", "after", "delta", "delta_percent", "gained", "lost",
//    "gained_noise", "lost_noise",
//    "features": {"matched", "added", "removed", "modified",
//                 "matched_by", "modified_geometry", "modified_attributes", "modified_both"},
//    "reclassified": [{"from", "to", "area", "noise"}],
//    "gained_real", "lost_real", "gained_pieces", "lost_pieces",
//    "changes": [{"key", "change", "before_fid", "after_fid", "before", "after", "delta",
//                 "gained", "lost", "fields": [...]}],
//    "settings": {"method", "crs", "key", "class_field", "sliver_width", "sliver_area",
//                 "fast_shift", "grid_size"},
//    "work": {"identical", "within_shift", "overlaid", "max_shift"},
//    "before_source", "before_layer", "after_source", "after_layer", "notes": [...]}
// `gained` and `lost` are the whole set differences; `gained_noise` and `lost_noise` the parts
// of them classed as noise; fids are null when the feature is not in that version.
// Text and Markdown: a summary table, the from→to table and the changed features. CSV: one
// table, the summary or (csv_changes) every changed feature.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/drift/drift.h"
#include "redline/export.h"
#include "redline/measure/units.h"
#include "redline/report/table.h"

namespace redline {

struct DriftReportOptions {
  AreaUnit unit = AreaUnit::Hectare;         // DEFAULT: ha
  OutputFormat format = OutputFormat::Text;  // DEFAULT: aligned text
  bool bom = false;                          // UTF-8 BOM before CSV (for Excel)
  /// Text/Markdown: how many changed features to list (0: none). DEFAULT: 50.
  std::size_t list_features = 50;
  /// CSV: the changed features instead of the summary. DEFAULT: off.
  bool csv_changes = false;
};

/// Returns the report as JSON (see above).
REDLINE_EXPORT nlohmann::ordered_json drift_report_json(const DriftResult& result, AreaUnit unit);

/// Returns the report in options.format.
REDLINE_EXPORT std::string render_drift_report(const DriftResult& result, const DriftReportOptions& options);

}  // namespace redline
