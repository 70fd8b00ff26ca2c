#pragma once
// Line coverage: how much of each line feature lies inside a polygon layer (shoreline inside
// the red line, a zone, a reserve). The line counterpart of redline/overlay/coverage.h,
// a separate entry point because its figures are lengths, not areas.
//
// What "inside" means, as for polygons:
//  - the cover is the union of its features: where cover features overlap, the overlap counts
//    once, and a line along the shared edge of two adjacent cover features is inside;
//  - a line that runs along the cover's outer boundary, or only touches it, is outside there;
//  - lengths are measured by `method` (redline/measure/length.h) in the lines' CRS, after the
//    cut on the precision grid (1 mm in a projected CRS, 1e-8° in a geographic one); "length"
//    is the line's own length, "inside" the length of its parts inside, "outside" the
//    difference, so inside + outside = length exactly.
// The cover is transformed into the lines' CRS when it is in another.
//
// Example usage:
//   redline::LineCoverageOptions options;
//   options.group_field = "GNFQ";
//   redline::LineCoverageResult r = redline::compute_line_coverage(shoreline, redline_layer, options);
//   double km_inside = redline::from_metres(r.total.inside_m, redline::LengthUnit::Kilometre);
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/length.h"
#include "redline/progress.h"

namespace redline {

struct LineCoverageOptions {
  LengthMethod method = kDefaultLengthMethod;  ///< DEFAULT: kDefaultLengthMethod (ellipsoidal)
  /// Line attribute to group by (e.g. GNFQ). DEFAULT: "" — no groups.
  std::string group_field;
  /// Line attribute naming features in listings (e.g. "BSM"). DEFAULT: "" — the FID.
  std::string id_field;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
  /// Keep each line's parts inside and outside (FeatureLineCoverage::inside, outside), for
  /// maps. DEFAULT: off.
  bool keep_geometries = false;
};

/// Length, inside, outside in metres. percent() is inside / length × 100 (0 for no length).
struct LineCoverageFigures {
  double length_m = 0.0;
  double inside_m = 0.0;
  double outside_m = 0.0;
  double percent() const { return length_m > 0 ? 100.0 * inside_m / length_m : 0.0; }
};

struct FeatureLineCoverage : LineCoverageFigures {
  std::size_t index = 0;  ///< index into the line layer's features
  std::int64_t fid = 0;
  std::string id;         ///< value of id_field, or the FID as text
  std::string group;      ///< value of group_field ("" without groups, and when missing)
  bool group_missing = false;  ///< group_field is null or NaN: the feature is in the null group
  /// With keep_geometries: the parts inside and outside, in the lines' CRS; null when none.
  Geometry inside, outside;
};

struct GroupLineCoverage : LineCoverageFigures {
  std::string key;  ///< attribute value as text ("" for empty text and the null group)
  std::size_t features = 0;
  std::size_t features_inside = 0;  ///< features with any length inside
  bool null_key = false;            ///< the group of null or NaN values, sorted last
};

struct LineCoverageResult {
  LayerOrigin target, cover;  ///< the two inputs: source, layer, read report
  Crs crs;                    ///< the working CRS: the lines'
  LengthMethod method = kDefaultLengthMethod;
  double grid_size = 0.0;     ///< in CRS units
  std::string group_field, id_field;
  LineCoverageFigures total;
  std::vector<FeatureLineCoverage> features;  ///< in layer order
  std::vector<GroupLineCoverage> groups;      ///< sorted by key, the null group last
  std::size_t features_inside = 0;            ///< lines with any length inside
};

/// Computes the length of every feature of the line layer `lines` inside the union of the
/// polygon layer `cover` (see above). Throws InputError when `lines` was not read as lines or
/// `cover` not as polygons; UsageError for an unknown field or a method that does not suit the
/// CRS (planar in a geographic CRS) or when PROJ cannot relate the two CRSs; InputError naming
/// the feature when a geometry cannot be transformed or measured. Same answer for any thread
/// count.
REDLINE_EXPORT LineCoverageResult compute_line_coverage(const Layer& lines, const Layer& cover,
                                                        const LineCoverageOptions& options = {});

}  // namespace redline
