#include "geom/coordinate_scan.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "geom/geos_context.h"

namespace redline::detail {

namespace {

// Calls `visit` with the coordinates of every ring of every polygon; stops when it returns true.
bool for_each_ring(GEOSContextHandle_t h, const GEOSGeometry* g,
                   const std::function<bool(const GEOSCoordSequence*, unsigned)>& visit) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g)) return false;
    auto ring = [&](const GEOSGeometry* r) {
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, r);
      unsigned n = 0;
      return seq && GEOSCoordSeq_getSize_r(h, seq, &n) && visit(seq, n);
    };
    if (ring(GEOSGetExteriorRing_r(h, g))) return true;
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) {
      if (ring(GEOSGetInteriorRingN_r(h, g, i))) return true;
    }
    return false;
  }
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING || type == GEOS_POINT) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    return seq && GEOSCoordSeq_getSize_r(h, seq, &n) && visit(seq, n);
  }
  const int parts = GEOSGetNumGeometries_r(h, g);
  for (int i = 0; i < parts && type >= GEOS_MULTIPOINT; ++i) {
    if (for_each_ring(h, GEOSGetGeometryN_r(h, g, i), visit)) return true;
  }
  return false;
}

}  // namespace

std::optional<Vertex> find_out_of_range_vertex(const Geometry& geometry, double limit) {
  if (geometry.is_null()) return std::nullopt;
  GEOSContextHandle_t h = geos_handle();
  std::optional<Vertex> found;
  for_each_ring(h, geometry.get(), [&](const GEOSCoordSequence* seq, unsigned n) {
    for (unsigned i = 0; i < n; ++i) {
      Vertex v;
      GEOSCoordSeq_getXY_r(h, seq, i, &v.x, &v.y);
      // Written so that NaN fails the test: NaN compares false with everything.
      if (!(std::fabs(v.x) <= limit && std::fabs(v.y) <= limit)) {
        found = v;
        return true;
      }
    }
    return false;
  });
  return found;
}

Envelope vertex_envelope(const Geometry& geometry) {
  Envelope e;
  if (geometry.is_null()) return e;
  GEOSContextHandle_t h = geos_handle();
  for_each_ring(h, geometry.get(), [&](const GEOSCoordSequence* seq, unsigned n) {
    for (unsigned i = 0; i < n; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
      if (e.is_null) {
        e = Envelope{x, y, x, y, false};
      } else {
        e.min_x = std::min(e.min_x, x);
        e.min_y = std::min(e.min_y, y);
        e.max_x = std::max(e.max_x, x);
        e.max_y = std::max(e.max_y, y);
      }
    }
    return false;
  });
  return e;
}

std::optional<Edge> find_wrapping_edge(const Geometry& geometry, double max_step) {
  if (geometry.is_null()) return std::nullopt;
  GEOSContextHandle_t h = geos_handle();
  std::optional<Edge> found;
  for_each_ring(h, geometry.get(), [&](const GEOSCoordSequence* seq, unsigned n) {
    Vertex previous;
    for (unsigned i = 0; i < n; ++i) {
      Vertex v;
      GEOSCoordSeq_getXY_r(h, seq, i, &v.x, &v.y);
      if (i > 0 && std::fabs(v.x - previous.x) >= max_step) {
        found = Edge{previous, v};
        return true;
      }
      previous = v;
    }
    return false;
  });
  return found;
}

}  // namespace redline::detail
