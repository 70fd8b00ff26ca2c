#include "redline/overlay/sliver.h"

#include <cmath>

#include <fmt/format.h>

#include "redline/geom/ops.h"
#include "redline/error.h"

namespace redline {

namespace {

bool polygon_is_thin(GeometryView polygon, double width) {
  const double area = polygon.planar_area();
  if (area <= 0) return true;
  const double perimeter = polygon.planar_length();
  const int n = polygon.num_points();
  // Every point of a polygon thinner than w lies within w/2 of its boundary: the strips along
  // the edges hold at most L·w/2, the fans at reflex vertices at most π(w/2)²/2 each.
  if (area > perimeter * width / 2 + n * M_PI * width * width / 8) return false;
  return buffer(polygon, -width / 2, 2).is_empty();
}

}  // namespace

bool is_sliver(GeometryView geometry, double width) {
  if (geometry.is_empty()) return false;
  if (geometry.type() == GeometryType::Polygon) return polygon_is_thin(geometry, width);
  bool any = false;
  for (std::size_t i = 0; i < geometry.num_parts(); ++i) {
    const GeometryView part = geometry.part(i);
    if (part.type() != GeometryType::Polygon || part.is_empty()) continue;
    if (!polygon_is_thin(part, width)) return false;
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
