#pragma once
// Overlay operations on a fixed precision grid, and prepared geometries.
//
// redline runs every overlay through GEOS OverlayNG with a fixed precision grid (snap
// rounding): results are noded exactly on the grid, so no TopologyException can end a run.
// The DEFAULT grid is 1 mm in a projected CRS (coordinates in metres) and 1e-8 degree (about
// 1.1 mm) in a geographic CRS: far below any parcel's survey precision, far above the noise
// that makes floating-point overlay fail. Grid size 0 asks for floating precision.
//
// All functions return polygonal results (lower-dimension by-products of an overlay, such as
// the shared edge of two touching polygons, are dropped) and throw InternalError when GEOS fails.
//
// Example usage:
//   double grid = redline::default_grid_size(layer.crs);
//   redline::Geometry inside = redline::intersection(parcel, redline_polygon, grid);
#include <memory>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/geom/geometry.h"

struct GEOSPrepGeom_t;  // geos_c.h: typedef struct GEOSPrepGeom_t GEOSPreparedGeometry

namespace redline {

/// Returns the DEFAULT precision grid for a CRS: 0.001 (metres) when projected, 1e-8 (degrees)
/// when geographic.
double default_grid_size(const Crs& crs);

/// Returns the polygonal part of a ∩ b on the grid.
Geometry intersection(const Geometry& a, const Geometry& b, double grid_size);
/// Returns the polygonal part of a − b on the grid.
Geometry difference(const Geometry& a, const Geometry& b, double grid_size);
/// Returns the polygonal part of a ∪ b on the grid.
Geometry union_of(const Geometry& a, const Geometry& b, double grid_size);
/// Returns the union of all `parts` (null ones ignored) on the grid, as one (Multi)Polygon;
/// overlapping parts count once. An empty MultiPolygon when there are none.
Geometry union_all(const std::vector<const Geometry*>& parts, double grid_size);
/// Returns `g` with its coordinates on the grid (GEOS setPrecision; stays valid).
Geometry snap_to_grid(const Geometry& g, double grid_size);

/// A geometry prepared for many predicate tests against it (GEOS PreparedGeometry). Keeps a
/// reference to the geometry: REQUIRES the Geometry outlives the PreparedGeometry.
class PreparedGeometry {
 public:
  explicit PreparedGeometry(const Geometry& geometry);
  ~PreparedGeometry();
  PreparedGeometry(PreparedGeometry&&) noexcept;
  PreparedGeometry& operator=(PreparedGeometry&&) noexcept;

  /// Returns true when `other` lies wholly inside (boundary contact allowed).
  bool covers(const Geometry& other) const;
  /// Returns true when the interiors or boundaries meet.
  bool intersects(const Geometry& other) const;
  /// Returns true when `other` lies in the interior, touching no boundary.
  bool contains_properly(const Geometry& other) const;

 private:
  const GEOSPrepGeom_t* prepared_ = nullptr;
};

}  // namespace redline
