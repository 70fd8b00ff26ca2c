#pragma once
// Spatial predicates: DE-9IM relate patterns, and geometries prepared for many tests.
//
// Every function here throws InternalError when GEOS fails. Null geometries are not allowed.
//
// Example usage:
//   redline::PreparedGeometry red_line(redline_polygon);
//   for (const auto& parcel : parcels) if (red_line.covers(parcel)) ++inside;
//   bool overlap = redline::relate_matches(a, b, "2********");  // interiors share an area
#include <string_view>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Returns true when the DE-9IM matrix of (a, b) matches `pattern` (9 characters of
/// T F * 0 1 2, e.g. "2********": the interiors meet in an area). REQUIRES: neither is null.
REDLINE_EXPORT bool relate_matches(GeometryView a, GeometryView b, std::string_view pattern);

/// A geometry prepared for many predicate tests against it (GEOS PreparedGeometry). Keeps a
/// reference to the geometry: REQUIRES the geometry outlives the PreparedGeometry. Tests may
/// run on several threads at once.
class REDLINE_EXPORT PreparedGeometry {
 public:
  explicit PreparedGeometry(GeometryView geometry);
  ~PreparedGeometry();
  PreparedGeometry(PreparedGeometry&&) noexcept;
  PreparedGeometry& operator=(PreparedGeometry&&) noexcept;
  PreparedGeometry(const PreparedGeometry&) = delete;
  PreparedGeometry& operator=(const PreparedGeometry&) = delete;

  /// Returns true when `other` lies wholly inside (boundary contact allowed).
  bool covers(GeometryView other) const;
  /// Returns true when the interiors or boundaries meet.
  bool intersects(GeometryView other) const;
  /// Returns true when `other` lies in the interior, touching no boundary.
  bool contains_properly(GeometryView other) const;

 private:
  const void* prepared_ = nullptr;  // a GEOS prepared geometry, known only to lib/geom
};

}  // namespace redline
