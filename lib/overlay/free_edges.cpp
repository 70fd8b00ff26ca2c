#include "overlay/free_edges.h"

#include <algorithm>
#include <tuple>

#include "redline/geom/paths.h"
#include "util/parallel.h"

namespace redline::detail {

namespace {

// A ring segment with its end points in lexicographic order, and the side its ring's
// interior lies on, seen along that order.
struct Edge {
  double x0, y0, x1, y1;
  bool interior_left;
  bool same_place(const Edge& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

void add_ring_edges(const PathView& ring, std::vector<Edge>& out) {
  const std::size_t n = ring.size;
  if (n < 4) return;
  double twice_area = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    twice_area += (ring.x(i) - ring.x(0)) * (ring.y(i + 1) - ring.y(0)) - (ring.x(i + 1) - ring.x(0)) * (ring.y(i) - ring.y(0));
  }
  // Along the ring's own direction, the interior lies to the left of a counter-clockwise shell
  // and of a clockwise hole.
  const bool left_along_ring = (ring.role == PathRole::Shell) == (twice_area > 0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ax = ring.x(i), ay = ring.y(i), bx = ring.x(i + 1), by = ring.y(i + 1);
    if (ax == bx && ay == by) continue;
    const bool forward = std::tie(ax, ay) < std::tie(bx, by);
    out.push_back(forward ? Edge{ax, ay, bx, by, left_along_ring} : Edge{bx, by, ax, ay, !left_along_ring});
  }
}

}  // namespace

EnvelopeIndex free_edge_index(const PieceSet& pieces, unsigned threads) {
  std::vector<std::vector<Edge>> per_piece(pieces.size());
  parallel_for(pieces.size(), threads, [&](std::size_t i) {
    for_each_path(*pieces[i].geometry, [&](const PathView& path) {
      if (path.is_ring()) add_ring_edges(path, per_piece[i]);
      return true;
    });
  });
  std::vector<Edge> edges;
  for (std::vector<Edge>& e : per_piece) {
    edges.insert(edges.end(), e.begin(), e.end());
    std::vector<Edge>().swap(e);
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.x0, a.y0, a.x1, a.y1, a.interior_left) < std::tie(b.x0, b.y0, b.x1, b.y1, b.interior_left);
  });
  std::vector<Envelope> free;
  for (std::size_t i = 0; i < edges.size();) {
    std::size_t j = i;
    bool left = false, right = false;
    for (; j < edges.size() && edges[j].same_place(edges[i]); ++j) (edges[j].interior_left ? left : right) = true;
    if (!(left && right)) {
      const Edge& e = edges[i];
      free.push_back(Envelope{std::min(e.x0, e.x1), std::min(e.y0, e.y1), std::max(e.x0, e.x1), std::max(e.y0, e.y1),
                              false});
    }
    i = j;
  }
  return EnvelopeIndex(free);
}

}  // namespace redline::detail
