// guess_crs(): the likely CGCS2000 CRS of coordinates delivered without one (domain.md).
#include <cmath>

#include <fmt/format.h>

#include "redline/crs/crs.h"

namespace redline {

CrsGuess guess_crs(const Envelope& e) {
  CrsGuess guess;
  if (e.is_null) return guess;
  const double x_lo = e.min_x, x_hi = e.max_x;
  const bool northing_like = e.min_y > 1.0e6 && e.max_y < 6.0e6;  // China: ~1.8e6 … 5.9e6 m
  if (std::fabs(x_lo) <= 180 && std::fabs(x_hi) <= 180 && std::fabs(e.min_y) <= 90 &&
      std::fabs(e.max_y) <= 90) {
    guess.suggestion = "EPSG:4490";
    guess.explanation = "the coordinates lie within ±180/±90, so they look like degrees "
                        "(CGCS2000 geographic is EPSG:4490)";
    return guess;
  }
  // A damaged header can give any extent, inverted or not finite (then every test is false).
  if (x_lo >= 1.0e7 && x_lo <= x_hi && x_hi < 1.0e8 && northing_like) {
    // Converted only inside the range: a huge or non-finite easting would overflow an int.
    const int zone_lo = static_cast<int>(std::floor(x_lo / 1.0e6));
    const int zone_hi = static_cast<int>(std::floor(x_hi / 1.0e6));
    if (zone_lo == zone_hi && zone_lo >= 25 && zone_lo <= 45) {
      guess.suggestion = fmt::format("EPSG:{}", 4513 + zone_lo - 25);
      guess.explanation = fmt::format(
          "the eastings have 8 digits with zone prefix {}: CGCS2000 3-degree Gauss-Kruger zone {} "
          "(central meridian {}°E)",
          zone_lo, zone_lo, 3 * zone_lo);
    } else if (zone_lo == zone_hi && zone_lo >= 13 && zone_lo <= 23) {
      guess.suggestion = fmt::format("EPSG:{}", 4491 + zone_lo - 13);
      guess.explanation = fmt::format(
          "the eastings have 8 digits with zone prefix {}: CGCS2000 6-degree Gauss-Kruger zone {} "
          "(central meridian {}°E)",
          zone_lo, zone_lo, 6 * zone_lo - 3);
    } else {
      guess.explanation = "the eastings have 8 digits but no single CGCS2000 zone prefix";
    }
    return guess;
  }
  if (x_lo > 1.0e5 && x_lo <= x_hi && x_hi < 1.0e6 && northing_like) {
    guess.explanation =
        "the eastings have 6 digits: a CGCS2000 Gauss-Kruger CRS without zone prefix "
        "(EPSG:4534–4554 for 3-degree zones by central meridian, EPSG:4502–4512 for 6-degree "
        "zones); the zone cannot be told from the coordinates";
    return guess;
  }
  guess.explanation = "the coordinates match no CGCS2000 pattern redline knows";
  return guess;
}

}  // namespace redline
