#pragma once
// redline::Geometry: an owned GEOS geometry.
//
// redline stores every feature geometry as a GEOS geometry created through GEOS's stable C API
// (geos_c.h). A Geometry owns its GEOS object and destroys it; it is movable, not copyable (use
// clone()). Coordinates are in the CRS of the layer the geometry came from; the Geometry itself
// does not know its CRS.
//
// GEOS contexts are per thread (see handle()); a Geometry may be created on one thread and used
// or destroyed on another, because GEOS geometries are not bound to a context.
//
// Example usage:
//   redline::Geometry square = redline::Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
//   double a = square.planar_area();  // 100, in squared CRS units

#include <string>
#include <string_view>

struct GEOSGeom_t;            // geos_c.h: typedef struct GEOSGeom_t GEOSGeometry
struct GEOSContextHandle_HS;  // geos_c.h: typedef struct GEOSContextHandle_HS* GEOSContextHandle_t

namespace redline {

/// Axis-aligned bounding box in the geometry's CRS units.
struct Envelope {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool is_null = true;  ///< true for the envelope of nothing
  /// Grows this envelope to include `other`.
  void expand(const Envelope& other);
  bool intersects(const Envelope& other) const;
};

class Geometry {
 public:
  /// A null geometry (no GEOS object).
  Geometry() noexcept = default;
  /// Takes ownership of a GEOS geometry (may be null).
  explicit Geometry(GEOSGeom_t* owned) noexcept : g_(owned) {}
  ~Geometry();
  Geometry(Geometry&& other) noexcept : g_(other.release()) {}
  Geometry& operator=(Geometry&& other) noexcept;
  Geometry(const Geometry&) = delete;
  Geometry& operator=(const Geometry&) = delete;

  /// Parses WKT. Throws InputError on malformed text.
  static Geometry from_wkt(std::string_view wkt);
  /// Parses (E)WKB bytes. Throws InputError on malformed bytes.
  static Geometry from_wkb(const unsigned char* bytes, std::size_t size);

  /// Returns a deep copy (null stays null).
  Geometry clone() const;
  /// Returns WKT with `decimals` digits after the point (-1: GEOS default, full precision).
  std::string to_wkt(int decimals = -1) const;

  bool is_null() const noexcept { return g_ == nullptr; }
  /// Returns true for a null geometry or an empty one.
  bool is_empty() const;
  /// Returns the GEOS type name ("Polygon", "MultiPolygon", ...), "" when null.
  std::string type_name() const;
  /// Returns the number of vertices (0 when null).
  int num_points() const;
  /// Returns the bounding box (is_null when null or empty).
  Envelope envelope() const;
  /// Returns the shoelace area in squared CRS units (0 when null). Only meaningful in a
  /// projected CRS; see redline/measure/area.h for areas on the ellipsoid.
  double planar_area() const;

  /// Returns the GEOS object, still owned by this Geometry. Non-owning.
  GEOSGeom_t* get() const noexcept { return g_; }
  /// Gives up ownership and returns the GEOS object.
  GEOSGeom_t* release() noexcept {
    GEOSGeom_t* g = g_;
    g_ = nullptr;
    return g;
  }

 private:
  GEOSGeom_t* g_ = nullptr;
};

/// Returns this thread's GEOS context, created on first use and destroyed with the thread.
/// Every redline call into GEOS uses it, so a program may run redline on many threads.
GEOSContextHandle_HS* geos_handle();

}  // namespace redline
