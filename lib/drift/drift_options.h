#pragma once
// Private: checking DriftOptions before any work (see redline/drift/drift.h).
#include "redline/drift/drift.h"

namespace redline::detail {

/// Throws UsageError for a sliver width that is not a positive number of metres (or too
/// large: redline/overlay/sliver.h), a sliver area outside 0..kMaxDriftSliverArea, a fast
/// shift outside the sliver-width range, or a grid outside 0..kMaxGridMetres. NaN is refused.
void validate_drift_options(const DriftOptions& options);

}  // namespace redline::detail
