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
#include "redline/overlay/coverage.h"
#include "redline/overlay/tabulate.h"
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

/// The coverage map: the cover (e.g. the red line) in pale green, the targets' parts outside it
/// in grey and their parts inside it, the conflicts, in red, labelled by id (`id_field` or the
/// FID) and circled when too small to see. The parts come from FeatureCoverage::inside and
/// outside (computed with CoverageOptions::keep_geometries; without them the targets are drawn
/// whole and a note says so). `target` and `cover` are the layers `result` was computed from;
/// a layer in another CRS than the result's is reprojected (a copy).
/// Throws what reproject_layer() throws.
REDLINE_EXPORT MapSpec map_of_coverage(const CoverageResult& result, const Layer& target, const Layer& cover);

/// The tabulate map: the class features coloured by class (the largest classes by area inside
/// the zones get their own colour and legend entry, up to 11; the rest are "other"), the zones
/// outlined on top and labelled by their key. `zones` and `classes` are the layers `result` was
/// computed from (reprojected copies when in another CRS). The extent is the zones'.
/// Throws what reproject_layer() and Layer::field_index() throw.
REDLINE_EXPORT MapSpec map_of_tabulate(const TabulateResult& result, const Layer& zones, const Layer& classes);

}  // namespace redline
