#pragma once
// Private: what overlaps and gaps share — the engine settings they run with, and the
// measuring of the pieces they find (area, sliver or not, a point inside).
#include <vector>

#include "overlay/overlay_inputs.h"
#include "redline/geom/geometry.h"
#include "redline/overlay/engine_options.h"
#include "redline/overlay/overlaps.h"

namespace redline::detail {

/// Returns the engine settings of a conflict search whose pieces are in `crs` (the first
/// layer's). Throws UsageError when options.sliver_width_metres is out of range.
EngineOptions conflict_engine_options(const OverlapOptions& options, const Crs& crs);

struct MeasuredPiece {
  double area_m2 = 0.0;
  bool sliver = false;      ///< thinner than the sliver width everywhere
  double x = 0.0, y = 0.0;  ///< a point inside
};

/// Measures every piece on in.threads() threads (indexed results): its area by in.method(),
/// whether it is a sliver of `sliver_width_metres` (0: never), a point inside it.
std::vector<MeasuredPiece> measure_pieces(const std::vector<Geometry>& pieces, const OverlayInputs& in,
                                          double sliver_width_metres, const ProgressFn& progress);

/// Returns true when a piece measured `m` is listed: it has an area and is no sliver. A sliver
/// is counted in `slivers` and `sliver_area_m2` instead.
bool listed_piece(const MeasuredPiece& m, std::size_t& slivers, double& sliver_area_m2);

/// Returns the union of `parts` on `grid` (the one part itself when there is one; null when none).
Geometry merge_parts(std::vector<Geometry>& parts, double grid);

}  // namespace redline::detail
