#include "redline/geom/ops.h"

#include "geom/geos_context.h"
#include "redline/geom/validity.h"

namespace redline {

double default_grid_size(const Crs& crs) { return crs.is_geographic() ? 1e-8 : 1e-3; }

namespace {

using BinaryPrec = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*, double);

Geometry binary(BinaryPrec op, const Geometry& a, const Geometry& b, double grid, const char* what) {
  if (a.is_null() || b.is_null()) return Geometry();
  Geometry out(detail::geos_checked(op(geos_handle(), a.get(), b.get(), grid), what));
  return polygonal_part(std::move(out));
}

}  // namespace

Geometry intersection(const Geometry& a, const Geometry& b, double grid) {
  return binary(GEOSIntersectionPrec_r, a, b, grid, "intersection");
}

Geometry difference(const Geometry& a, const Geometry& b, double grid) {
  if (!a.is_null() && b.is_null()) return a.clone();
  return binary(GEOSDifferencePrec_r, a, b, grid, "difference");
}

Geometry union_of(const Geometry& a, const Geometry& b, double grid) {
  if (a.is_null()) return b.clone();
  if (b.is_null()) return a.clone();
  return binary(GEOSUnionPrec_r, a, b, grid, "union");
}

Geometry union_all(const std::vector<const Geometry*>& parts, double grid) {
  GEOSContextHandle_t h = geos_handle();
  std::vector<GEOSGeometry*> clones;
  for (const Geometry* p : parts) {
    if (p && !p->is_empty()) clones.push_back(GEOSGeom_clone_r(h, p->get()));
  }
  Geometry collection(detail::geos_checked(
      GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                  static_cast<unsigned>(clones.size())),
      "collecting geometries"));
  Geometry out(detail::geos_checked(GEOSUnaryUnionPrec_r(h, collection.get(), grid), "union"));
  return polygonal_part(std::move(out));
}

Geometry snap_to_grid(const Geometry& g, double grid) {
  if (g.is_null()) return Geometry();
  Geometry out(detail::geos_checked(GEOSGeom_setPrecision_r(geos_handle(), g.get(), grid, 0), "snapping to grid"));
  return polygonal_part(std::move(out));
}

PreparedGeometry::PreparedGeometry(const Geometry& geometry)
    : prepared_(detail::geos_checked(GEOSPrepare_r(geos_handle(), geometry.get()), "preparing a geometry")) {}

PreparedGeometry::~PreparedGeometry() {
  if (prepared_) GEOSPreparedGeom_destroy_r(geos_handle(), prepared_);
}

PreparedGeometry::PreparedGeometry(PreparedGeometry&& o) noexcept : prepared_(o.prepared_) { o.prepared_ = nullptr; }

PreparedGeometry& PreparedGeometry::operator=(PreparedGeometry&& o) noexcept {
  if (this != &o) {
    if (prepared_) GEOSPreparedGeom_destroy_r(geos_handle(), prepared_);
    prepared_ = o.prepared_;
    o.prepared_ = nullptr;
  }
  return *this;
}

bool PreparedGeometry::covers(const Geometry& other) const {
  const char r = GEOSPreparedCovers_r(geos_handle(), prepared_, other.get());
  detail::geos_check(r != 2, "covers");
  return r == 1;
}

bool PreparedGeometry::intersects(const Geometry& other) const {
  const char r = GEOSPreparedIntersects_r(geos_handle(), prepared_, other.get());
  detail::geos_check(r != 2, "intersects");
  return r == 1;
}

bool PreparedGeometry::contains_properly(const Geometry& other) const {
  const char r = GEOSPreparedContainsProperly_r(geos_handle(), prepared_, other.get());
  detail::geos_check(r != 2, "containsProperly");
  return r == 1;
}

}  // namespace redline
