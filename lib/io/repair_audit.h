#pragma once
// Private: did repairing a polygon destroy area? GEOS MakeValid keeps what a valid ring encloses,
// but a ring that is degenerate as drawn (collapsed, or folded on itself) can come out empty or
// much smaller; read_layer() reports such repairs loudly and refuses them under RepairStrict.
#include <optional>
#include <string>

#include "redline/crs/crs.h"
#include "redline/geom/geometry.h"

namespace redline::detail {

/// A repair's effect on one feature, in squared CRS units (shoelace areas).
struct RepairAudit {
  double area_before = 0, area_after = 0;
  bool collapsed = false;         ///< the repair left nothing of a non-empty polygon
  bool beyond_tolerance = false;  ///< collapsed, or |after − before| > tolerance × before
};

/// Compares `original` (as drawn) with `repaired`. REQUIRES: 0 ≤ tolerance < ∞.
RepairAudit audit_repair(const Geometry& original, const Geometry& repaired, double tolerance);

/// Returns the words for a repair beyond tolerance: "repair emptied the polygon (area as drawn
/// 12.5 m² → 0 m²)" or "repair changed the area from 100 m² to 50 m² (-50.0 %, more than the
/// 1 % tolerance)", with the units of `crs`.
std::string describe_repair(double area_before, double area_after, double tolerance,
                            const Crs& crs);

}  // namespace redline::detail
