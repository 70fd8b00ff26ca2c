#pragma once
// Private: the whole outline of every feature the engine cut into pieces, as indexed segments
// that all workers share.
//
// Cut lines are the engine's, not the data's. A parcel across one, deep inside a red-line
// polygon, lies inside the whole polygon: the segment test on the whole outline says so at the
// cost of the parcel's few bands of its index, where the pieces would need an overlay on the
// grid for each side of the cut (and would move the parcel's area by the cut's rounding).
#include <cstddef>
#include <memory>
#include <vector>

#include "overlay/interiors_overlap.h"
#include "overlay/piece_set.h"

namespace redline::detail {

class FeatureOutlines {
 public:
  /// Extracts and indexes the segments of every feature of `set` that was cut into more than
  /// one piece, on `threads` threads. Memory: about 50 bytes a vertex of those features.
  explicit FeatureOutlines(const PieceSet& set, unsigned threads);
  ~FeatureOutlines();
  FeatureOutlines(const FeatureOutlines&) = delete;
  FeatureOutlines& operator=(const FeatureOutlines&) = delete;

  /// The outline of feature `f`, indexed and read-only (threads may share it as the cover of
  /// classify_pair()); nullptr when the feature is one piece, which is its own outline.
  const SegmentPolygon* of(std::size_t f) const { return outlines_[f].get(); }

 private:
  std::vector<std::unique_ptr<SegmentPolygon>> outlines_;
};

}  // namespace redline::detail
