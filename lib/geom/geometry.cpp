#include "redline/geom/geometry.h"

#include <algorithm>
#include <memory>

#include "geom/geos_context.h"

namespace redline {

void Envelope::expand(const Envelope& o) {
  if (o.is_null) return;
  if (is_null) {
    *this = o;
    return;
  }
  min_x = std::min(min_x, o.min_x);
  min_y = std::min(min_y, o.min_y);
  max_x = std::max(max_x, o.max_x);
  max_y = std::max(max_y, o.max_y);
}

bool Envelope::intersects(const Envelope& o) const {
  return !is_null && !o.is_null && min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y &&
         o.min_y <= max_y;
}

Geometry::~Geometry() {
  if (g_) GEOSGeom_destroy_r(geos_handle(), g_);
}

Geometry& Geometry::operator=(Geometry&& other) noexcept {
  if (this != &other) {
    if (g_) GEOSGeom_destroy_r(geos_handle(), g_);
    g_ = other.release();
  }
  return *this;
}

Geometry Geometry::from_wkt(std::string_view wkt) {
  GEOSContextHandle_t h = geos_handle();
  std::unique_ptr<GEOSWKTReader, void (*)(GEOSWKTReader*)> reader(
      GEOSWKTReader_create_r(h), [](GEOSWKTReader* r) { GEOSWKTReader_destroy_r(geos_handle(), r); });
  std::string text(wkt);
  GEOSGeometry* g = GEOSWKTReader_read_r(h, reader.get(), text.c_str());
  detail::geos_check(g != nullptr, "reading WKT", {}, /*input=*/true);
  return Geometry(g);
}

Geometry Geometry::from_wkb(const unsigned char* bytes, std::size_t size) {
  GEOSGeometry* g = GEOSGeomFromWKB_buf_r(geos_handle(), bytes, size);
  detail::geos_check(g != nullptr, "reading WKB", {}, /*input=*/true);
  return Geometry(g);
}

Geometry Geometry::clone() const {
  if (!g_) return Geometry();
  return Geometry(detail::geos_checked(GEOSGeom_clone_r(geos_handle(), g_), "clone"));
}

std::string Geometry::to_wkt(int decimals) const {
  if (!g_) return "";
  GEOSContextHandle_t h = geos_handle();
  std::unique_ptr<GEOSWKTWriter, void (*)(GEOSWKTWriter*)> writer(
      GEOSWKTWriter_create_r(h), [](GEOSWKTWriter* w) { GEOSWKTWriter_destroy_r(geos_handle(), w); });
  if (decimals >= 0) {
    GEOSWKTWriter_setTrim_r(h, writer.get(), 1);
    GEOSWKTWriter_setRoundingPrecision_r(h, writer.get(), decimals);
  }
  std::unique_ptr<char, detail::GeosFree> text(GEOSWKTWriter_write_r(h, writer.get(), g_));
  detail::geos_check(text != nullptr, "writing WKT");
  return text.get();
}

bool Geometry::is_empty() const { return !g_ || GEOSisEmpty_r(geos_handle(), g_) == 1; }

std::string Geometry::type_name() const {
  if (!g_) return "";
  std::unique_ptr<char, detail::GeosFree> name(GEOSGeomType_r(geos_handle(), g_));
  return name ? name.get() : "";
}

int Geometry::num_points() const { return g_ ? GEOSGetNumCoordinates_r(geos_handle(), g_) : 0; }

Envelope Geometry::envelope() const {
  Envelope e;
  if (is_empty()) return e;
  GEOSGeom_getXMin_r(geos_handle(), g_, &e.min_x);
  GEOSGeom_getYMin_r(geos_handle(), g_, &e.min_y);
  GEOSGeom_getXMax_r(geos_handle(), g_, &e.max_x);
  GEOSGeom_getYMax_r(geos_handle(), g_, &e.max_y);
  e.is_null = false;
  return e;
}

double Geometry::planar_area() const {
  if (!g_) return 0.0;
  double a = 0.0;
  detail::geos_check(GEOSArea_r(geos_handle(), g_, &a) == 1, "area");
  return a;
}

}  // namespace redline
