#pragma once
// The pieces of the conflict checks (no-overlap, max-inside, no-gaps), written as GeoPackage
// layers for QGIS: where the red line overlaps farmland, which part of a mine lies inside the
// red line, where the parcels leave the county uncovered.
//
// One layer per conflict check, named after its place in the run (1-based, as the report
// numbers it) and its kind: "check3_overlaps" (no-overlap), "check3_inside" (max-inside),
// "check3_gaps" (no-gaps); a check that passed gets its layer too, empty or with the pieces
// its limit allows. Fields, areas in the check's unit (`area_ha`, `area_mu`, ...):
//  - overlaps: with (the layer overlapped; the checked layer itself for self-overlaps), first
//    and second (the two features' keys, or FIDs), area_<unit>;
//  - inside:   within, feature (key or FID), area_<unit> (the feature's part inside);
//  - gaps:     area_<unit>.
// Geometries are in the CRS the check worked in (the checked layer's).
//
// Example usage:
//   redline::CheckRunOptions options;
//   options.keep_conflict_geometries = true;  // or keep_geometries, for maps too
//   auto results = redline::run_checks(specs, options);
//   redline::write_conflict_layers(results, "conflicts.gpkg", {"huichang.gpkg"});
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/export.h"

namespace redline {

/// Returns true when some conflict check's result holds its pieces (run with
/// keep_conflict_geometries or keep_geometries).
REDLINE_EXPORT bool has_conflict_layers(const std::vector<CheckResult>& results);

/// Writes the layers above to the GeoPackage `path` through io's safe writer
/// (redline/io/writer.h: a temporary file renamed last; an existing file is replaced).
/// `inputs` are the paths the run read. Throws UsageError when `path` is one of them, a FIFO,
/// a device, a folder or not a .gpkg (check_output_target() in redline/io/output_path.h), or
/// when no result holds pieces; OutputError when it cannot be written.
REDLINE_EXPORT void write_conflict_layers(const std::vector<CheckResult>& results, const std::string& path,
                                          const std::vector<std::string>& inputs);

}  // namespace redline
