#include "redline/overlay/engine_options.h"

#include <cmath>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/geom/ops.h"

namespace redline {

Crs working_crs(const EngineOptions& options, const Crs& first_layer_crs) {
  return options.crs ? *options.crs : first_layer_crs;
}

void validate_engine_options(const EngineOptions& options, const Crs& crs) {
  if (options.grid_size) {
    const double g = *options.grid_size;
    const bool degrees = crs.is_geographic();
    const double max = degrees ? kMaxGridDegrees : kMaxGridMetres;
    // Written so that NaN fails: it compares false with everything.
    if (!(g >= 0 && g <= max)) {
      throw UsageError(fmt::format(
          "the precision grid must be 0 (floating precision) or a size up to {:g} {}, not {}", max,
          degrees ? "degrees" : "metres", g));
    }
  }
  if (options.max_piece_vertices < kMinPieceVertices) {
    throw UsageError(fmt::format("pieces must be allowed at least {} vertices, not {}",
                                 kMinPieceVertices, options.max_piece_vertices));
  }
}

double working_grid(const EngineOptions& options, const Crs& crs) {
  validate_engine_options(options, crs);
  if (!options.grid_size) return crs.is_geographic() ? kDefaultGridSizeGeographic : kDefaultGridSizeProjected;
  return *options.grid_size;
}

}  // namespace redline
