#pragma once
// Overlaps: the features of two layers (or of one layer) whose interiors share an area.
//
// The three control lines — the ecological red line, 永久基本农田 and 城镇开发边界 — must not
// overlap; a delivery's own polygons must not overlap each other (a polygon digitised twice
// counts its area twice in every total). find_overlaps() lists each conflicting pair of
// features with its common area:
//  - Sharing only an edge or a vertex is not an overlap.
//  - Overlaps thinner than options.sliver_width_metres (redline/overlay/sliver.h) are the noise
//    of nearly coincident boundaries: left out of the pairs, counted apart.
//  - total_area_m2 is the area of the union of the listed pieces: where three features overlap
//    in one place, that place counts once.
// Candidate pairs come from an R-tree over the features' pieces (large features are cut as in
// the overlay engine, redline/overlay/engine_options.h) and a robust segment test settles the
// pairs that only share edges — a parcel layer's neighbours — without any overlay; only pairs
// whose interiors meet are intersected (GEOS OverlayNG on the DEFAULT precision grid, 1 mm).
// Results are in a fixed order whatever the thread count.
//
// Example usage:
//   redline::OverlapResult r = redline::find_overlaps(redline_layer, farmland);
//   for (const redline::OverlapPair& p : r.pairs) { ... p.first, p.second, p.area_m2 ... }
#include <cstddef>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "redline/overlay/sliver.h"
#include "redline/progress.h"

namespace redline {

struct OverlapOptions {
  /// How areas are measured. DEFAULT: kDefaultAreaMethod (ellipsoidal).
  AreaMethod method = kDefaultAreaMethod;
  /// Pieces thinner than this, in metres, are slivers: not listed, counted apart. DEFAULT:
  /// kDefaultSliverWidthMetres (5 cm); 0 lists every piece. At most kMaxSliverWidthMetres.
  double sliver_width_metres = kDefaultSliverWidthMetres;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores). The result does not depend on it.
  unsigned threads = kDefaultThreads;
  /// Called on the calling thread with stages "preparing", "overlaying" (and "checking gaps").
  ProgressFn progress;
};

/// One conflicting pair of features.
struct OverlapPair {
  std::size_t first = 0;   ///< feature index in the (first) layer
  std::size_t second = 0;  ///< feature index in the other layer (or the same layer: first < second)
  Geometry piece;          ///< their common area (polygonal), in the first layer's CRS
  double area_m2 = 0.0;    ///< its area by options.method, in m²
  double x = 0.0, y = 0.0; ///< a point inside the piece (first layer's CRS), to locate it
};

struct OverlapResult {
  std::vector<OverlapPair> pairs;  ///< ordered by (first, second); sliver pieces not listed
  double total_area_m2 = 0.0;      ///< area of the UNION of the listed pieces (counted once), m²
  std::size_t slivers = 0;         ///< pieces left out as thinner than the sliver width
  double sliver_area_m2 = 0.0;     ///< their areas added, m²
  Crs crs;                         ///< the CRS of the pieces and points (the first layer's)
  AreaMethod method = kDefaultAreaMethod;
  double grid_size = 0.0;          ///< the overlays' precision grid, in CRS units
};

/// Returns the pairs of features of `layer` that overlap each other (first < second).
/// Throws UsageError for a sliver width out of range (validate_sliver_width()), an unknown CRS
/// or a method that does not suit it (planar in a geographic CRS); InputError naming the
/// feature when a geometry cannot be measured. REQUIRES: valid polygonal geometries (as
/// read_layer() gives them).
REDLINE_EXPORT OverlapResult find_overlaps(const Layer& layer, const OverlapOptions& options = {});

/// Returns the pairs (feature of `layer`, feature of `other`) that overlap. `other` is
/// transformed into `layer`'s CRS (PROJ) when they differ. Throws as above, and InputError
/// naming the feature when a geometry of `other` cannot be transformed.
REDLINE_EXPORT OverlapResult find_overlaps(const Layer& layer, const Layer& other, const OverlapOptions& options = {});

}  // namespace redline
