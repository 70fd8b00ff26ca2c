#pragma once
// Private: how much repairing a layer's invalid polygons changed its area, for the read notes
// every overlay report prints (as `redline area` does).
#include <vector>

#include "redline/io/layer.h"
#include "redline/measure/area.h"

namespace redline::detail {

/// Returns the sum over repaired features of (area after repair − area of the original as
/// drawn), in m², measured in the layer's own CRS by `method` (ellipsoidal when `method` is
/// planar and the CRS geographic). 0 when nothing was repaired.
double repair_delta_m2(const Layer& layer, AreaMethod method);
/// As above, over `features` (a batch read from `layer`, whose CRS they are in and which names
/// them in errors), added to `so_far` in their order: batch after batch, the same sum as the
/// whole layer's.
double repair_delta_m2(const Layer& layer, const std::vector<Feature>& features, AreaMethod method,
                       double so_far = 0.0);

}  // namespace redline::detail
