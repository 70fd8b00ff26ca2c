#include "io/repair_audit.h"

#include <cmath>

#include <fmt/format.h>

namespace redline::detail {

RepairAudit audit_repair(const Geometry& original, const Geometry& repaired, double tolerance) {
  RepairAudit audit;
  // GEOS measures an invalid polygon by its rings' shoelace sums: the area the feature claims
  // as drawn (a bow tie's lobes cancel, which the repair then reveals).
  audit.area_before = std::fabs(original.planar_area());
  audit.area_after = repaired.is_null() ? 0.0 : std::fabs(repaired.planar_area());
  audit.collapsed = !original.is_empty() && (repaired.is_empty() || audit.area_after == 0.0);
  const double change = std::fabs(audit.area_after - audit.area_before);
  audit.beyond_tolerance =
      audit.collapsed || (audit.area_before > 0 ? change > tolerance * audit.area_before
                                                : audit.area_after > 0);
  return audit;
}

std::string describe_repair(double before, double after, double tolerance, const Crs& crs) {
  const char* unit = crs.is_geographic() ? " square degrees" : " m²";
  // Six significant digits show a change of 1e-5 on any parcel; ":g" keeps tiny and huge areas
  // readable in degrees as in metres.
  if (after == 0.0) {
    return fmt::format("repair left nothing of the polygon (area as drawn {:.6g}{}): the feature "
                       "now measures 0",
                       before, unit);
  }
  const std::string share =
      before > 0 ? fmt::format("{:+.1f} %", 100.0 * (after - before) / before) : "from nothing";
  return fmt::format("repair changed the area from {:.6g}{} to {:.6g}{} ({}, beyond the {:g} % "
                     "tolerance)",
                     before, unit, after, unit, share, 100.0 * tolerance);
}

}  // namespace redline::detail
