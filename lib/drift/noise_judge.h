#pragma once
// Private: telling a piece of change from noise (see redline/drift/drift.h). A polygon is
// noise when its area is below the sliver area or no disk of the sliver width fits in it
// (redline/overlay/sliver.h).
#include <cstddef>

#include "redline/geom/geometry.h"
#include "redline/measure/area.h"

namespace redline::detail {

/// Per-thread (AreaCalculator is not shared between threads): measures pieces and judges them.
struct NoiseJudge {
  AreaCalculator calc;  ///< in the working CRS, by the run's method
  double width;         ///< sliver width, in working-CRS units (metres)
  double min_area;      ///< sliver area, m²

  /// Returns true when `polygon`, of area `m2` (m²), is noise.
  bool is_noise(GeometryView polygon, double m2) const;

  /// Calls fn(part, m2, noise) for every Polygon part of `geometry` with a positive area.
  /// Throws what AreaCalculator::area() and is_sliver() throw.
  template <typename Fn>
  void each_piece(GeometryView geometry, Fn&& fn) const {
    if (geometry.is_empty()) return;
    for (std::size_t i = 0; i < geometry.num_parts(); ++i) {
      const GeometryView part = geometry.part(i);
      if (part.type() != GeometryType::Polygon) continue;
      const double m2 = calc.area(part);
      if (m2 <= 0) continue;
      fn(part, m2, is_noise(part, m2));
    }
  }
};

}  // namespace redline::detail
