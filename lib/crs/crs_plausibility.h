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

/// The contradictions of find_crs_contradiction() that every extent holding the one checked
/// shows too: a geographic CRS over coordinates beyond ±180°/±90° (not overridable), eastings
/// outside a zone prefix's range or 8-digit eastings under a CRS without prefix (overridable).
/// A stream of features checks the extent seen so far with it, cheaply (the CRS's parameters
/// are looked up once): when it finds one, find_crs_contradiction() of the whole layer's extent
/// finds a contradiction too, at least as strong. The area-of-use test is not here: an extent
/// outside the area of use can grow into one whose sampled corners are inside.
class GrowingExtentCheck {
 public:
  explicit GrowingExtentCheck(const Crs& crs);
  /// Returns nullopt, or whether the contradiction found in `extent` is overridable.
  std::optional<bool> contradiction(const Envelope& extent) const;

 private:
  bool geographic_ = false;
  std::optional<double> false_easting_;
};

}  // namespace redline::detail
