#pragma once
// Coverage: how much of each target feature lies inside a cover layer.
//
// The question analysts ask most: how much of each nature reserve lies inside the red line,
// what share of the county the red line takes, which mine parcels or development-zone shoreline
// intrude into it. For every target feature compute_coverage() returns its area, the area
// inside the cover, outside it, and the percent inside; for groups of an attribute (--by) and
// in total, the sums of its features.
//
// What "inside" means:
//  - The cover is the *union* of its features: where cover features overlap, the overlap counts
//    once, so a percent never passes 100 (unlike summing per-pair intersections, as ArcGIS's
//    Tabulate Intersection does). Overlapping cover features are found and reported.
//  - A target that only touches the cover (a shared edge or vertex) has 0 inside.
//  - Slivers are not conflicts: when every part of a target's overlap with the cover is thinner
//    than `sliver_width` (redline/overlay/sliver.h; DEFAULT 5 cm), the overlap is the noise of
//    nearly coincident boundaries — a 1 mm re-export, a reprojection — and the target counts as
//    outside (its sliver area is reported apart). A target with a real overlap keeps its
//    slivers in its inside area, as PostGIS's ST_Intersection would.
//  - Areas are measured by EngineOptions::method in the working CRS (redline/measure/area.h);
//    "area" is the target feature's own area, "inside" the sum of its overlaps, "outside" the
//    difference, so inside + outside = area exactly.
// Group figures add the figures of their features: target features that overlap each other
// count in each.
//
// Example usage:
//   redline::CoverageOptions options;
//   options.id_field = "BSM";
//   redline::CoverageResult r = redline::compute_coverage(mines, redline_layer, options);
//   for (const redline::FeatureCoverage& f : r.features) if (f.inside_m2 > 0) { ... }  // conflicts
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/overlay/engine_options.h"
#include "redline/overlay/sliver.h"

namespace redline {

struct CoverageOptions {
  EngineOptions engine;
  /// Target attribute to group by. DEFAULT: "" — one group per feature.
  std::string group_field;
  /// Target attribute naming features in listings (e.g. "BSM"). DEFAULT: "" — the FID.
  std::string id_field;
  /// Overlaps thinner than this, in metres, are slivers (see above). DEFAULT: 0.05. 0 turns
  /// sliver detection off.
  double sliver_width = kDefaultSliverWidthMetres;
  /// Keep each target's inside and outside geometry (for write_coverage_layers() in
  /// redline/report/coverage_layers.h). DEFAULT: off.
  bool keep_geometries = false;
};

/// Area, inside, outside in m². percent() is inside / area × 100 (0 for an empty area).
struct CoverageFigures {
  double area_m2 = 0.0;
  double inside_m2 = 0.0;
  double outside_m2 = 0.0;
  double percent() const { return area_m2 > 0 ? 100.0 * inside_m2 / area_m2 : 0.0; }
};

struct FeatureCoverage : CoverageFigures {
  std::size_t index = 0;  ///< index into the target layer's features
  std::int64_t fid = 0;
  std::string id;         ///< value of id_field, or the FID as text
  std::string group;      ///< value of group_field ("" without groups, and when missing)
  double sliver_m2 = 0.0; ///< overlap discarded as slivers (inside_m2 is then 0)
  Geometry inside, outside;  ///< with keep_geometries: in the working CRS; null when empty
  bool group_missing = false;  ///< group_field is null or NaN: the feature is in the null group
};

struct GroupCoverage : CoverageFigures {
  std::string key;              ///< attribute value as text ("" for empty text and the null group)
  std::size_t features = 0;
  std::size_t features_inside = 0;  ///< features with any area inside
  /// The group of the features whose value is null or NaN (is_missing()): apart from empty
  /// text, never merged with a real value; sorted after every other group.
  bool null_key = false;
};

/// What the cover's own overlaps were.
struct CoverOverlaps {
  std::size_t features = 0;  ///< cover features whose interior overlaps another's
  std::size_t groups = 0;    ///< sets of such features connected by overlaps (pairs are not
                             ///< counted: n features that all overlap would make n²/2 of them)
};

struct CoverageResult {
  LayerOrigin target, cover;    ///< the two inputs: source, layer, read report
  Crs crs;                      ///< the working CRS
  AreaMethod method = AreaMethod::Ellipsoidal;
  double grid_size = 0.0;       ///< in CRS units
  double sliver_width_m = 0.0;  ///< as given, in metres
  std::string group_field, id_field;
  CoverageFigures total;
  std::vector<FeatureCoverage> features;  ///< in layer order
  std::vector<GroupCoverage> groups;      ///< sorted by key; empty without group_field
  std::size_t features_inside = 0;        ///< targets with any area inside (the conflicts)
  std::size_t sliver_features = 0;        ///< targets whose overlap was only slivers
  double sliver_m2 = 0.0;
  CoverOverlaps cover_overlaps;
  double target_repair_delta_m2 = 0.0;    ///< area change from repairing invalid targets
  double cover_repair_delta_m2 = 0.0;     ///< the same for the cover
};

/// Computes the coverage of every feature of `target` by the union of `cover` (see above).
/// The cover is transformed into the working CRS when it is in another (options.engine.crs
/// may move the target too). Throws UsageError for an unknown field or a method that does not
/// suit the CRS, InputError naming the feature when a geometry cannot be transformed or
/// measured.
REDLINE_EXPORT CoverageResult compute_coverage(const Layer& target, const Layer& cover, const CoverageOptions& options = {});

}  // namespace redline
