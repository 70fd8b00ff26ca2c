#include "overlay/cover_overlaps.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <numeric>

#include "redline/geom/predicates.h"
#include "overlay/interiors_overlap.h"
#include "util/work_loop.h"

namespace redline::detail {
namespace {

// Features joined by overlaps, as a union-find forest that threads may read while one thread
// at a time joins two trees. A root only ever gets a parent and nothing else changes, so a
// lock-free find() sees some valid forest: "same root" is final (sets only grow), "different
// roots" may be stale and only costs an exact test that was not needed.
class OverlapSets {
 public:
  explicit OverlapSets(std::size_t n) : parent_(n), rank_(n, 0) {
    for (std::size_t i = 0; i < n; ++i) parent_[i].store(i, std::memory_order_relaxed);
  }

  std::size_t find(std::size_t x) const {
    for (;;) {
      const std::size_t p = parent_[x].load(std::memory_order_acquire);
      if (p == x) return x;
      x = p;
    }
  }

  bool joined(std::size_t a, std::size_t b) const { return find(a) == find(b); }

  void join(std::size_t a, std::size_t b) {
    std::lock_guard<std::mutex> lock(mutex_);
    a = find(a), b = find(b);
    if (a == b) return;
    if (rank_[a] < rank_[b]) std::swap(a, b);  // by rank: trees stay O(log n) deep
    if (rank_[a] == rank_[b]) ++rank_[a];
    parent_[b].store(a, std::memory_order_release);
  }

 private:
  std::vector<std::atomic<std::size_t>> parent_;
  std::vector<unsigned char> rank_;  // written under mutex_ only
  std::mutex mutex_;
};

// The pieces of `set` in the order of their boxes' centres along a Z curve: pieces taken one
// after the other are neighbours, and meet the same neighbours.
std::vector<std::size_t> spatial_order(const PieceSet& set) {
  Envelope all;
  for (const Piece& p : set.pieces()) all.expand(p.envelope);
  const double sx = all.max_x > all.min_x ? 65535.0 / (all.max_x - all.min_x) : 0.0;
  const double sy = all.max_y > all.min_y ? 65535.0 / (all.max_y - all.min_y) : 0.0;
  auto spread = [](std::uint64_t v) {  // the 16 bits of v to the even bits
    v = (v | (v << 8)) & 0x00FF00FFu;
    v = (v | (v << 4)) & 0x0F0F0F0Fu;
    v = (v | (v << 2)) & 0x33333333u;
    return (v | (v << 1)) & 0x55555555u;
  };
  std::vector<std::pair<std::uint64_t, std::size_t>> keyed(set.size());
  for (std::size_t i = 0; i < set.size(); ++i) {
    const Envelope& e = set[i].envelope;
    const double cx = (e.min_x + e.max_x) / 2 - all.min_x, cy = (e.min_y + e.max_y) / 2 - all.min_y;
    const auto qx = static_cast<std::uint64_t>(std::clamp(cx * sx, 0.0, 65535.0));
    const auto qy = static_cast<std::uint64_t>(std::clamp(cy * sy, 0.0, 65535.0));
    keyed[i] = {spread(qx) | (spread(qy) << 1), i};
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> order(set.size());
  for (std::size_t i = 0; i < set.size(); ++i) order[i] = keyed[i].second;
  return order;
}

}  // namespace

FeatureOverlaps find_feature_overlaps(const PieceSet& set, unsigned threads, const ProgressFn& progress,
                                      const std::vector<std::size_t>& group, const std::vector<char>& relevant) {
  FeatureOverlaps result;
  result.overlapping.assign(set.feature_count(), 0);
  if (set.feature_count() < 2) return result;
  const std::size_t n = set.size();
  OverlapSets sets(set.feature_count());
  // A piece meets several neighbours, and the pieces taken one after the other (in spatial
  // order) meet the same ones: the segments of the pieces last met as `b` are kept (slot
  // j % kKept), so that most are extracted once, not once per neighbour (55 % of the pairs on
  // the bench county find them kept).
  constexpr std::size_t kKept = 64;  // pieces a worker keeps: a few neighbourhoods
  struct Scratch {
    SegmentPolygon a;  // reused: no allocation per pair
    std::vector<std::size_t> kept_piece = std::vector<std::size_t>(kKept, static_cast<std::size_t>(-1));
    std::vector<SegmentPolygon> kept = std::vector<SegmentPolygon>(kKept);
  };
  const std::vector<std::size_t> order = spatial_order(set);
  run_workers<Scratch>(
      n, threads, progress, "checking overlaps", [] { return Scratch{}; },
      [&](std::size_t k, Scratch& scratch) {
        const std::size_t i = order[k];
        const Piece& a = set[i];
        if (!relevant.empty() && !relevant[a.feature]) return;
        bool a_loaded = false;  // a's segments: extracted once for all of its neighbours
        for (std::size_t j : set.query(a.envelope)) {
          if (j <= i) continue;
          const Piece& b = set[j];
          if (b.feature == a.feature) continue;
          if (!group.empty() && group[a.feature] != group[b.feature]) continue;
          if (!relevant.empty() && !relevant[b.feature]) continue;
          // Already known to be in one set of overlapping features: whether this pair overlaps
          // too changes nothing. This is what keeps n mutually overlapping features at about n
          // exact tests instead of n²/2.
          if (sets.joined(a.feature, b.feature)) continue;
          if (!a_loaded) scratch.a.assign(*a.geometry), a_loaded = true;
          const std::size_t slot = j % kKept;
          if (scratch.kept_piece[slot] != j) {
            scratch.kept[slot].assign(*b.geometry);
            scratch.kept_piece[slot] = j;
          }
          if (!interiors_may_overlap(scratch.a, scratch.kept[slot])) continue;
          // The fast test may say "maybe" (a partly shared edge, a vertex on an edge): GEOS's
          // relate settles those few pairs exactly: interiors meet when the matrix's first
          // cell is 2 (an area).
          if (relate_matches(*a.geometry, *b.geometry, "2********")) sets.join(a.feature, b.feature);
        }
      });
  // The sets are the connected components of the overlap graph, whatever order the pairs were
  // tested in: the figures below do not depend on the thread count.
  const std::size_t features = set.feature_count();
  std::vector<std::size_t> members(features, 0);
  for (std::size_t f = 0; f < features; ++f) ++members[sets.find(f)];
  for (std::size_t f = 0; f < features; ++f) {
    if (members[sets.find(f)] > 1) result.overlapping[f] = 1;
    if (members[f] > 1) ++result.groups;  // f is a root
  }
  result.features = static_cast<std::size_t>(std::count(result.overlapping.begin(), result.overlapping.end(), 1));
  return result;
}

}  // namespace redline::detail
