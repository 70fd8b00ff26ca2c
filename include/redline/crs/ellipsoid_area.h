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

/// The geodesic polygon area on one ellipsoid: each edge is a geodesic. What PostGIS
/// ST_Area(geography) and GeographicLib's Planimeter compute (Karney's algorithm), several times
/// faster on rings of short edges, and as accurate:
///  - Each edge adds the area between it and the equator (Karney's S12). Latitude -> authalic
///    latitude maps the ellipsoid onto a sphere of the same area, edge by edge; an edge of
///    length L whose bound C L^5 / cos^2(xi) (C = 5e-25 m^-3, xi the authalic latitude of its
///    end nearer the pole; measured worst 1.87e-25) is at most 1e-6 m² / n (n edges) takes the
///    great circle's area to the equator on that sphere plus a closed-form lens between the
///    geodesic's image and that great circle. Any other edge (long, or beyond 80 degrees of
///    latitude) takes Karney's S12 from PROJ's geod_geninverse. Rings round a pole take
///    Karney's polygon (PROJ's geod_polygon*) whole.
///  - So a ring's area is within 1e-6 m² of the exact geodesic area, plus double rounding
///    (relative ~1e-15 of the edges' areas down to the equator, summed exactly). Karney's own
///    double rounding is larger: ~3e-5 m² per edge (against a 40-digit evaluation,
///    tests/oracles/authalic_area_exact.py: up to 1.9e-4 m² on the parcels of a 100 000-parcel
///    county, where this figure is within 4e-8 m²), so this figure and karney() differ by that,
///    50x below the 0.01 m² of official tables; on 1-degree squares, counties and provinces
///    by ~1e-13 relative.
/// Immutable after construction: one object may serve any number of threads at once; the
/// figure depends only on the ring, never on threads or call order.
class REDLINE_EXPORT GeodesicRingArea {
 public:
  /// The truncation budget of one ring, m²: the fast edges' bounds add up to at most this.
  static constexpr double kTruncationTolerance = 1e-6;

  explicit GeodesicRingArea(const Ellipsoid& ellipsoid);
  ~GeodesicRingArea();
  GeodesicRingArea(GeodesicRingArea&&) noexcept;
  GeodesicRingArea& operator=(GeodesicRingArea&&) noexcept;

  /// Returns the area in m² of the ring of `n` points of `xy` (see the top of this file).
  double operator()(const double* xy, std::size_t n, std::size_t stride) const;

  /// The same area by Karney's algorithm on every edge (PROJ's geod_polygon*, one geodesic
  /// inverse problem per edge): the reference operator() is bounded against, 5-10x slower.
  double karney(const double* xy, std::size_t n, std::size_t stride) const;

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
