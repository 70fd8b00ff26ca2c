// Delivery QA, spikes (龙须) and saw-teeth (锯齿): ring vertices whose two edges meet at an
// angle below the threshold.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "checks/delivery_qa_parts.h"
#include "redline/geom/paths.h"
#include "util/work_loop.h"

namespace redline::detail {
namespace {

constexpr double kDegreesPerRadian = 180.0 / M_PI;

// The angle at b between the edges to a and to c, in degrees (0-180); `cos_lat` scales the
// x differences (longitude) into ground proportions.
double angle_at(double ax, double ay, double bx, double by, double cx, double cy, double cos_lat) {
  const double ux = (ax - bx) * cos_lat, uy = ay - by;
  const double vx = (cx - bx) * cos_lat, vy = cy - by;
  return std::atan2(std::fabs(ux * vy - uy * vx), ux * vx + uy * vy) * kDegreesPerRadian;
}

// The shorter of the vertex's two edges, in metres: how far the spike reaches. In a geographic
// CRS about (a degree of latitude taken as 111 320 m), which is all a reviewer needs here.
double shorter_edge_metres(const SharpVertex& v, bool geographic) {
  const double cos_lat = geographic ? std::cos(v.y / kDegreesPerRadian) : 1.0;
  const double scale = geographic ? 111320.0 : 1.0;
  const double to_prev = std::hypot((v.prev_x - v.x) * cos_lat, v.prev_y - v.y);
  const double to_next = std::hypot((v.next_x - v.x) * cos_lat, v.next_y - v.y);
  return std::min(to_prev, to_next) * scale;
}

}  // namespace

std::vector<SharpVertex> sharp_vertices(GeometryView geometry, double max_degrees, bool geographic) {
  std::vector<SharpVertex> sharp;
  for_each_path(geometry, [&](const PathView& path) {
    if (!path.is_ring() || path.size < 4) return true;
    // The ring's distinct vertices: the closing one and exact repeats make no angle.
    std::vector<std::size_t> at;
    at.reserve(path.size);
    for (std::size_t i = 0; i + 1 < path.size; ++i) {
      if (!at.empty() && path.x(i) == path.x(at.back()) && path.y(i) == path.y(at.back())) continue;
      at.push_back(i);
    }
    while (at.size() > 1 && path.x(at.back()) == path.x(at.front()) && path.y(at.back()) == path.y(at.front())) {
      at.pop_back();
    }
    const std::size_t n = at.size();
    if (n < 3) return true;
    const std::size_t first_of_ring = sharp.size();
    std::vector<bool> is_sharp(n, false);
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t a = at[(k + n - 1) % n], b = at[k], c = at[(k + 1) % n];
      const double cos_lat = geographic ? std::cos(path.y(b) / kDegreesPerRadian) : 1.0;
      const double angle = angle_at(path.x(a), path.y(a), path.x(b), path.y(b), path.x(c), path.y(c), cos_lat);
      if (!(angle < max_degrees)) continue;
      is_sharp[k] = true;
      SharpVertex v;
      v.part = path.part;
      v.ring = path.ring;
      v.x = path.x(b);
      v.y = path.y(b);
      v.prev_x = path.x(a);
      v.prev_y = path.y(a);
      v.next_x = path.x(c);
      v.next_y = path.y(c);
      v.angle_degrees = angle;
      sharp.push_back(v);
    }
    // A saw-tooth: sharp vertices next to each other along the ring.
    std::size_t s = first_of_ring;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_sharp[k]) continue;
      sharp[s++].saw_tooth = is_sharp[(k + n - 1) % n] || is_sharp[(k + 1) % n];
    }
    return true;
  });
  return sharp;
}

void find_spikes(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                 std::vector<QaFinding>& out) {
  const bool geographic = layer.crs.is_geographic();
  std::vector<std::vector<SharpVertex>> found(layer.features.size());
  struct NoState {};
  run_workers<NoState>(layer.features.size(), options.threads, options.progress, "spikes", [] { return NoState{}; },
                       [&](std::size_t i, NoState&) {
                         found[i] = sharp_vertices(layer.features[i].geometry, options.spike_angle_degrees, geographic);
                       });
  for (std::size_t i = 0; i < found.size(); ++i) {
    for (const SharpVertex& v : found[i]) {
      QaFinding f;
      f.kind = QaFindingKind::Spike;
      f.features.push_back(qa_feature(layer, i, key_field));
      f.x = v.x;
      f.y = v.y;
      const std::string ring = v.ring == 0 ? "the shell" : "hole " + std::to_string(v.ring);
      f.detail = fmt::format("{} at a vertex of {} of part {}: its edges meet at {:.4g}°; the shorter is {}{:.2f} m long",
                             v.saw_tooth ? "saw-tooth (锯齿)" : "spike (龙须)", ring, v.part + 1, v.angle_degrees,
                             geographic ? "about " : "", shorter_edge_metres(v, geographic));
      if (options.keep_geometries) {
        f.geometry = Geometry::from_wkt(fmt::format("POLYGON(({:.17g} {:.17g},{:.17g} {:.17g},{:.17g} {:.17g},{:.17g} {:.17g}))",
                                                    v.prev_x, v.prev_y, v.x, v.y, v.next_x, v.next_y, v.prev_x,
                                                    v.prev_y));
      }
      out.push_back(std::move(f));
    }
  }
}

}  // namespace redline::detail
