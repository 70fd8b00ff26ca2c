#include "redline/overlay/engine_options.h"

#include <cmath>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/geom/ops.h"

namespace redline {

Crs working_crs(const EngineOptions& options, const Crs& first_layer_crs) {
  return options.crs ? *options.crs : first_layer_crs;
}

double working_grid(const EngineOptions& options, const Crs& crs) {
  if (!options.grid_size) return default_grid_size(crs);
  const double g = *options.grid_size;
  if (!std::isfinite(g) || g < 0) {
    throw UsageError(fmt::format("the precision grid must be 0 (floating precision) or a positive size, not {}", g));
  }
  return g;
}

}  // namespace redline
