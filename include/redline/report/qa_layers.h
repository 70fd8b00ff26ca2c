#pragma once
// The geometry of a delivery QA: one GeoPackage layer per checked finding kind, for QGIS.
//
// Layers are named after the kinds with '_' for '-' (invalid, overlaps, gaps, slivers, spikes,
// duplicate_keys, empty_keys, area_field); a checked kind without findings gets an empty layer,
// so that "clean" is visible. Each finding is one feature: the invalid feature as drawn, the
// overlap or gap piece, the sliver parts, the spike's triangle (the sharp vertex and its two
// neighbours), the features for key and area-field findings. Fields: features (ids, comma
// separated), fids, x, y (the location, in the layer's CRS), area_<unit>, detail.
//
// Example usage:
//   options.keep_geometries = true;
//   redline::QaResult qa = redline::run_delivery_qa(parcels, &county, options);
//   redline::write_qa_layers(qa, "qa.gpkg", redline::AreaUnit::SquareMetre);
#include <string>

#include "redline/checks/delivery_qa.h"
#include "redline/export.h"
#include "redline/measure/units.h"

namespace redline {

/// Writes the layers of `result` to the GeoPackage `path` through redline/io/writer.h (a
/// temporary file renamed on success; an existing file is replaced). REQUIRES: the result was
/// computed with keep_geometries. Throws UsageError when `path` is one of the result's sources
/// or no place for a GeoPackage (check_output_target()), OutputError when it cannot be written.
REDLINE_EXPORT void write_qa_layers(const QaResult& result, const std::string& path, AreaUnit unit);

}  // namespace redline
