#pragma once
// Slivers: thin overlaps that are noise, not conflicts.
//
// Two layers drawn on the same boundaries rarely share them exactly: a re-export rounds every
// vertex to 1 mm, a reprojection round trip moves it by nanometres. Where a mine parcel was
// drawn along the red line, the overlay then finds a strip a millimetre wide and hundreds of
// metres long inside the red line. Such a strip is a *sliver*: a polygon whose width — twice
// the radius of the largest circle inside it — is below a stated tolerance.
//
// is_sliver() first tries a cheap bound: a polygon of width w, perimeter L and n vertices has
// area at most L·w/2 + n·π·w²/8, so a larger area proves it wide. Only the rest are tested
// with a negative buffer of w/2, which empties a polygon exactly when it is thinner than w.
//
// Example usage:
//   double width = redline::sliver_width_in_crs_units(0.05, layer.crs);
//   if (redline::is_sliver(piece, width)) { ... }
#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// The DEFAULT sliver width, in metres: 5 cm, fifty times the 1 mm rounding of a re-export and
/// well below the 0.1–0.5 m accuracy of land-survey boundaries.
constexpr double kDefaultSliverWidthMetres = 0.05;
/// Widest sliver width accepted, in metres: an overlap 100 m wide is a conflict, never noise.
constexpr double kMaxSliverWidthMetres = 100.0;

/// Throws UsageError unless 0 ≤ `metres` ≤ kMaxSliverWidthMetres (0 turns slivers off) and it
/// is a finite number; `what` names the setting ("sliver width").
REDLINE_EXPORT void validate_sliver_width(double metres, const char* what);

/// Returns true when every polygon of `geometry` is thinner than `width` (CRS units), false
/// for a null or empty geometry or when any polygon is wider. Throws InternalError when GEOS
/// fails.
REDLINE_EXPORT bool is_sliver(GeometryView geometry, double width);

/// Returns `metres` in the units of `crs`: itself for a projected CRS in metres, degrees
/// (metres / 111 320, about one degree of latitude) for a geographic one.
REDLINE_EXPORT double sliver_width_in_crs_units(double metres, const Crs& crs);

}  // namespace redline
