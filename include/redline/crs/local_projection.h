#pragma once
// A transverse Mercator projection centred on the data, for layers in degrees.
//
// Widths and slivers need metres; a geographic layer (e.g. EPSG:4490) is therefore worked in a
// transverse Mercator projection on its own ellipsoid whose central meridian runs through the
// middle of the data. Scale error stays below 1e-4 within 1.5° of that meridian, and areas
// measured on the ellipsoid (redline/measure/area.h) are what they were in degrees.
//
// Example usage:
//   redline::Crs working = redline::local_transverse_mercator(layer.crs, extent);
//   // "+proj=tmerc +lat_0=0 +lon_0=115.550 +k=1 +x_0=500000 +y_0=0 +a=6378137.0000 ..."
#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Returns the CRS "+proj=tmerc +lat_0=0 +lon_0=L +k=1 +x_0=500000 +y_0=0" on the ellipsoid of
/// `geographic` (a sphere when its inverse flattening is 0), in metres, where L is the middle
/// longitude of `extent` (degrees) rounded to 0.001° (0 for a null extent). REQUIRES:
/// geographic.is_known(). Throws UsageError when PROJ refuses the definition (it never should).
REDLINE_EXPORT Crs local_transverse_mercator(const Crs& geographic, const Envelope& extent);

}  // namespace redline
