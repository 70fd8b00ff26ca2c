#pragma once
// Private: read_layer() on a layer already opened, shared with inspect_source().
#include <string>

#include "io/layer_open.h"
#include "redline/io/layer.h"

namespace redline::detail {

/// Reads the opened layer as read_layer() does. With require_crs false, a layer without CRS is
/// read with an unknown Crs instead of being refused (inspect_source() reports it).
Layer read_opened_layer(OpenedLayer& opened, const std::string& path, const ReadOptions& options,
                        bool require_crs);

}  // namespace redline::detail
