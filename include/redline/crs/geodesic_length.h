#pragma once
// Lengths of paths on an ellipsoid, from longitude/latitude in degrees: the ellipsoid geometry
// that redline/measure/length.h builds its Ellipsoidal method on. PROJ's geodesic routines stay
// inside lib/crs.
//
// A path is given as interleaved longitude/latitude degrees: point i is (xy[i * stride],
// xy[i * stride + 1]). Its length is the sum of the geodesic distances between consecutive
// points (Karney's inverse problem, PROJ's geod_inverse): what PostGIS ST_Length(geography)
// and GeographicLib's `GeodSolve -i` summed over the segments compute. A path of fewer than two
// points has length 0.
//
// Example usage:
//   redline::GeodesicPathLength geodesic(crs.ellipsoid());
//   double m = geodesic(lonlat.data(), lonlat.size() / 2, 2);

#include <cstddef>
#include <memory>

#include "redline/crs/crs.h"
#include "redline/export.h"

namespace redline {

/// The geodesic length of paths on one ellipsoid. Immutable after construction: one object may
/// serve any number of threads at once.
class REDLINE_EXPORT GeodesicPathLength {
 public:
  explicit GeodesicPathLength(const Ellipsoid& ellipsoid);
  ~GeodesicPathLength();
  GeodesicPathLength(GeodesicPathLength&&) noexcept;
  GeodesicPathLength& operator=(GeodesicPathLength&&) noexcept;

  /// Returns the length in metres of the path of `n` points of `xy` (see the top of this file).
  double operator()(const double* xy, std::size_t n, std::size_t stride) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
