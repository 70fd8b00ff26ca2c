#include "redline/geom/ops.h"

#include <vector>

#include "geom/geos_context.h"
#include "redline/error.h"
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

void collect_lines(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<GEOSGeometry*>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    if (!GEOSisEmpty_r(h, g)) {
      GEOSCoordSequence* cs = GEOSCoordSeq_clone_r(h, GEOSGeom_getCoordSeq_r(h, g));
      if (!cs) throw InternalError("GEOS failed copying a line");
      out.push_back(detail::geos_checked(GEOSGeom_createLineString_r(h, cs), "building a line"));
    }
    return;
  }
  if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) collect_lines(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

// The lines of `g` gathered into one MultiLineString (points of a line/polygon intersection
// dropped).
Geometry linear_part(GeometryView g) {
  GEOSContextHandle_t h = geos_handle();
  std::vector<GEOSGeometry*> parts;
  try {
    collect_lines(h, geos_of(g), parts);
  } catch (...) {
    for (GEOSGeometry* p : parts) GEOSGeom_destroy_r(h, p);
    throw;
  }
  return adopt_checked(
      GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())),
      "building a MultiLineString");
}

}  // namespace

Geometry lines_inside(GeometryView lines, GeometryView area, double grid) {
  if (lines.is_null() || area.is_null()) return Geometry();
  GEOSContextHandle_t h = geos_handle();
  // A line touching the area at a point gives a point beside the lines: only lines go on.
  const Geometry cut =
      linear_part(adopt_checked(GEOSIntersectionPrec_r(h, geos_of(lines), geos_of(area), grid), "intersection"));
  const Geometry boundary = adopt_checked(GEOSBoundary_r(h, geos_of(area)), "boundary");
  // What runs along the boundary is not inside: the difference drops it, keeping the rest.
  const Geometry off_boundary =
      adopt_checked(GEOSDifferencePrec_r(h, geos_of(cut), geos_of(boundary), grid), "difference");
  return linear_part(off_boundary);
}

Geometry lines_difference(GeometryView lines, GeometryView other, double grid) {
  if (lines.is_null()) return Geometry();
  if (other.is_null()) return lines.clone();
  GEOSContextHandle_t h = geos_handle();
  return linear_part(adopt_checked(GEOSDifferencePrec_r(h, geos_of(lines), geos_of(other), grid), "difference"));
}

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
