#include "drift/drift_options.h"

#include <fmt/format.h>

#include "redline/overlay/engine_options.h"
#include "redline/overlay/sliver.h"

namespace redline::detail {

// Every comparison is written so that NaN fails it: NaN compares false with everything.
void validate_drift_options(const DriftOptions& o) {
  if (!(o.sliver_width > 0)) {
    throw UsageError(fmt::format("sliver width must be a positive number of metres, not {}", o.sliver_width));
  }
  validate_sliver_width(o.sliver_width, "sliver width");
  if (!(o.sliver_area >= 0 && o.sliver_area <= kMaxDriftSliverArea)) {
    throw UsageError(fmt::format("sliver area must be 0 or a number of m² up to {:g}, not {}",
                                 kMaxDriftSliverArea, o.sliver_area));
  }
  validate_sliver_width(o.fast_shift, "fast shift");
  if (!(o.grid_size >= 0 && o.grid_size <= kMaxGridMetres)) {
    throw UsageError(fmt::format("grid size must be 0 or a number of metres up to {:g}, not {}",
                                 kMaxGridMetres, o.grid_size));
  }
}

}  // namespace redline::detail
