#pragma once
// The maps of redline's results: a MapSpec (redline/report/map.h) built from a result and the
// layers it was computed from, ready for render_map() or render_map_svg().
//
// Example usage:
//   redline::DriftOptions options;
//   options.collect_geometries = true;  // the pieces to draw
//   redline::DriftResult r = redline::compute_drift(before, after, options);
//   redline::render_map(redline::map_of_drift(r, before, after), "drift.png", {b, a});
#include "redline/drift/drift.h"
#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/report/map.h"

namespace redline {

/// The drift map: AFTER's features in pale green, BEFORE's outlines dashed, then what changed
/// on top: reclassified area in amber, lost area (removed and shrunk features) in red, gained
/// area (added and expanded features) in blue, each piece labelled by its feature's key and
/// circled when too small to see. The pieces come from `result.pieces` (computed with
/// DriftOptions::collect_geometries; without them the map shows the outlines only and a note
/// says so). `before` and `after` are the layers `result` was computed from; a layer in another
/// CRS than the result's working CRS is reprojected to it (a copy). The title names both
/// versions; the subtitle gives the areas in ha; the footer the CRS and the area method.
/// Throws what reproject_layer() throws.
REDLINE_EXPORT MapSpec map_of_drift(const DriftResult& result, const Layer& before, const Layer& after);

}  // namespace redline
