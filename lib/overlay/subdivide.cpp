#include "redline/overlay/subdivide.h"

#include <cmath>

#include "redline/geom/ops.h"
#include "redline/geom/validity.h"

namespace redline {

namespace {

// Deeper than any useful cut: 2^40 pieces of a county would be micrometres wide.
constexpr int kMaxDepth = 40;

Geometry clip_exact(GeometryView g, const Envelope& e, double grid) {
  return intersection(g, Geometry::rectangle(e), grid);
}

struct Leaf {
  Geometry piece;
  Envelope cell;  // the rectangle the piece was clipped to
};

// Halves `cell` until the part of the geometry in it is small enough. GEOS's rectangle clipping
// is fast but "not guaranteed to return valid results": the pieces are checked afterwards.
void cut(Geometry g, Envelope cell, int max_vertices, int depth, std::vector<Leaf>& out) {
  if (g.is_empty()) return;
  const Envelope e = g.envelope();
  const double w = e.max_x - e.min_x, hgt = e.max_y - e.min_y;
  if (g.num_points() <= max_vertices || depth >= kMaxDepth || (w <= 0 && hgt <= 0)) {
    out.push_back(Leaf{std::move(g), cell});
    return;
  }
  Envelope a = e, b = e;
  if (w >= hgt) {
    const double mid = e.min_x + w / 2;
    a.max_x = mid;
    b.min_x = mid;
  } else {
    const double mid = e.min_y + hgt / 2;
    a.max_y = mid;
    b.min_y = mid;
  }
  Geometry first = clip_to_rectangle(g, a);
  Geometry second = clip_to_rectangle(g, b);
  g = Geometry();  // free the parent before going deeper
  cut(std::move(first), a, max_vertices, depth + 1, out);
  cut(std::move(second), b, max_vertices, depth + 1, out);
}

// Cuts one polygon; every piece is valid and the pieces' areas add up to the polygon's.
void cut_checked(GeometryView polygon, int max_vertices, double grid, std::vector<Geometry>& out) {
  std::vector<Leaf> leaves;
  cut(polygon.clone(), polygon.envelope(), max_vertices, 0, leaves);
  double sum = 0.0;
  for (Leaf& leaf : leaves) {
    // Checking only the small final pieces is cheap; an invalid one is clipped again from the
    // polygon itself with OverlayNG, which always returns a valid result.
    if (!is_valid(leaf.piece)) leaf.piece = clip_exact(polygon, leaf.cell, grid);
    sum += leaf.piece.planar_area();
  }
  // An invalid intermediate clip could still have lost or doubled area without making a final
  // piece invalid: then every piece is redone exactly.
  const double whole = polygon.planar_area();
  if (std::fabs(sum - whole) > 1e-9 * whole) {
    for (Leaf& leaf : leaves) leaf.piece = clip_exact(polygon, leaf.cell, grid);
  }
  for (Leaf& leaf : leaves) {
    if (!leaf.piece.is_empty()) out.push_back(std::move(leaf.piece));
  }
}

}  // namespace

std::vector<Geometry> subdivide(GeometryView geometry, int max_vertices, double grid_size) {
  std::vector<Geometry> out;
  if (geometry.is_empty()) return out;
  if (geometry.num_points() <= max_vertices) {
    out.push_back(geometry.clone());
    return out;
  }
  // The parts of a MultiPolygon are cut one by one: parts small enough stay whole.
  for (std::size_t i = 0; i < geometry.num_parts(); ++i) {
    const GeometryView part = geometry.part(i);
    if (part.num_points() <= max_vertices) {
      out.push_back(part.clone());
    } else {
      cut_checked(part, max_vertices, grid_size, out);
    }
  }
  return out;
}

}  // namespace redline
