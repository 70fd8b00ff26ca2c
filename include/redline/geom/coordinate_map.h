#pragma once
// Mapping every coordinate of a geometry through a function: reprojection (redline/crs) and
// local planar frames use it; the structure of the geometry is kept.
//
// Example usage:
//   redline::Geometry shifted = redline::map_coordinates(g, [](double& x, double& y) {
//     x += 500000;
//     return true;
//   });
#include <functional>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Returns a copy of `geometry` with every vertex (x, y) replaced by what `map` makes of it.
/// `map` returns false to refuse a vertex; then map_coordinates returns a null Geometry
/// (the caller knows why and says so). Null stays null. Throws InternalError when GEOS fails
/// for another reason.
REDLINE_EXPORT Geometry map_coordinates(GeometryView geometry, const std::function<bool(double& x, double& y)>& map);

}  // namespace redline
