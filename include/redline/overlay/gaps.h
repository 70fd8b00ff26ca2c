#pragma once
// Gaps: the parts of an area (a county, a zone) that no feature of a layer covers.
//
// A land-use or zoning layer must cover its county without holes; reviewers reject a delivery
// with gaps between neighbours. find_gaps() computes `within` minus the union of `layer`'s
// features, and returns each connected part (each polygon of the difference) as one Gap:
//  - parts thinner than options.sliver_width_metres (redline/overlay/sliver.h) are the noise of
//    nearly coincident boundaries: left out, counted apart;
//  - `within`'s features are taken together (their union); `layer`'s features outside it do not
//    matter.
// Large features are cut into pieces and matched through an R-tree as in the overlay engine
// (redline/overlay/engine_options.h); a piece of `within` that one feature covers needs no
// overlay. Gaps come in a fixed order — largest first, then by x, y — whatever the thread count.
//
// Example usage:
//   redline::GapResult r = redline::find_gaps(parcels, county);
//   for (const redline::Gap& g : r.gaps) { ... g.x, g.y, g.area_m2 ... }
#include <cstddef>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"
#include "redline/overlay/overlaps.h"

namespace redline {

/// One connected part of `within` that no feature covers.
struct Gap {
  Geometry piece;           ///< a Polygon, in `layer`'s CRS
  double area_m2 = 0.0;     ///< its area by options.method, in m²
  double x = 0.0, y = 0.0;  ///< a point inside it (layer's CRS), to locate it
};

struct GapResult {
  std::vector<Gap> gaps;         ///< largest first, then by x, y; slivers not listed
  double total_area_m2 = 0.0;    ///< the listed gaps' areas added (they are disjoint), m²
  std::size_t slivers = 0;       ///< parts left out as thinner than the sliver width
  double sliver_area_m2 = 0.0;   ///< their areas added, m²
  Crs crs;                       ///< the CRS of the pieces and points (the layer's)
  AreaMethod method = kDefaultAreaMethod;
  double grid_size = 0.0;        ///< the overlays' precision grid, in CRS units
};

/// Returns the parts of `within` that no feature of `layer` covers, one Gap per connected part.
/// `within` is transformed into `layer`'s CRS (PROJ) when they differ. Throws UsageError for a
/// sliver width out of range, an unknown CRS or a method that does not suit it; InputError
/// naming the feature when a geometry cannot be transformed or measured.
REDLINE_EXPORT GapResult find_gaps(const Layer& layer, const Layer& within, const OverlapOptions& options = {});

}  // namespace redline
