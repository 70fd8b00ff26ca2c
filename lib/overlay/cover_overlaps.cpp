#include "overlay/cover_overlaps.h"

#include <algorithm>
#include <utility>

#include "geom/geos_context.h"
#include "overlay/interiors_overlap.h"
#include "overlay/work_loop.h"

namespace redline::detail {

FeatureOverlaps find_feature_overlaps(const PieceSet& set, unsigned threads, const ProgressFn& progress,
                                      const std::vector<std::size_t>& group, const std::vector<char>& relevant) {
  FeatureOverlaps result;
  result.overlapping.assign(set.feature_count(), 0);
  if (set.feature_count() < 2) return result;
  const std::size_t n = set.size();
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> found(n);
  struct Scratch {
    SegmentPolygon a, b;  // reused: no allocation per pair
  };
  run_workers<Scratch>(
      n, threads, progress, "checking overlaps", [] { return Scratch{}; },
      [&](std::size_t i, Scratch& scratch) {
        const Piece& a = set[i];
        if (!relevant.empty() && !relevant[a.feature]) return;
        bool a_loaded = false;  // a's segments: extracted once for all of its neighbours
        for (std::size_t j : set.query(a.envelope)) {
          if (j <= i) continue;
          const Piece& b = set[j];
          if (b.feature == a.feature) continue;
          if (!group.empty() && group[a.feature] != group[b.feature]) continue;
          if (!relevant.empty() && !relevant[b.feature]) continue;
          if (!a_loaded) scratch.a.assign(*a.geometry), a_loaded = true;
          scratch.b.assign(*b.geometry);
          if (!interiors_may_overlap(scratch.a, scratch.b)) continue;
          // The fast test may say "maybe" (a partly shared edge, a vertex on an edge): GEOS's
          // relate settles those few pairs exactly: interiors meet when the matrix's first
          // cell is 2 (an area).
          const char m = GEOSRelatePattern_r(geos_handle(), a.geometry->get(), b.geometry->get(), "2********");
          geos_check(m != 2, "relate");
          if (m == 1) found[i].emplace_back(std::min(a.feature, b.feature), std::max(a.feature, b.feature));
        }
      });
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (auto& f : found) pairs.insert(pairs.end(), f.begin(), f.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  result.pairs = pairs.size();
  for (const auto& [a, b] : pairs) result.overlapping[a] = result.overlapping[b] = 1;
  result.features = static_cast<std::size_t>(std::count(result.overlapping.begin(), result.overlapping.end(), 1));
  return result;
}

}  // namespace redline::detail
