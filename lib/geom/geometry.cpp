#include "redline/geom/geometry.h"

#include <algorithm>
#include <memory>

#include "geom/geos_context.h"
#include "geom/wkb_build.h"

namespace redline {

using detail::geos_of;

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

const char* geometry_type_name(GeometryType type) {
  switch (type) {
    case GeometryType::Point: return "Point";
    case GeometryType::LineString: return "LineString";
    case GeometryType::LinearRing: return "LinearRing";
    case GeometryType::Polygon: return "Polygon";
    case GeometryType::MultiPoint: return "MultiPoint";
    case GeometryType::MultiLineString: return "MultiLineString";
    case GeometryType::MultiPolygon: return "MultiPolygon";
    case GeometryType::GeometryCollection: return "GeometryCollection";
  }
  return "Geometry";
}

// ---- GeometryView

bool GeometryView::is_empty() const { return !handle_ || GEOSisEmpty_r(geos_handle(), geos_of(*this)) == 1; }

GeometryType GeometryView::type() const {
  switch (GEOSGeomTypeId_r(geos_handle(), geos_of(*this))) {
    case GEOS_POINT: return GeometryType::Point;
    case GEOS_LINESTRING: return GeometryType::LineString;
    case GEOS_LINEARRING: return GeometryType::LinearRing;
    case GEOS_POLYGON: return GeometryType::Polygon;
    case GEOS_MULTIPOINT: return GeometryType::MultiPoint;
    case GEOS_MULTILINESTRING: return GeometryType::MultiLineString;
    case GEOS_MULTIPOLYGON: return GeometryType::MultiPolygon;
    case GEOS_GEOMETRYCOLLECTION: return GeometryType::GeometryCollection;
    default: break;
  }
  throw InternalError("GEOS geometry of an unknown type: " + detail::take_geos_error());
}

bool GeometryView::is_polygonal() const {
  if (!handle_) return false;
  const GeometryType t = type();
  return t == GeometryType::Polygon || t == GeometryType::MultiPolygon;
}

std::string GeometryView::type_name() const { return handle_ ? geometry_type_name(type()) : ""; }

int GeometryView::num_points() const { return handle_ ? GEOSGetNumCoordinates_r(geos_handle(), geos_of(*this)) : 0; }

Envelope GeometryView::envelope() const {
  Envelope e;
  if (is_empty()) return e;
  GEOSContextHandle_t h = geos_handle();
  const GEOSGeometry* g = geos_of(*this);
  GEOSGeom_getXMin_r(h, g, &e.min_x);
  GEOSGeom_getYMin_r(h, g, &e.min_y);
  GEOSGeom_getXMax_r(h, g, &e.max_x);
  GEOSGeom_getYMax_r(h, g, &e.max_y);
  e.is_null = false;
  return e;
}

double GeometryView::planar_area() const {
  if (!handle_) return 0.0;
  double a = 0.0;
  detail::geos_check(GEOSArea_r(geos_handle(), geos_of(*this), &a) == 1, "area");
  return a;
}

double GeometryView::planar_length() const {
  if (!handle_) return 0.0;
  double length = 0.0;
  detail::geos_check(GEOSLength_r(geos_handle(), geos_of(*this), &length) == 1, "length");
  return length;
}

std::size_t GeometryView::num_parts() const {
  if (!handle_) return 0;
  const int n = GEOSGetNumGeometries_r(geos_handle(), geos_of(*this));
  detail::geos_check(n >= 0, "counting parts");
  return static_cast<std::size_t>(n);
}

GeometryView GeometryView::part(std::size_t i) const {
  if (!handle_ || i >= num_parts()) throw InternalError("geometry part " + std::to_string(i) + " does not exist");
  const GEOSGeometry* p = GEOSGetGeometryN_r(geos_handle(), geos_of(*this), static_cast<int>(i));
  return detail::GeometryAccess::view(detail::geos_checked(p, "reading a part"));
}

Geometry GeometryView::clone() const {
  if (!handle_) return Geometry();
  return detail::adopt_checked(GEOSGeom_clone_r(geos_handle(), geos_of(*this)), "clone");
}

std::string GeometryView::to_wkt(int decimals) const {
  if (!handle_) return "";
  GEOSContextHandle_t h = geos_handle();
  std::unique_ptr<GEOSWKTWriter, void (*)(GEOSWKTWriter*)> writer(
      GEOSWKTWriter_create_r(h), [](GEOSWKTWriter* w) { GEOSWKTWriter_destroy_r(geos_handle(), w); });
  if (decimals >= 0) {
    GEOSWKTWriter_setTrim_r(h, writer.get(), 1);
    GEOSWKTWriter_setRoundingPrecision_r(h, writer.get(), decimals);
  }
  std::unique_ptr<char, detail::GeosFree> text(GEOSWKTWriter_write_r(h, writer.get(), geos_of(*this)));
  detail::geos_check(text != nullptr, "writing WKT");
  return text.get();
}

std::vector<unsigned char> GeometryView::to_wkb() const {
  if (!handle_) return {};
  GEOSContextHandle_t h = geos_handle();
  // One writer per thread: creating a writer per feature costs more than writing it.
  struct Writer {
    GEOSWKBWriter* w;
    Writer() : w(GEOSWKBWriter_create_r(geos_handle())) {
      GEOSWKBWriter_setByteOrder_r(geos_handle(), w, GEOS_WKB_NDR);
      GEOSWKBWriter_setOutputDimension_r(geos_handle(), w, 2);
    }
    ~Writer() { GEOSWKBWriter_destroy_r(geos_handle(), w); }
  };
  thread_local Writer writer;
  std::size_t size = 0;
  std::unique_ptr<unsigned char, detail::GeosFree> bytes(GEOSWKBWriter_write_r(h, writer.w, geos_of(*this), &size));
  detail::geos_check(bytes != nullptr, "writing WKB");
  return std::vector<unsigned char>(bytes.get(), bytes.get() + size);
}

// ---- Geometry

Geometry::~Geometry() {
  if (handle_) GEOSGeom_destroy_r(geos_handle(), detail::GeometryAccess::release(*this));
}

Geometry& Geometry::operator=(Geometry&& other) noexcept {
  if (this != &other) {
    if (handle_) GEOSGeom_destroy_r(geos_handle(), detail::GeometryAccess::release(*this));
    handle_ = other.handle_;
    other.handle_ = nullptr;
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
  return detail::adopt(g);
}

Geometry Geometry::from_wkb(const unsigned char* bytes, std::size_t size) {
  // The common case without GEOS's reader (geom/wkb_build.h); anything else through it.
  if (GEOSGeometry* built = detail::build_from_common_wkb(geos_handle(), bytes, size)) {
    return detail::adopt(built);
  }
  GEOSGeometry* g = GEOSGeomFromWKB_buf_r(geos_handle(), bytes, size);
  detail::geos_check(g != nullptr, "reading WKB", {}, /*input=*/true);
  return detail::adopt(g);
}

Geometry Geometry::rectangle(const Envelope& box) {
  if (box.is_null) return Geometry();
  return detail::adopt_checked(
      GEOSGeom_createRectangle_r(geos_handle(), box.min_x, box.min_y, box.max_x, box.max_y), "building a rectangle");
}

}  // namespace redline
