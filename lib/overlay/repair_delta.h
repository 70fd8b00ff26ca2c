#pragma once
// Private: how much repairing a layer's invalid polygons changed its area, for the read notes
// every overlay report prints (as `redline area` does).
#include "redline/io/layer.h"
#include "redline/measure/area.h"

namespace redline::detail {

/// Returns the sum over repaired features of (area after repair − area of the original as
/// drawn), in m², measured in the layer's own CRS by `method` (ellipsoidal when `method` is
/// planar and the CRS geographic). 0 when nothing was repaired.
double repair_delta_m2(const Layer& layer, AreaMethod method);

}  // namespace redline::detail
