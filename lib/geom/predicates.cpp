#include "redline/geom/predicates.h"

#include <string>

#include "geom/geos_context.h"

namespace redline {

using detail::geos_of;

namespace {

const GEOSPreparedGeometry* as_prepared(const void* p) { return static_cast<const GEOSPreparedGeometry*>(p); }

bool answer(char r, const char* what) {
  detail::geos_check(r != 2, what);
  return r == 1;
}

}  // namespace

bool relate_matches(GeometryView a, GeometryView b, std::string_view pattern) {
  const std::string text(pattern);
  return answer(GEOSRelatePattern_r(geos_handle(), geos_of(a), geos_of(b), text.c_str()), "relate");
}

PreparedGeometry::PreparedGeometry(GeometryView geometry)
    : prepared_(detail::geos_checked(GEOSPrepare_r(geos_handle(), geos_of(geometry)), "preparing a geometry")) {}

PreparedGeometry::~PreparedGeometry() {
  if (prepared_) GEOSPreparedGeom_destroy_r(geos_handle(), as_prepared(prepared_));
}

PreparedGeometry::PreparedGeometry(PreparedGeometry&& o) noexcept : prepared_(o.prepared_) { o.prepared_ = nullptr; }

PreparedGeometry& PreparedGeometry::operator=(PreparedGeometry&& o) noexcept {
  if (this != &o) {
    if (prepared_) GEOSPreparedGeom_destroy_r(geos_handle(), as_prepared(prepared_));
    prepared_ = o.prepared_;
    o.prepared_ = nullptr;
  }
  return *this;
}

bool PreparedGeometry::covers(GeometryView other) const {
  return answer(GEOSPreparedCovers_r(geos_handle(), as_prepared(prepared_), geos_of(other)), "covers");
}

bool PreparedGeometry::intersects(GeometryView other) const {
  return answer(GEOSPreparedIntersects_r(geos_handle(), as_prepared(prepared_), geos_of(other)), "intersects");
}

bool PreparedGeometry::contains_properly(GeometryView other) const {
  return answer(GEOSPreparedContainsProperly_r(geos_handle(), as_prepared(prepared_), geos_of(other)),
                "containsProperly");
}

}  // namespace redline
