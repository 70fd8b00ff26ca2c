#pragma once
// redline::Crs: a coordinate reference system, as PROJ understands it.
//
// A Crs is a value: it holds the CRS's WKT2 text and the facts redline needs (geographic or
// projected, the EPSG code when PROJ can identify one, the ellipsoid). It holds no PROJ object,
// so it can be copied freely and shared between threads; transformations are made from it
// when needed (redline/crs/transform.h).
//
// Layers delivered without a CRS (a shapefile without .prj) have an unknown Crs. redline never
// assumes one: guess_crs() suggests the likely CRS from the coordinates, and the user confirms
// it with an explicit CRS (the CLI's --assume-crs).
//
// Example usage:
//   redline::Crs gk39 = redline::Crs::from_user_input("EPSG:4527");
//   gk39.is_projected();        // true
//   gk39.ellipsoid().semi_major;  // 6378137

#include <optional>
#include <string>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// An ellipsoid: semi-major axis in metres and inverse flattening.
struct Ellipsoid {
  double semi_major = 0.0;
  double inverse_flattening = 0.0;
  std::string name;
};

class REDLINE_EXPORT Crs {
 public:
  /// An unknown CRS.
  Crs() = default;

  /// Parses anything PROJ accepts: "EPSG:4527", WKT1/WKT2, a PROJ string, an OGC URN.
  /// Throws UsageError naming the text when PROJ cannot make a CRS of it.
  static Crs from_user_input(const std::string& text);

  bool is_known() const noexcept { return !wkt_.empty(); }
  bool is_geographic() const noexcept { return geographic_; }
  bool is_projected() const noexcept { return projected_; }
  /// Returns the WKT2:2019 text ("" when unknown).
  const std::string& wkt() const noexcept { return wkt_; }
  /// Returns the CRS's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39".
  const std::string& name() const noexcept { return name_; }
  /// Returns the EPSG code when PROJ identifies the CRS with one with confidence.
  std::optional<int> epsg() const noexcept { return epsg_; }
  /// Returns a short label: "EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)", the name
  /// alone without a code, or "unknown".
  std::string label() const;
  /// Returns the ellipsoid of the CRS's datum. REQUIRES: is_known().
  const Ellipsoid& ellipsoid() const noexcept { return ellipsoid_; }

  /// Returns true when both describe the same CRS (PROJ equivalence, ignoring axis order and
  /// metadata). Two unknown CRSs are equivalent.
  bool equivalent_to(const Crs& other) const;

 private:
  std::string wkt_;
  std::string name_;
  std::optional<int> epsg_;
  bool geographic_ = false;
  bool projected_ = false;
  Ellipsoid ellipsoid_;
};

/// What the coordinates of a layer without CRS suggest.
struct CrsGuess {
  std::string suggestion;   ///< e.g. "EPSG:4527"; empty when nothing can be said
  std::string explanation;  ///< one sentence saying why, for the user
};

/// Returns the likely CGCS2000 CRS for coordinates within `extent` (domain.md): an 8-digit
/// easting is a Gauss-Krüger zone with its number as prefix (EPSG:4513–4533 for 3-degree zones
/// 25–45, EPSG:4491–4501 for 6-degree zones 13–23); a 6-digit easting is a zone without prefix
/// (the zone cannot be known); |x| ≤ 180 and |y| ≤ 90 are degrees (EPSG:4490).
REDLINE_EXPORT CrsGuess guess_crs(const Envelope& extent);

}  // namespace redline
