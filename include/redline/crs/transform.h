#pragma once
// redline::CoordinateTransform: moves coordinates between CRSs with PROJ.
//
// Axis order is always the traditional GIS order (x = easting or longitude, y = northing or
// latitude), whatever the EPSG definition says. Geographic output is in degrees.
//
// Threads: a transform owns its PROJ objects and the PROJ context they live in, so it may be
// made, used, moved and destroyed on any thread, but used by one thread at a time: make one per
// thread that transforms concurrently.

#include <cstddef>
#include <memory>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

class REDLINE_EXPORT CoordinateTransform {
 public:
  /// Transforms from `source` to `target`. Throws UsageError when either is unknown or PROJ
  /// finds no operation between them.
  CoordinateTransform(const Crs& source, const Crs& target);
  /// Transforms from `source` to longitude/latitude in degrees on `source`'s own datum (the
  /// inverse projection only: no datum shift). Used for ellipsoidal areas and lengths. The
  /// degrees are PROJ's to the bit; for a projected CRS whose PROJ pipeline is the inverse
  /// projection then PROJ's radians-to-degrees step, that step is run alone and scaled by PROJ's
  /// factor (a third less work a point).
  static CoordinateTransform to_geographic(const Crs& source);

  ~CoordinateTransform();
  CoordinateTransform(CoordinateTransform&&) noexcept;
  CoordinateTransform& operator=(CoordinateTransform&&) noexcept;

  /// Transforms `count` points in place; x and y may be strided by `stride` doubles.
  /// Throws InputError when a point cannot be transformed (e.g. out of the projection's range).
  void apply(double* x, double* y, std::size_t count, std::size_t stride = 1) const;
  /// Returns a transformed copy of `geometry`.
  Geometry apply(GeometryView geometry) const;
  /// Returns true when source and target are the same CRS (apply() copies only).
  bool is_identity() const noexcept;

 private:
  CoordinateTransform() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
