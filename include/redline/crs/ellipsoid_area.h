#pragma once
// Areas of rings on an ellipsoid, from longitude/latitude in degrees: the ellipsoid geometry
// that redline/measure/area.h builds its Ellipsoidal and Survey methods on. PROJ's geodesic
// routines stay inside lib/crs.
//
// Rings are given as interleaved longitude/latitude degrees: point i is (xy[i * stride],
// xy[i * stride + 1]). A closing point equal to the first is optional; a ring of fewer than
// three points has area 0. Areas are absolute values in m², so orientation does not matter.
//
// Example usage:
//   redline::GeodesicRingArea geodesic(crs.ellipsoid());
//   double m2 = geodesic(lonlat.data(), lonlat.size() / 2, 2);

#include <cstddef>
#include <memory>

#include "redline/crs/crs.h"
#include "redline/export.h"

namespace redline {

/// The geodesic polygon area on one ellipsoid (Karney's algorithm, PROJ's geod_polygon*): each
/// edge is a geodesic. What PostGIS ST_Area(geography) and GeographicLib's Planimeter compute.
/// Immutable after construction: one object may serve any number of threads at once.
class REDLINE_EXPORT GeodesicRingArea {
 public:
  explicit GeodesicRingArea(const Ellipsoid& ellipsoid);
  ~GeodesicRingArea();
  GeodesicRingArea(GeodesicRingArea&&) noexcept;
  GeodesicRingArea& operator=(GeodesicRingArea&&) noexcept;

  /// Returns the area in m² of the ring of `n` points of `xy` (see the top of this file).
  double operator()(const double* xy, std::size_t n, std::size_t stride) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The land-survey 椭球面积 of 国土调查办发〔2008〕32号 on one ellipsoid: each edge, straight in
/// (B, L), adds the ellipsoidal trapezoid between it and a meridian, from the series in the
/// first eccentricity squared (domain.md). Immutable after construction: one object may serve
/// any number of threads at once.
class REDLINE_EXPORT SurveyRingArea {
 public:
  explicit SurveyRingArea(const Ellipsoid& ellipsoid);

  /// Returns the area in m² of the ring of `n` points of `xy` (see the top of this file).
  double operator()(const double* xy, std::size_t n, std::size_t stride) const;

 private:
  double b2x2_, a_, b_, c_, d_, e_;  // 2b² and the series coefficients A..E of domain.md
};

/// Returns the geodesic area in m² of one ring given as separate longitude and latitude arrays
/// in degrees (n points, closing point optional) on `ellipsoid`.
REDLINE_EXPORT double geodesic_ring_area(const double* lon, const double* lat, std::size_t n,
                                         const Ellipsoid& ellipsoid);

/// Returns the land-survey trapezoid area in m² of one ring given as separate longitude and
/// latitude arrays in degrees (n points, closing point optional) on `ellipsoid`.
REDLINE_EXPORT double survey_ring_area(const double* lon, const double* lat, std::size_t n,
                                       const Ellipsoid& ellipsoid);

}  // namespace redline
