#include "drift/noise_judge.h"

#include "redline/overlay/sliver.h"

namespace redline::detail {

bool NoiseJudge::is_noise(GeometryView polygon, double m2) const {
  return m2 < min_area || is_sliver(polygon, width);
}

}  // namespace redline::detail
