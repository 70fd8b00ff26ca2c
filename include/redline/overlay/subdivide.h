#pragma once
// Cutting a large polygon into pieces of bounded size.
//
// An overlay's cost grows faster than its vertex count, and one 100 000-vertex red-line polygon
// would keep a single thread busy while the others wait. subdivide() halves the geometry's
// bounding box across its longer side, clips each half with GEOS's fast rectangle clipping and
// recurses until every piece has at most `max_vertices` vertices, as PostGIS's ST_Subdivide
// does. That clipping is "not guaranteed to return valid results", so the final pieces are
// checked: an invalid piece is clipped again from the input with OverlayNG, and if the pieces'
// areas do not add up to the input's (1e-9 relative) every piece is. The pieces partition the input:
// they meet only along the cut lines, so areas add up and no point is in two pieces.
//
// Cutting adds vertices where an edge crosses a cut line. They lie on the original straight
// edges, so planar areas are unchanged; geodesic areas change by far less than 1e-9 relative
// on parcel-sized edges.
//
// Example usage:
//   for (redline::Geometry& piece : redline::subdivide(redline_polygon, 256)) { ... }
#include <vector>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Returns the polygonal `geometry` cut into valid Polygon/MultiPolygon pieces with at most
/// `max_vertices` vertices each (a piece may exceed it where the geometry is too dense to cut
/// further). A geometry that is small enough comes back as one clone; a null or empty one as
/// no pieces. `grid_size` is used only when a clip has to be redone with OverlayNG.
/// REQUIRES: max_vertices >= 8; geometry valid. Throws InternalError when GEOS fails.
REDLINE_EXPORT std::vector<Geometry> subdivide(GeometryView geometry, int max_vertices, double grid_size);

}  // namespace redline
