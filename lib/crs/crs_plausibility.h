#pragma once
// Private: is a CRS plausible for a set of coordinates?
//
// A wrong CRS rarely makes PROJ fail: metres read as degrees give NaN or absurd areas, a
// Gauss-Krüger zone one off gives a shifted map and areas a little wrong, and nothing says so.
// These tests catch the wrong CRSs that the coordinates themselves contradict:
//  - a geographic CRS over coordinates beyond ±180°/±90° (they are metres);
//  - a Gauss-Krüger CRS with a zone prefix in its false easting (n·10⁶ + 500 000 m, EPSG:4513–4533
//    and 4491–4501) over eastings with another prefix, or with none;
//  - coordinates that lie far outside the CRS's area of use (PROJ's, widened by
//    kAreaOfUseMarginDegrees), or that cannot be taken to longitude/latitude at all.
#include <optional>
#include <string>

#include "redline/crs/crs.h"

namespace redline::detail {

/// How far (degrees, on every side) coordinates may lie outside a CRS's area of use before the
/// CRS is taken as contradicted: a zone's neighbours and coastal waters are common, another
/// province is not.
constexpr double kAreaOfUseMarginDegrees = 5.0;

/// What contradicts a CRS.
struct CrsContradiction {
  std::string reason;      ///< one sentence: what the coordinates show, and the likely CRS
  bool overridable = true; ///< false when no CRS could make the coordinates meaningful
};

/// Returns why `crs` cannot be the CRS of coordinates spanning `extent` (both in the CRS's axis
/// order as GDAL reads them: easting/longitude first), or nullopt when nothing contradicts it.
/// Unknown CRSs and null extents are never contradicted. `extent` must be finite.
std::optional<CrsContradiction> find_crs_contradiction(const Crs& crs, const Envelope& extent);

}  // namespace redline::detail
