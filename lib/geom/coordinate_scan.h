#pragma once
// Private: scans of a geometry's vertices, for what GEOS does not check itself: coordinates that
// are not numbers (NaN, infinity) or absurdly large, and ring edges that wrap round the globe in
// longitude/latitude (the sign that a ring encloses a pole or crosses the antimeridian).
#include <optional>

#include "redline/geom/geometry.h"

namespace redline::detail {

/// A vertex, in the geometry's CRS.
struct Vertex {
  double x = 0, y = 0;
};

/// Returns the first vertex of `geometry` (every ring, every part) with a coordinate that is NaN,
/// infinite, or larger than `limit` in absolute value; nullopt when there is none.
std::optional<Vertex> find_out_of_range_vertex(GeometryView geometry, double limit);

/// Returns the envelope of every vertex of `geometry`, holes included (GEOS's envelope of a
/// polygon is its shell's: a hole drawn outside the shell, which a repair turns into a part of
/// its own, would escape a check made on it). The null envelope for a null or empty geometry.
/// REQUIRES: no vertex is NaN (find_out_of_range_vertex first).
Envelope vertex_envelope(GeometryView geometry);

/// A ring edge, from `from` to `to`.
struct Edge {
  Vertex from, to;
};

/// Returns the first ring edge of `geometry` whose x (longitude) changes by `max_step` or more;
/// nullopt when there is none. In degrees, with `max_step` 180, such an edge is not the short way
/// between its ends: the ring wraps round a pole or across the antimeridian.
std::optional<Edge> find_wrapping_edge(GeometryView geometry, double max_step);

}  // namespace redline::detail
