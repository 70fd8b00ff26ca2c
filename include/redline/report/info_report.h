#pragma once
// The report of `redline info`: one block per layer.
//
// JSON: {"source", "driver", "layers": [{"name", "geometry_type", "features",
//   "crs" (label or null), "epsg" (or null), "crs_suggestion", "crs_explanation",
//   "extent": [minx, miny, maxx, maxy] or null, "encoding", "fields": [{"name", "type", "width"}],
//   "polygonal", "lines" (a line layer, measured by length), "null_geometries",
//   "empty_geometries", "invalid", "not_polygon", "degenerate_lines", "issues": [...],
//   "problem"}]}
#include <string>

#include "redline/export.h"
#include "redline/io/source_info.h"
#include "redline/report/table.h"

namespace redline {

/// Returns the report as JSON text (see above), indented by 2, ending in a newline: what
/// `redline info --format json` prints.
REDLINE_EXPORT std::string source_info_json(const SourceInfo& info);

/// Returns the report in `format`.
REDLINE_EXPORT std::string render_source_info(const SourceInfo& info, OutputFormat format);

}  // namespace redline
