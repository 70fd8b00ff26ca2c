#pragma once
// Polygon validity as GEOS defines it (OGC simple features): rings closed and simple, holes
// inside their shell, no two rings crossing, interiors connected. Areas of invalid polygons are
// meaningless (a self-intersecting "bow tie" has a shoelace area near zero), so redline finds
// them when it reads a layer and repairs, skips or refuses them (redline/io/layer.h).
#include <optional>
#include <string>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Why and where a geometry is invalid.
struct ValidityProblem {
  std::string reason;  ///< GEOS's words, e.g. "Self-intersection", "Ring Self-intersection"
  double x = 0, y = 0; ///< a location of the problem, in the geometry's CRS
};

/// Returns the problem when `geometry` is invalid, nullopt when it is valid (or null/empty).
REDLINE_EXPORT std::optional<ValidityProblem> find_invalidity(GeometryView geometry);

/// Returns true when `geometry` is valid (null and empty geometries are valid).
REDLINE_EXPORT bool is_valid(GeometryView geometry);

/// Returns a valid polygonal version of `geometry` (GEOS MakeValid, structure method, collapsed
/// parts dropped). The result is a Polygon or MultiPolygon, possibly empty. Throws InternalError
/// if GEOS fails.
REDLINE_EXPORT Geometry make_valid_polygonal(GeometryView geometry);

/// Returns the polygonal part of any geometry: itself for a (Multi)Polygon, the polygons of a
/// collection gathered into a MultiPolygon, an empty MultiPolygon when there are none.
REDLINE_EXPORT Geometry polygonal_part(Geometry geometry);

}  // namespace redline
