#pragma once
// Walking a geometry's coordinates: every ring of every polygon, every line, every point, in
// order. This is the one way the library reads vertices (ellipsoidal area, the segment
// pre-test, ring alignment, coordinate checks); GEOS stays behind lib/geom.
//
// Example usage:
//   redline::for_each_path(parcel, [&](const redline::PathView& path) {
//     if (path.role == redline::PathRole::Shell) shell_vertices += path.size;
//     return true;  // go on
//   });
#include <cstddef>
#include <functional>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// What a run of coordinates is in its geometry.
enum class PathRole {
  Shell,  ///< the exterior ring of a polygon
  Hole,   ///< an interior ring of a polygon
  Line,   ///< a LineString or LinearRing
  Point,  ///< a Point (size 1)
};

/// One run of coordinates, borrowed: valid only during the visit call that receives it. `xy` is
/// the walker's scratch copy, so a visitor may transform it in place (e.g. to longitude and
/// latitude) without copying; the geometry is never changed.
struct PathView {
  PathRole role = PathRole::Shell;
  /// Index among the geometry's parts of the polygon, line or point the path belongs to,
  /// counted as for_each_path meets them (collections flattened, empty parts counted).
  std::size_t part = 0;
  /// Ring index within its polygon: 0 for the shell, 1.. for holes; 0 for lines and points.
  std::size_t ring = 0;
  /// The vertices as x0, y0, x1, y1, ...: 2 * size doubles. Rings are closed (last == first).
  double* xy = nullptr;
  std::size_t size = 0;

  double x(std::size_t i) const { return xy[2 * i]; }
  double y(std::size_t i) const { return xy[2 * i + 1]; }
  bool is_ring() const { return role == PathRole::Shell || role == PathRole::Hole; }
};

/// Calls `visit` for every path of `geometry`, in order: for each polygon its shell then its
/// holes, the members of Multi* geometries and (nested) collections in turn. Empty polygons,
/// lines and points are skipped. `visit` returns true to go on, false to stop; for_each_path
/// returns false when `visit` stopped it. A null geometry has no path. Throws InternalError if
/// GEOS fails.
REDLINE_EXPORT bool for_each_path(GeometryView geometry, const std::function<bool(const PathView&)>& visit);


}  // namespace redline
