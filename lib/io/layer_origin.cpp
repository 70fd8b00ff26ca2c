#include "redline/io/layer_origin.h"

namespace redline {

LayerOrigin origin_of(const Layer& layer) { return LayerOrigin{layer.source, layer.name, layer.report, layer.geometry}; }

}  // namespace redline
