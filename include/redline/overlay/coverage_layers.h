#pragma once
// The geometry of a coverage: the parts of each target feature inside and outside the cover,
// written as two GeoPackage layers for QGIS.
//
// Layers "inside" and "outside", in the working CRS, one feature per target feature with a
// part there (a target wholly outside appears in "outside" only), with the target's attributes
// and three more fields: area_<unit> (this part's area), feature_<unit> (the whole feature's
// area) and pct (this part as a percent of the feature). A name already taken by a target
// attribute gets a suffix (_2, _3, ...). Features whose overlap was only slivers are wholly
// in "outside", as in the figures.
//
// Example usage:
//   options.keep_geometries = true;
//   redline::CoverageResult r = redline::compute_coverage(mines, redline_layer, options);
//   redline::write_coverage_layers(r, mines, "conflicts.gpkg", redline::AreaUnit::Hectare);
#include <string>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/measure/units.h"
#include "redline/overlay/coverage.h"

namespace redline {

/// Writes the "inside" and "outside" layers of `result` to the GeoPackage `path` (a temporary
/// file renamed on success; an existing file is replaced). `target` is the layer the result was
/// computed for. REQUIRES: the result was computed with keep_geometries. Throws UsageError when
/// `path` is one of the result's sources or no place for a GeoPackage (check_output_target() in
/// redline/io/output_path.h), OutputError when it cannot be written.
REDLINE_EXPORT void write_coverage_layers(const CoverageResult& result, const Layer& target, const std::string& path,
                           AreaUnit unit);

}  // namespace redline
