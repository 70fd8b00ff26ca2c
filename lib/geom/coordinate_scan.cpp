#include "geom/coordinate_scan.h"

#include <algorithm>
#include <cmath>

#include "redline/geom/paths.h"

namespace redline::detail {

std::optional<Vertex> find_out_of_range_vertex(GeometryView geometry, double limit) {
  std::optional<Vertex> found;
  for_each_path(geometry, [&](const PathView& path) {
    for (std::size_t i = 0; i < path.size; ++i) {
      const Vertex v{path.x(i), path.y(i)};
      // Written so that NaN fails the test: NaN compares false with everything.
      if (!(std::fabs(v.x) <= limit && std::fabs(v.y) <= limit)) {
        found = v;
        return false;
      }
    }
    return true;
  });
  return found;
}

Envelope vertex_envelope(GeometryView geometry) {
  Envelope e;
  for_each_path(geometry, [&](const PathView& path) {
    for (std::size_t i = 0; i < path.size; ++i) {
      const double x = path.x(i), y = path.y(i);
      if (e.is_null) {
        e = Envelope{x, y, x, y, false};
      } else {
        e.min_x = std::min(e.min_x, x);
        e.min_y = std::min(e.min_y, y);
        e.max_x = std::max(e.max_x, x);
        e.max_y = std::max(e.max_y, y);
      }
    }
    return true;
  });
  return e;
}

std::optional<Edge> find_wrapping_edge(GeometryView geometry, double max_step) {
  std::optional<Edge> found;
  for_each_path(geometry, [&](const PathView& path) {
    for (std::size_t i = 1; i < path.size; ++i) {
      if (std::fabs(path.x(i) - path.x(i - 1)) >= max_step) {
        found = Edge{{path.x(i - 1), path.y(i - 1)}, {path.x(i), path.y(i)}};
        return false;
      }
    }
    return true;
  });
  return found;
}

}  // namespace redline::detail
