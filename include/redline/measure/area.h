#pragma once
// Polygon areas in square metres, by one of three methods.
//
// What is computed (an area) and how (the method) are separate choices, as in Boost.Geometry:
//  - Ellipsoidal (DEFAULT): the geodesic polygon area on the ellipsoid of the layer's CRS: each
//    edge is a geodesic. This is what PostGIS ST_Area(geography), GeographicLib's Planimeter
//    and ArcGIS AREA_GEODESIC compute (Karney's algorithm). Computed by GeodesicRingArea
//    (redline/crs/ellipsoid_area.h): short edges on the authalic sphere with a closed-form
//    correction, bounded so that each ring is within 1e-6 m² of the exact geodesic area (plus
//    double rounding, ~1e-15 relative of the edges' areas down to the equator); long edges and
//    rings round a pole by Karney's algorithm (PROJ). Karney's own double rounding, ~3e-5 m² per
//    edge, makes PostGIS's and Planimeter's parcel areas differ from this by up to ~2e-4 m²
//    (measured on a 100 000-parcel county: total 2e-13 relative), 50x below the 0.01 m² of
//    official tables.
//  - Survey: the land-survey 椭球面积 of 国土调查办发〔2008〕32号 (used by the third national land
//    survey): every vertex is taken back to latitude/longitude (B, L), each ring edge adds the
//    ellipsoidal trapezoid between it and a meridian, from the series in the *first*
//    eccentricity squared (domain.md). Edges are straight in (B, L) rather than geodesics, so
//    it differs from Ellipsoidal by about 2e-7 relative on parcels with 100 m edges, more on
//    long edges.
//  - Planar: the shoelace area in the layer's projected CRS. In Gauss-Krüger it is too large by
//    the scale factor squared (5e-6 near the central meridian, up to 5e-4 at 140 km): official
//    figures are never planar. Refused for a geographic CRS.
// Holes are subtracted; the parts of a MultiPolygon are added. Each ring counts by its absolute
// area, so ring orientation does not matter.
//
// Example usage:
//   redline::AreaCalculator calc(layer.crs, redline::AreaMethod::Ellipsoidal);
//   double m2 = calc.area(layer.features[0].geometry);

#include <memory>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/crs/ellipsoid_area.h"  // the ring areas the methods stand on
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

enum class AreaMethod { Ellipsoidal, Survey, Planar };

/// DEFAULT area method of every tool and job: the geodesic area.
constexpr AreaMethod kDefaultAreaMethod = AreaMethod::Ellipsoidal;

/// Parses "ellipsoidal" (also "geodesic"), "survey" (also "椭球面积") or "planar", ignoring
/// ASCII case. Throws UsageError "unknown area method 'x' (expected ellipsoidal, survey or
/// planar)" otherwise.
REDLINE_EXPORT AreaMethod parse_area_method(const std::string& text);
/// Returns "ellipsoidal", "survey" or "planar".
REDLINE_EXPORT std::string method_name(AreaMethod method);
/// Returns the method names in the order above, for help texts and messages.
REDLINE_EXPORT std::vector<std::string> area_method_names();

/// Measures areas of geometries in one CRS by one method. Holds a PROJ transformation (with its
/// own PROJ context), so it serves one thread at a time: make one per thread that measures
/// concurrently (construction is cheap); it may be made and destroyed on any thread.
class REDLINE_EXPORT AreaCalculator {
 public:
  /// REQUIRES: crs.is_known(). Throws UsageError for Planar with a geographic CRS.
  AreaCalculator(const Crs& crs, AreaMethod method);
  ~AreaCalculator();
  AreaCalculator(AreaCalculator&&) noexcept;
  AreaCalculator& operator=(AreaCalculator&&) noexcept;

  /// Returns the area of `geometry` in m² (0 for null, empty or non-polygonal geometry).
  /// Throws InputError when a vertex cannot be taken to latitude/longitude.
  double area(GeometryView geometry) const;

  AreaMethod method() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
