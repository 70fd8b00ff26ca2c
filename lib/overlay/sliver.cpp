#include "redline/overlay/sliver.h"

#include <geos_c.h>

#include <cmath>

#include <fmt/format.h>

#include "geom/geos_context.h"
#include "redline/error.h"

namespace redline {

namespace {

bool polygon_is_thin(GEOSContextHandle_t h, const GEOSGeometry* polygon, double width) {
  double area = 0, perimeter = 0;
  detail::geos_check(GEOSArea_r(h, polygon, &area) == 1, "area");
  if (area <= 0) return true;
  detail::geos_check(GEOSLength_r(h, polygon, &perimeter) == 1, "length");
  const int n = GEOSGetNumCoordinates_r(h, polygon);
  // Every point of a polygon thinner than w lies within w/2 of its boundary: the strips along
  // the edges hold at most L·w/2, the fans at reflex vertices at most π(w/2)²/2 each.
  if (area > perimeter * width / 2 + n * M_PI * width * width / 8) return false;
  Geometry eroded(detail::geos_checked(GEOSBuffer_r(h, polygon, -width / 2, 2), "negative buffer"));
  return eroded.is_empty();
}

}  // namespace

bool is_sliver(const Geometry& geometry, double width) {
  if (geometry.is_empty()) return false;
  GEOSContextHandle_t h = geos_handle();
  const int type = GEOSGeomTypeId_r(h, geometry.get());
  if (type == GEOS_POLYGON) return polygon_is_thin(h, geometry.get(), width);
  const int n = GEOSGetNumGeometries_r(h, geometry.get());
  bool any = false;
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, geometry.get(), i);
    if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON || GEOSisEmpty_r(h, part)) continue;
    if (!polygon_is_thin(h, part, width)) return false;
    any = true;
  }
  return any;
}

void validate_sliver_width(double metres, const char* what) {
  // Written so that NaN fails: it compares false with everything.
  if (!(metres >= 0 && metres <= kMaxSliverWidthMetres)) {
    throw UsageError(fmt::format("the {} must be 0 or a number of metres up to {:g}, not {}", what,
                                 kMaxSliverWidthMetres, metres));
  }
}

double sliver_width_in_crs_units(double metres, const Crs& crs) {
  return crs.is_geographic() ? metres / 111320.0 : metres;
}

}  // namespace redline
