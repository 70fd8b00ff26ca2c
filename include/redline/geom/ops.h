#pragma once
// Constructive operations: overlay on a fixed precision grid, clipping, buffering.
//
// redline runs every overlay through GEOS OverlayNG with a fixed precision grid (snap
// rounding): results are noded exactly on the grid, so no TopologyException can end a run.
// The DEFAULT grid is 1 mm in a projected CRS (coordinates in metres) and 1e-8 degree (about
// 1.1 mm) in a geographic CRS: far below any parcel's survey precision, far above the noise
// that makes floating-point overlay fail. Grid size 0 asks for floating precision.
//
// The overlay functions return polygonal results (lower-dimension by-products of an overlay,
// such as the shared edge of two touching polygons, are dropped). Every function here throws
// InternalError when GEOS fails. Arguments are read-only views (redline/geom/geometry.h); a
// null argument gives the documented result, never an exception.
//
// Example usage:
//   double grid = crs.is_geographic() ? redline::kDefaultGridSizeGeographic
//                                     : redline::kDefaultGridSizeProjected;
//   redline::Geometry inside = redline::intersection(parcel, redline_polygon, grid);
#include <vector>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// DEFAULT precision grid in a projected CRS: 1 mm, in metres.
inline constexpr double kDefaultGridSizeProjected = 1e-3;
/// DEFAULT precision grid in a geographic CRS: 1e-8 degree (about 1.1 mm).
inline constexpr double kDefaultGridSizeGeographic = 1e-8;

/// Returns the polygonal part of a ∩ b on the grid (null when either is null).
REDLINE_EXPORT Geometry intersection(GeometryView a, GeometryView b, double grid_size);
/// Returns the polygonal part of a − b on the grid (a copy of a when b is null).
REDLINE_EXPORT Geometry difference(GeometryView a, GeometryView b, double grid_size);
/// Returns the polygonal part of a ∪ b on the grid (a copy of the other when one is null).
REDLINE_EXPORT Geometry union_of(GeometryView a, GeometryView b, double grid_size);
/// Returns the union of all `parts` (null and empty ones ignored) on the grid, as one
/// (Multi)Polygon; overlapping parts count once. An empty MultiPolygon when there are none.
REDLINE_EXPORT Geometry union_all(const std::vector<GeometryView>& parts, double grid_size);
/// Returns the part of the lines of `lines` that lies in the interior of the polygons of `area`,
/// on the grid, as a (Multi)LineString (an empty MultiLineString when none): a part running
/// along the boundary of `area` is outside, so lines that only touch `area` have nothing
/// inside. Null when either is null. Throws InternalError if GEOS fails.
REDLINE_EXPORT Geometry lines_inside(GeometryView lines, GeometryView area, double grid_size);
/// Returns the part of the lines of `lines` that is not on the lines of `other` (e.g. the lines
/// outside an area: `lines` less lines_inside(lines, area)), on the grid, as a (Multi)LineString
/// (an empty MultiLineString when none). `lines` itself when `other` is null; null when `lines`
/// is. Throws InternalError if GEOS fails.
REDLINE_EXPORT Geometry lines_difference(GeometryView lines, GeometryView other, double grid_size);
/// Returns `g` with its coordinates on the grid (GEOS setPrecision; stays valid), polygonal.
REDLINE_EXPORT Geometry snap_to_grid(GeometryView g, double grid_size);

/// Returns the polygonal part of `g` inside `box`, fast (GEOS clipByRect). The result may be
/// invalid where `g` runs along the box's edges (check with is_valid(), redline/geom/validity.h,
/// and fall back to intersection() with Geometry::rectangle(box)). Null when `g` is null.
REDLINE_EXPORT Geometry clip_to_rectangle(GeometryView g, const Envelope& box);

/// Returns `g` grown (distance > 0) or shrunk (distance < 0) by `distance` CRS units, with
/// `quadrant_segments` segments per quarter circle at round corners. Null when `g` is null.
REDLINE_EXPORT Geometry buffer(GeometryView g, double distance, int quadrant_segments);

/// Sets (x, y) to a point that lies inside polygonal `g` (GEOS PointOnSurface: on the widest
/// stretch of a horizontal line through the middle), in g's CRS, to locate a piece on a map.
/// Returns false, leaving x and y alone, for a null or empty `g`.
REDLINE_EXPORT bool interior_point(GeometryView g, double& x, double& y);

}  // namespace redline
