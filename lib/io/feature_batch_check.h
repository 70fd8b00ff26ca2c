#pragma once
// Private: the geometry work of reading on one batch of features, after GDAL: each geometry made
// 2D and polygonal (or linear), its coordinates checked, the spatial prefilter applied
// (ReadOptions::keep_envelope), then validated and repaired; and the batch's share of the
// ReadReport tallied in FID order, with the refusals the InvalidPolicy asks for. The steps on
// features run on ReadOptions::threads workers; the answer does not depend on their count.
#include <cstddef>
#include <vector>

#include "io/coordinate_check.h"
#include "io/geometry_normalisation.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/io/layer_stream.h"

namespace redline::detail {

/// Features as GDAL handed them over, in reading order.
struct RawBatch {
  std::size_t index = 0;
  std::vector<RawFeature> features;
};

/// A batch after step 1 (normalise()).
struct NormalisedBatch {
  std::size_t index = 0;
  std::vector<RawFeature> raws;
  std::vector<NormalisedGeometry> geometries;  ///< one per raw feature
  std::vector<char> filtered;                  ///< 1: left out by the prefilter
};

/// A batch ready to hand over, and what it adds to the layer's report.
struct CheckedBatch {
  FeatureBatch batch;
  ReadReport report;               ///< this batch's counts and issues (no notes, no encoding)
  std::vector<Error> loud_repairs; ///< repairs beyond the tolerance, degenerate lines kept
};

class FeatureBatchChecker {
 public:
  /// `layer` gives the CRS, the geometry kind and the location (its features are not used);
  /// `options` and `layer` must outlive the checker.
  FeatureBatchChecker(const Layer& layer, const ReadOptions& options);

  /// Step 1 on every feature: its geometry from WKB (freed as it goes), coordinates checked
  /// finite, the polygonal (or linear) part kept, the prefilter applied to its envelope (read
  /// from the WKB bytes when they can be, without building the geometry). Throws InputError
  /// naming the lowest feature concerned.
  NormalisedBatch normalise(RawBatch raw) const;

  /// The envelopes of the batch's measurable features, in order, into `check`.
  static void add_extents(const NormalisedBatch& batch, LayerExtentCheck& check);

  /// Step 2 and the tally: validity and repair under the InvalidPolicy, then the features and
  /// the report's share in FID order. Throws InputError naming the feature for what the policy
  /// refuses (the first in FID order) and for rings round a pole or across the antimeridian.
  CheckedBatch validate(NormalisedBatch batch) const;

 private:
  const Layer& layer_;
  const ReadOptions& options_;
};

/// Adds `part`'s counts and issues to `into` (a layer's report, batch after batch).
void add_batch_report(ReadReport& into, ReadReport&& part);

}  // namespace redline::detail
