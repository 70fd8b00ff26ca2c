#pragma once
// Private: two versions of a polygon whose vertices correspond one to one, and the thin
// quadrilaterals between their edges (see redline/drift/drift.h, "within fast_shift").
#include <cstddef>
#include <optional>
#include <vector>

#include "redline/geom/geometry.h"

namespace redline::detail {

/// One ring's vertices, x0 y0 x1 y1 ..., without the closing point.
struct Ring {
  std::vector<double> xy;
  bool shell = true;
  std::size_t size() const { return xy.size() / 2; }
};

/// The rings of a (Multi)Polygon: polygons in order, each shell first then its holes.
struct PolygonRings {
  std::vector<std::vector<Ring>> polygons;
  std::size_t vertices = 0;
};

/// Returns the rings of a polygonal geometry (none for null or empty).
PolygonRings extract_rings(GeometryView geometry);

/// How ring `after` lines up with ring `before`: vertex k of `before` corresponds to vertex
/// (offset ± k) mod n of `after`.
struct RingAlignment {
  std::size_t offset = 0;
  bool reversed = false;
  double max_shift = 0.0;  ///< largest distance between corresponding vertices
};

/// The correspondence of every ring of two versions of a feature.
struct FeatureAlignment {
  /// after_polygon[p] is the polygon of AFTER matching polygon p of BEFORE.
  std::vector<std::size_t> after_polygon;
  std::vector<std::vector<RingAlignment>> rings;  ///< [polygon of BEFORE][ring]
  double max_shift = 0.0;
  bool identical = false;  ///< every coordinate equal, in the same order
};

/// Returns the alignment when both have the same polygons, rings and vertex counts, every
/// vertex moved by at most `max_shift`, and no edge turned round by the moves (its band would
/// not be thin). nullopt otherwise.
std::optional<FeatureAlignment> align_features(const PolygonRings& before, const PolygonRings& after,
                                               double max_shift);

/// Calls edge(p1, p2, q1, q2) for every edge p1→p2 of BEFORE and its counterpart q1→q2 of
/// AFTER, oriented so that the polygon's interior lies to the left of p1→p2.
template <typename EdgeFn>
void for_each_edge_pair(const PolygonRings& before, const PolygonRings& after,
                        const FeatureAlignment& alignment, EdgeFn&& edge);

/// The two sides of the region between p1→p2 (BEFORE, interior to the left) and q1→q2 (AFTER):
/// `outside` lies right of p1→p2 and left of q1→q2 (in AFTER, not in BEFORE), `inside` the
/// reverse. Planar areas in squared CRS units.
struct EdgeBand {
  double outside = 0.0;
  double inside = 0.0;
};

/// Returns the band between two versions of one edge (see EdgeBand).
EdgeBand edge_band(const double* p1, const double* p2, const double* q1, const double* q2);

// ---- implementation of the template

template <typename EdgeFn>
void for_each_edge_pair(const PolygonRings& before, const PolygonRings& after,
                        const FeatureAlignment& alignment, EdgeFn&& edge) {
  for (std::size_t p = 0; p < before.polygons.size(); ++p) {
    const auto& b_rings = before.polygons[p];
    const auto& a_rings = after.polygons[alignment.after_polygon[p]];
    for (std::size_t r = 0; r < b_rings.size(); ++r) {
      const Ring& b = b_rings[r];
      const Ring& a = a_rings[r];
      const RingAlignment& al = alignment.rings[p][r];
      const std::size_t n = b.size();
      // Signed shoelace area tells the ring's direction; interior is left of a CCW shell and
      // right of a CCW hole.
      double twice_area = 0.0;
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t k1 = (k + 1) % n;
        twice_area += b.xy[2 * k] * b.xy[2 * k1 + 1] - b.xy[2 * k1] * b.xy[2 * k + 1];
      }
      const bool interior_left = (twice_area > 0) == b.shell;
      auto a_index = [&](std::size_t k) {
        return al.reversed ? (al.offset + n - k % n) % n : (al.offset + k) % n;
      };
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t k1 = (k + 1) % n;
        const double* p1 = &b.xy[2 * k];
        const double* p2 = &b.xy[2 * k1];
        const double* q1 = &a.xy[2 * a_index(k)];
        const double* q2 = &a.xy[2 * a_index(k1)];
        if (interior_left) edge(p1, p2, q1, q2);
        else edge(p2, p1, q2, q1);
      }
    }
  }
}

}  // namespace redline::detail
