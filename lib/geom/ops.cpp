#include "redline/geom/ops.h"

#include "geom/geos_context.h"
#include "redline/geom/validity.h"

namespace redline {

using detail::adopt_checked;
using detail::geos_of;

namespace {

using BinaryPrec = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*, double);

Geometry binary(BinaryPrec op, GeometryView a, GeometryView b, double grid, const char* what) {
  if (a.is_null() || b.is_null()) return Geometry();
  return polygonal_part(adopt_checked(op(geos_handle(), geos_of(a), geos_of(b), grid), what));
}

}  // namespace

Geometry intersection(GeometryView a, GeometryView b, double grid) {
  return binary(GEOSIntersectionPrec_r, a, b, grid, "intersection");
}

Geometry difference(GeometryView a, GeometryView b, double grid) {
  if (!a.is_null() && b.is_null()) return a.clone();
  return binary(GEOSDifferencePrec_r, a, b, grid, "difference");
}

Geometry union_of(GeometryView a, GeometryView b, double grid) {
  if (a.is_null()) return b.clone();
  if (b.is_null()) return a.clone();
  return binary(GEOSUnionPrec_r, a, b, grid, "union");
}

Geometry union_all(const std::vector<GeometryView>& parts, double grid) {
  GEOSContextHandle_t h = geos_handle();
  std::vector<GEOSGeometry*> clones;
  clones.reserve(parts.size());
  try {
    for (GeometryView p : parts) {
      if (!p.is_empty()) clones.push_back(detail::geos_checked(GEOSGeom_clone_r(h, geos_of(p)), "clone"));
    }
  } catch (...) {
    for (GEOSGeometry* c : clones) GEOSGeom_destroy_r(h, c);
    throw;
  }
  // The collection takes the clones, also when it fails.
  Geometry collection = adopt_checked(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                                  static_cast<unsigned>(clones.size())),
                                      "collecting geometries");
  return polygonal_part(adopt_checked(GEOSUnaryUnionPrec_r(h, geos_of(collection), grid), "union"));
}

Geometry snap_to_grid(GeometryView g, double grid) {
  if (g.is_null()) return Geometry();
  return polygonal_part(adopt_checked(GEOSGeom_setPrecision_r(geos_handle(), geos_of(g), grid, 0), "snapping to grid"));
}

Geometry clip_to_rectangle(GeometryView g, const Envelope& box) {
  if (g.is_null()) return Geometry();
  return polygonal_part(adopt_checked(
      GEOSClipByRect_r(geos_handle(), geos_of(g), box.min_x, box.min_y, box.max_x, box.max_y), "clipping to a rectangle"));
}

Geometry buffer(GeometryView g, double distance, int quadrant_segments) {
  if (g.is_null()) return Geometry();
  return adopt_checked(GEOSBuffer_r(geos_handle(), geos_of(g), distance, quadrant_segments), "buffer");
}

bool interior_point(GeometryView g, double& x, double& y) {
  if (g.is_empty()) return false;
  GEOSContextHandle_t h = geos_handle();
  Geometry point = adopt_checked(GEOSPointOnSurface_r(h, geos_of(g)), "point on surface");
  double px = 0, py = 0;
  if (point.is_empty() || !GEOSGeomGetX_r(h, geos_of(point), &px) || !GEOSGeomGetY_r(h, geos_of(point), &py)) {
    return false;
  }
  x = px;
  y = py;
  return true;
}

}  // namespace redline
