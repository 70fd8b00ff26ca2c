#include "geom/simple_ring.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "geom/robust_orientation.h"
#include "redline/geom/paths.h"

namespace redline::detail {

namespace {

struct Vertex {
  double x, y;
  bool operator==(const Vertex& o) const { return x == o.x && y == o.y; }
};

int orientation(const Vertex& a, const Vertex& b, const Vertex& c) {
  return robust_orientation(a.x, a.y, b.x, b.y, c.x, c.y);
}

// True for 0 and for finite coordinates of ordinary size, 2^-100 to 2^40 (about 8e-31 to 1.1e12:
// every CRS's metres and degrees). Beyond them (a vertex at 1e130 beside one at 5e-315, found by
// tests/fuzz wkb) GEOS's own arithmetic may call a simple ring self-intersecting; such a ring is
// left to GEOS, so that the verdict stays GEOS's.
bool ordinary(double c) {
  const double m = std::fabs(c);
  return m == 0 || (m >= 0x1p-100 && m <= 0x1p40);
}

// For p, q, r proven collinear: true when q lies strictly between p and r, so that the edges
// p→q and q→r continue one another instead of folding back. Comparing coordinates of exactly
// collinear, distinct points is exact.
bool strictly_between(const Vertex& p, const Vertex& q, const Vertex& r) {
  if (p.x != q.x) return (p.x < q.x) == (q.x < r.x) && q.x != r.x;
  return (p.y < q.y) == (q.y < r.y) && q.y != r.y;
}

// True when the edges a→b and c→d are proven not to meet: both ends of one lie strictly on
// one side of the other's line.
bool proven_apart(const Vertex& a, const Vertex& b, const Vertex& c, const Vertex& d) {
  const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
  if ((o1 == 1 || o1 == -1) && o1 == o2) return true;
  const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
  return (o3 == 1 || o3 == -1) && o3 == o4;
}

bool ring_proven_simple(const PathView& ring) {
  const std::size_t n = ring.size;
  if (n < 4) return false;
  if (!(ring.x(0) == ring.x(n - 1) && ring.y(0) == ring.y(n - 1))) return false;
  thread_local std::vector<Vertex> v;
  v.clear();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Vertex p{ring.x(i), ring.y(i)};
    if (!ordinary(p.x) || !ordinary(p.y)) return false;
    if (v.empty() || !(v.back() == p)) v.push_back(p);  // repeated points: one vertex
  }
  while (v.size() > 1 && v.back() == v.front()) v.pop_back();
  const std::size_t m = v.size();
  if (m < 3) return false;
  // Neighbouring edges meet only at their common vertex: they turn, or go straight on.
  for (std::size_t i = 0; i < m; ++i) {
    const Vertex& p = v[i];
    const Vertex& q = v[(i + 1) % m];
    const Vertex& r = v[(i + 2) % m];
    const int o = orientation(p, q, r);
    if (o == kUncertainOrientation) return false;
    if (o == 0 && !strictly_between(p, q, r)) return false;
  }
  if (m == 3) return true;  // every pair of edges are neighbours
  // Every other pair of edges whose boxes meet must be proven apart. Edge i runs v[i]→v[i+1].
  struct Edge {
    double min_x, max_x, min_y, max_y;
    std::size_t i;
  };
  thread_local std::vector<Edge> edges;
  thread_local std::vector<std::size_t> active;
  edges.clear();
  active.clear();
  for (std::size_t i = 0; i < m; ++i) {
    const Vertex& a = v[i];
    const Vertex& b = v[(i + 1) % m];
    edges.push_back({std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), i});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.min_x < b.min_x; });
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const Edge& s = edges[k];
    for (std::size_t at = 0; at < active.size();) {
      const Edge& t = edges[active[at]];
      if (t.max_x < s.min_x) {  // passed: no later edge reaches it
        active[at] = active.back();
        active.pop_back();
        continue;
      }
      ++at;
      if (t.max_y < s.min_y || s.max_y < t.min_y) continue;
      const std::size_t gap = s.i > t.i ? s.i - t.i : t.i - s.i;
      if (gap == 1 || gap == m - 1) continue;  // neighbours: settled above
      if (!proven_apart(v[s.i], v[(s.i + 1) % m], v[t.i], v[(t.i + 1) % m])) return false;
    }
    active.push_back(k);
  }
  return true;
}

}  // namespace

bool proven_valid_one_ring_polygon(GeometryView geometry) {
  if (geometry.is_null()) return false;
  const GeometryType type = geometry.type();
  if (type != GeometryType::Polygon && type != GeometryType::MultiPolygon) return false;
  std::size_t paths = 0;
  bool proven = false;
  for_each_path(geometry, [&](const PathView& path) {
    if (++paths > 1 || path.role != PathRole::Shell) {
      proven = false;
      return false;
    }
    proven = ring_proven_simple(path);
    return true;
  });
  return paths == 1 && proven;
}

}  // namespace redline::detail
