#include "redline/geom/paths.h"

#include <vector>

#include "geom/geos_context.h"

namespace redline {

namespace {

// Reads the coordinates of one linear GEOS geometry into `buffer` (reused between calls).
bool read_sequence(GEOSContextHandle_t h, const GEOSGeometry* linear, std::vector<double>& buffer, PathView& path) {
  const GEOSCoordSequence* seq = detail::geos_checked(GEOSGeom_getCoordSeq_r(h, linear), "reading coordinates");
  unsigned n = 0;
  detail::geos_check(GEOSCoordSeq_getSize_r(h, seq, &n) != 0, "reading coordinates");
  if (n == 0) return false;
  buffer.resize(2 * static_cast<std::size_t>(n));
  detail::geos_check(GEOSCoordSeq_copyToBuffer_r(h, seq, buffer.data(), 0, 0) != 0, "reading coordinates");
  path.xy = buffer.data();
  path.size = n;
  return true;
}

class PathWalker {
 public:
  PathWalker(GEOSContextHandle_t h, const std::function<bool(const PathView&)>& visit) : h_(h), visit_(visit) {}

  // Returns false when the visitor stopped the walk.
  bool walk(const GEOSGeometry* g) {
    switch (GEOSGeomTypeId_r(h_, g)) {
      case GEOS_POLYGON: return polygon(g);
      case GEOS_LINESTRING:
      case GEOS_LINEARRING: return single(g, PathRole::Line);
      case GEOS_POINT: return single(g, PathRole::Point);
      case GEOS_MULTIPOINT:
      case GEOS_MULTILINESTRING:
      case GEOS_MULTIPOLYGON:
      case GEOS_GEOMETRYCOLLECTION: {
        const int n = GEOSGetNumGeometries_r(h_, g);
        for (int i = 0; i < n; ++i) {
          if (!walk(detail::geos_checked(GEOSGetGeometryN_r(h_, g, i), "reading a part"))) return false;
        }
        return true;
      }
      default: throw InternalError("GEOS geometry of an unknown type: " + detail::take_geos_error());
    }
  }

 private:
  bool polygon(const GEOSGeometry* g) {
    const std::size_t part = part_++;
    if (GEOSisEmpty_r(h_, g) == 1) return true;
    PathView path;
    path.part = part;
    path.role = PathRole::Shell;
    if (read_sequence(h_, detail::geos_checked(GEOSGetExteriorRing_r(h_, g), "reading a shell"), buffer_, path) &&
        !visit_(path)) {
      return false;
    }
    const int holes = GEOSGetNumInteriorRings_r(h_, g);
    detail::geos_check(holes >= 0, "counting holes");
    path.role = PathRole::Hole;
    for (int i = 0; i < holes; ++i) {
      path.ring = static_cast<std::size_t>(i) + 1;
      if (read_sequence(h_, detail::geos_checked(GEOSGetInteriorRingN_r(h_, g, i), "reading a hole"), buffer_, path) &&
          !visit_(path)) {
        return false;
      }
    }
    return true;
  }

  bool single(const GEOSGeometry* g, PathRole role) {
    PathView path;
    path.part = part_++;
    path.role = role;
    if (GEOSisEmpty_r(h_, g) == 1) return true;
    return !read_sequence(h_, g, buffer_, path) || visit_(path);
  }

  GEOSContextHandle_t h_;
  const std::function<bool(const PathView&)>& visit_;
  std::vector<double> buffer_;
  std::size_t part_ = 0;
};

}  // namespace

bool for_each_path(GeometryView geometry, const std::function<bool(const PathView&)>& visit) {
  if (geometry.is_null()) return true;
  PathWalker walker(geos_handle(), visit);
  return walker.walk(detail::geos_of(geometry));
}

}  // namespace redline
