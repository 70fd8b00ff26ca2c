#include "redline/geom/validity.h"

#include <memory>
#include <vector>

#include "geom/geos_context.h"
#include "geom/simple_ring.h"

namespace redline {

std::optional<ValidityProblem> find_invalidity(GeometryView geometry) {
  if (geometry.is_empty()) return std::nullopt;
  // Most parcels are one simple ring: proven valid without GEOS building its topology.
  if (detail::proven_valid_one_ring_polygon(geometry)) return std::nullopt;
  GEOSContextHandle_t h = geos_handle();
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char valid = GEOSisValidDetail_r(h, detail::geos_of(geometry), 0, &reason, &location);
  detail::geos_check(valid != 2, "validity check");
  std::unique_ptr<char, detail::GeosFree> reason_owner(reason);
  Geometry location_owner = detail::adopt(location);
  if (valid == 1) return std::nullopt;
  ValidityProblem problem;
  problem.reason = reason ? reason : "invalid";
  if (location && !location_owner.is_empty()) {
    GEOSGeomGetX_r(h, location, &problem.x);
    GEOSGeomGetY_r(h, location, &problem.y);
  }
  return problem;
}

bool is_valid(GeometryView geometry) {
  if (geometry.is_empty()) return true;
  if (detail::proven_valid_one_ring_polygon(geometry)) return true;
  const char valid = GEOSisValid_r(geos_handle(), detail::geos_of(geometry));
  detail::geos_check(valid != 2, "validity check");
  return valid == 1;
}

namespace {

void collect_polygons(GEOSContextHandle_t h, const GEOSGeometry* g,
                      std::vector<GEOSGeometry*>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (!GEOSisEmpty_r(h, g)) out.push_back(GEOSGeom_clone_r(h, g));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collect_polygons(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

}  // namespace

Geometry polygonal_part(Geometry geometry) {
  GEOSContextHandle_t h = geos_handle();
  if (geometry.is_null()) return geometry;
  const int type = GEOSGeomTypeId_r(h, detail::geos_of(geometry));
  if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return geometry;
  std::vector<GEOSGeometry*> parts;
  collect_polygons(h, detail::geos_of(geometry), parts);
  if (parts.size() == 1) return detail::adopt(parts[0]);
  return detail::adopt_checked(
      GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())),
      "building a MultiPolygon");
}

Geometry make_valid_polygonal(GeometryView geometry) {
  GEOSContextHandle_t h = geos_handle();
  std::unique_ptr<GEOSMakeValidParams, void (*)(GEOSMakeValidParams*)> params(
      GEOSMakeValidParams_create_r(h),
      [](GEOSMakeValidParams* p) { GEOSMakeValidParams_destroy_r(geos_handle(), p); });
  // The structure method keeps the area a ring encloses (a bow tie becomes two triangles) and
  // drops parts that collapse to lines, which carry no area.
  GEOSMakeValidParams_setMethod_r(h, params.get(), GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(h, params.get(), 0);
  Geometry repaired =
      detail::adopt_checked(GEOSMakeValidWithParams_r(h, detail::geos_of(geometry), params.get()), "MakeValid");
  return polygonal_part(std::move(repaired));
}

}  // namespace redline
