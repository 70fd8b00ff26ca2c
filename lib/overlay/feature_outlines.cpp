#include "overlay/feature_outlines.h"

#include "util/parallel.h"

namespace redline::detail {

FeatureOutlines::FeatureOutlines(const PieceSet& set, unsigned threads) : outlines_(set.feature_count()) {
  std::vector<std::size_t> cut;
  for (std::size_t f = 0; f < set.feature_count(); ++f) {
    const auto [first, last] = set.pieces_of(f);
    if (last - first > 1) cut.push_back(f);
  }
  parallel_for(
      cut.size(), threads,
      [&](std::size_t i) {
        auto outline = std::make_unique<SegmentPolygon>(set.feature_geometry(cut[i]));
        outline->build_index();
        outlines_[cut[i]] = std::move(outline);
      },
      1);
}

FeatureOutlines::~FeatureOutlines() = default;

}  // namespace redline::detail
