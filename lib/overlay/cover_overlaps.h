#pragma once
// Private: which features of a layer overlap each other. The engine adds up the overlaps of a
// target with features that overlap nothing, and unions only the others, so that an
// overlapping cover counts once without paying for a union everywhere.
#include <cstddef>
#include <vector>

#include "overlay/piece_set.h"
#include "redline/progress.h"

namespace redline::detail {

struct FeatureOverlaps {
  std::vector<char> overlapping;  ///< per feature: 1 when its interior meets another's
  std::size_t features = 0;       ///< features with overlapping == 1
  std::size_t groups = 0;         ///< sets of features connected by overlaps (each ≥ 2 features)
};

/// Finds the features of `set` whose interiors intersect another's (sharing an edge or a vertex
/// is not overlapping), and the groups they form: interiors_may_overlap() clears most pairs,
/// GEOS's relate decides the rest. A pair already known to lie in one group is not tested, so
/// n features that all overlap each other cost about n tests, not n²/2 (pairs are therefore not
/// counted). Pieces of the same feature never overlap and are not compared. With `group` (one
/// entry per feature), only features of the same group are compared; with `relevant` (one
/// entry per feature), only features marked 1. The result does not depend on `threads`.
FeatureOverlaps find_feature_overlaps(const PieceSet& set, unsigned threads, const ProgressFn& progress,
                                      const std::vector<std::size_t>& group = {},
                                      const std::vector<char>& relevant = {});

}  // namespace redline::detail
