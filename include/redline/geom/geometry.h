#pragma once
// redline::Geometry and redline::GeometryView: feature geometries, owned and borrowed.
//
// redline stores every feature geometry as a GEOS geometry; GEOS stays behind this floor: no
// GEOS type or header appears here, and only lib/geom calls GEOS. Coordinates are in the CRS of
// the layer the geometry came from; a geometry does not know its CRS.
//
// A GeometryView is a non-owning, read-only handle: the whole of a Geometry, or one part of it
// (a polygon of a MultiPolygon, see part()). It is a pointer in size, copied freely, and valid
// while the Geometry it was taken from is alive and unmodified. Every read-only operation of the
// library (measure, predicates, overlay inputs) takes a GeometryView, so a part can be measured
// or tested without copying it.
//
// A Geometry owns its geometry and destroys it; it is movable, not copyable (use clone()). It is
// a GeometryView of itself, so it can be passed wherever a view is taken.
//
// Threads: GEOS contexts are per thread and created on first use; a Geometry may be created on
// one thread and used or destroyed on another. Concurrent reads of one geometry are safe.
//
// Example usage:
//   redline::Geometry square = redline::Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
//   double a = square.planar_area();  // 100, in squared CRS units
//   for (std::size_t i = 0; i < multi.num_parts(); ++i) measure(multi.part(i));
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "redline/export.h"

namespace redline {

namespace detail {
struct GeometryHandle;  // opaque: a GEOS geometry, known only to lib/geom
struct GeometryAccess;  // lib/geom's bridge between handles and GEOS
}  // namespace detail

class Geometry;

/// Axis-aligned bounding box in the geometry's CRS units.
struct REDLINE_EXPORT Envelope {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool is_null = true;  ///< true for the envelope of nothing
  /// Grows this envelope to include `other`.
  void expand(const Envelope& other);
  /// Returns true when both are not null and share at least one point (edges included).
  bool intersects(const Envelope& other) const;
};

/// The kinds of geometry redline meets (OGC simple features, 2D).
enum class GeometryType {
  Point,
  LineString,
  LinearRing,
  Polygon,
  MultiPoint,
  MultiLineString,
  MultiPolygon,
  GeometryCollection,
};

/// Returns the OGC name: "Point", "LineString", "LinearRing", "Polygon", "MultiPoint",
/// "MultiLineString", "MultiPolygon", "GeometryCollection".
REDLINE_EXPORT const char* geometry_type_name(GeometryType type);

class REDLINE_EXPORT GeometryView {
 public:
  /// A null view (no geometry).
  constexpr GeometryView() noexcept = default;

  bool is_null() const noexcept { return handle_ == nullptr; }
  /// Returns true for a null geometry or an empty one.
  bool is_empty() const;
  /// Returns the type. REQUIRES: !is_null().
  GeometryType type() const;
  /// Returns true for a Polygon or a MultiPolygon.
  bool is_polygonal() const;
  /// Returns the OGC type name ("Polygon", "MultiPolygon", ...), "" when null.
  std::string type_name() const;
  /// Returns the number of vertices (0 when null).
  int num_points() const;
  /// Returns the bounding box (is_null when null or empty).
  Envelope envelope() const;
  /// Returns the shoelace area in squared CRS units (0 when null). Only meaningful in a
  /// projected CRS; see redline/measure/area.h for areas on the ellipsoid.
  double planar_area() const;
  /// Returns the length (of lines) or perimeter (of polygons, holes included) in CRS units,
  /// 0 when null.
  double planar_length() const;

  /// Returns the number of parts: the members of a Multi* or GeometryCollection, 1 for a
  /// single geometry, 0 when null.
  std::size_t num_parts() const;
  /// Returns part `i` (REQUIRES i < num_parts()): a member of a collection, the geometry
  /// itself when it is not a collection. Borrowed from this view's geometry.
  GeometryView part(std::size_t i) const;

  /// Returns a deep copy (null stays null).
  Geometry clone() const;
  /// Returns WKT with `decimals` digits after the point (-1: full precision, GEOS's default).
  std::string to_wkt(int decimals = -1) const;
  /// Returns little-endian 2D ISO WKB, empty when null. Throws InternalError if GEOS fails.
  std::vector<unsigned char> to_wkb() const;

 protected:
  explicit GeometryView(detail::GeometryHandle* handle) noexcept : handle_(handle) {}
  detail::GeometryHandle* handle_ = nullptr;

 private:
  friend struct detail::GeometryAccess;
};

class REDLINE_EXPORT Geometry : public GeometryView {
 public:
  /// A null geometry.
  Geometry() noexcept = default;
  ~Geometry();
  Geometry(Geometry&& other) noexcept : GeometryView(other.handle_) { other.handle_ = nullptr; }
  Geometry& operator=(Geometry&& other) noexcept;
  Geometry(const Geometry&) = delete;
  Geometry& operator=(const Geometry&) = delete;

  /// Parses WKT. Throws InputError on malformed text.
  static Geometry from_wkt(std::string_view wkt);
  /// Parses (E)WKB bytes. Throws InputError on malformed bytes.
  static Geometry from_wkb(const unsigned char* bytes, std::size_t size);
  /// Returns the rectangle `box` as a Polygon (null when `box` is null).
  static Geometry rectangle(const Envelope& box);

 private:
  friend struct detail::GeometryAccess;
  explicit Geometry(detail::GeometryHandle* owned) noexcept : GeometryView(owned) {}
};

}  // namespace redline
