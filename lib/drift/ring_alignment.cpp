#include "drift/ring_alignment.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "redline/geom/paths.h"

namespace redline::detail {

namespace {

Ring read_ring(const PathView& path) {
  Ring out;
  out.shell = path.role == PathRole::Shell;
  std::size_t n = path.size;
  // Drop the closing point: vertex k of a ring is then out.xy[2k], out.xy[2k+1] for k < n-1.
  if (n > 1 && path.x(0) == path.x(n - 1) && path.y(0) == path.y(n - 1)) --n;
  out.xy.assign(path.xy, path.xy + 2 * n);
  return out;
}

double distance(const double* a, const double* b) { return std::hypot(a[0] - b[0], a[1] - b[1]); }

// Aligns one ring pair in one direction from `offset`; returns the largest shift, or a
// negative number when a shift exceeds `limit` or an edge is too short for its shifts.
double try_direction(const Ring& b, const Ring& a, std::size_t offset, bool reversed, double limit) {
  const std::size_t n = b.size();
  auto a_index = [&](std::size_t k) { return reversed ? (offset + n - k % n) % n : (offset + k) % n; };
  double max_shift = 0.0;
  double first_shift = distance(&b.xy[0], &a.xy[2 * a_index(0)]);
  double prev_shift = first_shift;
  if (first_shift > limit) return -1.0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t k1 = (k + 1) % n;
    const double next_shift = k1 == 0 ? first_shift : distance(&b.xy[2 * k1], &a.xy[2 * a_index(k1)]);
    if (next_shift > limit) return -1.0;
    const double shift = std::max(prev_shift, next_shift);
    // An edge whose moved copy points the other way has been folded over by the moves: the
    // band between the two is no longer thin. Short edges that keep their direction are fine
    // (their band is as small as they are).
    if (shift > 0) {
      const double* p1 = &b.xy[2 * k];
      const double* p2 = &b.xy[2 * k1];
      const double* q1 = &a.xy[2 * a_index(k)];
      const double* q2 = &a.xy[2 * a_index(k1)];
      if ((p2[0] - p1[0]) * (q2[0] - q1[0]) + (p2[1] - p1[1]) * (q2[1] - q1[1]) <= 0) return -1.0;
    }
    max_shift = std::max(max_shift, shift);
    prev_shift = next_shift;
  }
  return max_shift;
}

std::optional<RingAlignment> align_ring(const Ring& b, const Ring& a, double limit) {
  const std::size_t n = b.size();
  if (n < 3 || a.size() != n) return std::nullopt;
  // The vertex of `a` nearest to b's first vertex fixes the offset (ring starts may differ).
  std::size_t offset = 0;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < n; ++k) {
    const double d = distance(&b.xy[0], &a.xy[2 * k]);
    if (d < best) best = d, offset = k;
    if (d == 0.0) break;
  }
  if (best > limit) return std::nullopt;
  for (bool reversed : {false, true}) {
    const double shift = try_direction(b, a, offset, reversed, limit);
    if (shift >= 0) return RingAlignment{offset, reversed, shift};
  }
  return std::nullopt;
}

bool same_shape(const std::vector<Ring>& b, const std::vector<Ring>& a) {
  if (b.size() != a.size()) return false;
  for (std::size_t r = 0; r < b.size(); ++r) {
    if (b[r].size() != a[r].size()) return false;
  }
  return true;
}

std::optional<std::vector<RingAlignment>> align_polygon(const std::vector<Ring>& b, const std::vector<Ring>& a,
                                                        double limit) {
  if (!same_shape(b, a)) return std::nullopt;
  std::vector<RingAlignment> out;
  for (std::size_t r = 0; r < b.size(); ++r) {
    auto al = align_ring(b[r], a[r], limit);
    if (!al) return std::nullopt;
    out.push_back(*al);
  }
  return out;
}

}  // namespace

PolygonRings extract_rings(GeometryView geometry) {
  PolygonRings out;
  for_each_path(geometry, [&](const PathView& path) {
    if (!path.is_ring()) return true;
    if (path.role == PathRole::Shell) out.polygons.emplace_back();
    if (out.polygons.empty()) return true;  // cannot happen: a hole follows its shell
    out.polygons.back().push_back(read_ring(path));
    out.vertices += out.polygons.back().back().size();
    return true;
  });
  return out;
}

std::optional<FeatureAlignment> align_features(const PolygonRings& before, const PolygonRings& after,
                                               double max_shift) {
  const std::size_t np = before.polygons.size();
  if (np == 0 || after.polygons.size() != np || before.vertices != after.vertices) return std::nullopt;
  FeatureAlignment out;
  out.after_polygon.assign(np, np);
  out.rings.resize(np);
  std::vector<bool> used(np, false);
  for (std::size_t p = 0; p < np; ++p) {
    // Polygons usually keep their order; otherwise look for the counterpart among the rest
    // (bounded, as multipolygons with thousands of parts are rare and cheap to overlay).
    std::vector<std::size_t> order{p};
    if (np <= 64) {
      for (std::size_t q = 0; q < np; ++q) {
        if (q != p) order.push_back(q);
      }
    }
    for (std::size_t q : order) {
      if (used[q]) continue;
      auto al = align_polygon(before.polygons[p], after.polygons[q], max_shift);
      if (!al) continue;
      used[q] = true;
      out.after_polygon[p] = q;
      out.rings[p] = std::move(*al);
      break;
    }
    if (out.after_polygon[p] == np) return std::nullopt;
  }
  for (const auto& rings : out.rings) {
    for (const RingAlignment& r : rings) out.max_shift = std::max(out.max_shift, r.max_shift);
  }
  out.identical = out.max_shift == 0.0;
  return out;
}

EdgeBand edge_band(const double* p1, const double* p2, const double* q1, const double* q2) {
  // Work relative to p1: Gauss-Krüger eastings of 4e7 m would cost the products their digits.
  const double ex = p2[0] - p1[0], ey = p2[1] - p1[1];
  const double ax = q1[0] - p1[0], ay = q1[1] - p1[1];
  const double bx = q2[0] - p1[0], by = q2[1] - p1[1];
  auto cross = [](double ux, double uy, double vx, double vy) { return ux * vy - uy * vx; };
  const double d1 = cross(ex, ey, ax, ay);  // > 0: q1 left of p1→p2, inside BEFORE
  const double d2 = cross(ex, ey, bx, by);
  EdgeBand band;
  if ((d1 >= 0 && d2 >= 0) || (d1 <= 0 && d2 <= 0)) {
    // Quadrilateral p1 p2 q2 q1, wholly on one side of the edge.
    const double area = 0.5 * std::fabs(cross(ex, ey, bx, by) + cross(bx, by, ax, ay));
    if (d1 > 0 || d2 > 0) band.inside = area;
    else band.outside = area;
    return band;
  }
  // The edges cross at X on the line p1→p2: two triangles, one on each side.
  const double t = d1 / (d1 - d2);
  const double xx = ax + t * (bx - ax), xy = ay + t * (by - ay);
  const double t1 = 0.5 * std::fabs(cross(xx, xy, ax, ay));                     // p1 X q1
  const double t2 = 0.5 * std::fabs(cross(ex - xx, ey - xy, bx - xx, by - xy));  // X p2 q2
  (d1 > 0 ? band.inside : band.outside) += t1;
  (d2 > 0 ? band.inside : band.outside) += t2;
  return band;
}

}  // namespace redline::detail
