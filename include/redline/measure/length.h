#pragma once
// Line lengths in metres, by one of two methods.
//  - Ellipsoidal (DEFAULT): each segment between consecutive vertices is taken to
//    longitude/latitude on the ellipsoid of the layer's CRS and measured as a geodesic
//    (crs/geodesic_length.h): what PostGIS ST_Length(geography) computes.
//  - Planar: the Euclidean length in the layer's projected CRS. In Gauss-Krüger it is too long
//    by the scale factor (2.5e-6 near the central meridian, up to 2.5e-4 at 140 km). Refused for
//    a geographic CRS, as planar areas are.
// The parts of a MultiLineString are added. Polygons are not lines: their rings count 0 (a
// polygon's perimeter is not a length redline reports).
//
// Example usage:
//   redline::LengthCalculator calc(layer.crs, redline::LengthMethod::Ellipsoidal);
//   double m = calc.length(layer.features[0].geometry);

#include <optional>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/crs/geodesic_length.h"
#include "redline/crs/transform.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

enum class LengthMethod { Ellipsoidal, Planar };

/// DEFAULT length method of every tool and check: the geodesic length.
constexpr LengthMethod kDefaultLengthMethod = LengthMethod::Ellipsoidal;

/// Parses "ellipsoidal" (also "geodesic") or "planar", ignoring ASCII case. Throws UsageError
/// "unknown length method 'x' (expected ellipsoidal or planar)" otherwise.
REDLINE_EXPORT LengthMethod parse_length_method(const std::string& text);
/// Returns "ellipsoidal" or "planar".
REDLINE_EXPORT std::string method_name(LengthMethod method);
/// Returns the method names in the order above, for help texts and messages.
REDLINE_EXPORT std::vector<std::string> length_method_names();

/// Measures lengths of lines in one CRS by one method. Holds a PROJ transformation (with its own
/// PROJ context), so it serves one thread at a time: make one per thread that measures
/// concurrently (construction is cheap); it may be made and destroyed on any thread.
class REDLINE_EXPORT LengthCalculator {
 public:
  /// REQUIRES: crs.is_known(). Throws UsageError for an unknown CRS, and for Planar with a
  /// geographic CRS.
  LengthCalculator(const Crs& crs, LengthMethod method);

  /// Returns the length of the lines of `geometry` in m (0 for null, empty, polygons, points).
  /// Throws InputError when a vertex cannot be taken to latitude/longitude.
  double length(GeometryView geometry) const;

  LengthMethod method() const noexcept { return method_; }

 private:
  LengthMethod method_;
  GeodesicPathLength geodesic_;
  std::optional<CoordinateTransform> to_lonlat_;  // not for Planar
};

}  // namespace redline
