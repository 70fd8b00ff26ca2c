#pragma once
// Writing the pieces of a drift to a GeoPackage, for a look in QGIS.
//
// Three layers, always all three (possibly empty), in the drift's working CRS:
//  - gained: real pieces of AFTER − BEFORE, change "added" (the feature is new) or "expanded";
//  - lost: real pieces of BEFORE − AFTER, change "removed" (the feature is gone) or "shrunk";
//  - reclassified: real pieces whose class changed, with the classes from and to.
// Fields: change, area_<unit> (e.g. area_ha), before_key, after_key (the features the piece
// comes from; "" when none), and class_from, class_to in reclassified. Noise pieces are counted
// in the report, not written. The file is written under a temporary name and renamed when
// complete (redline/io/writer.h).
//
// Example usage:
//   options.collect_geometries = true;
//   redline::DriftResult r = redline::compute_drift(before, after, options);
//   redline::write_drift_layers(r, "drift.gpkg", redline::AreaUnit::Hectare);
#include <string>

#include "redline/drift/drift.h"
#include "redline/export.h"
#include "redline/measure/units.h"

namespace redline {

/// Writes the gained, lost and reclassified layers (see above) to `path`. REQUIRES: the drift
/// was computed with collect_geometries. Throws UsageError when `path` is one of the versions
/// compared or no place for a GeoPackage (check_output_target() in redline/io/output_path.h),
/// OutputError when the file cannot be written.
REDLINE_EXPORT void write_drift_layers(const DriftResult& result, const std::string& path, AreaUnit unit);

}  // namespace redline
