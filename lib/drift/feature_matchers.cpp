#include "drift/feature_matchers.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "redline/geom/ops.h"
#include "util/costliest_first.h"
#include "util/parallel.h"

namespace redline::detail {

std::size_t pair_by_key(LayerVersion& before, LayerVersion& after) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before.key_missing[i]) continue;
    auto& list = by_key[before.key[i]];
    if (!list.empty()) ++duplicates;
    list.push_back(i);
  }
  std::unordered_map<std::string, std::size_t> used;
  std::unordered_map<std::string, std::size_t> seen_after;
  for (std::size_t j = 0; j < after.size(); ++j) {
    if (after.key_missing[j]) continue;
    if (seen_after[after.key[j]]++ > 0) ++duplicates;
    auto it = by_key.find(after.key[j]);
    if (it == by_key.end()) continue;
    std::size_t& next = used[after.key[j]];
    if (next >= it->second.size()) continue;
    const std::size_t i = it->second[next++];
    after.partner[j] = i;
    before.partner[i] = j;
  }
  return duplicates;
}

void pair_by_geometry(LayerVersion& before, LayerVersion& after, double limit, unsigned threads) {
  std::vector<std::size_t> found(after.size(), kUnmatched);
  parallel_for(after.size(), threads, [&](std::size_t j) {
    const Envelope& e = after.env[j];
    if (e.is_null) return;
    for (std::size_t i : before.index->query(e)) {
      const Envelope& f = before.env[i];
      if (std::fabs(f.min_x - e.min_x) > limit || std::fabs(f.min_y - e.min_y) > limit ||
          std::fabs(f.max_x - e.max_x) > limit || std::fabs(f.max_y - e.max_y) > limit ||
          before.rings[i].vertices != after.rings[j].vertices) {
        continue;
      }
      if (align_features(before.rings[i], after.rings[j], limit)) {
        found[j] = i;
        return;
      }
    }
  }, 16);
  for (std::size_t j = 0; j < after.size(); ++j) {
    const std::size_t i = found[j];
    if (i == kUnmatched || before.partner[i] != kUnmatched) continue;  // a duplicate geometry: first wins
    after.partner[j] = i;
    before.partner[i] = j;
  }
}

void pair_by_overlap(LayerVersion& before, LayerVersion& after, double min_area, double grid, unsigned threads) {
  // Every unmatched AFTER feature with each unmatched BEFORE feature near it: one intersection
  // each, the costliest first (a few large features hold most of the work).
  struct Candidate {
    std::size_t j, i;
  };
  std::vector<Candidate> candidates;
  std::vector<std::size_t> cost;
  for (std::size_t j = 0; j < after.size(); ++j) {
    if (after.partner[j] != kUnmatched || after.env[j].is_null) continue;
    for (std::size_t i : before.index->query(after.env[j])) {
      if (before.partner[i] != kUnmatched) continue;
      candidates.push_back({j, i});
      cost.push_back(after.rings[j].vertices + before.rings[i].vertices);
    }
  }
  std::vector<double> shared(candidates.size());
  struct NoState {};
  run_costliest_first<NoState>(cost, threads, ProgressFn{}, "matching by overlap", [] { return NoState{}; },
                               [&](std::size_t n, NoState&) {
    shared[n] = intersection(after.geometry(candidates[n].j), before.geometry(candidates[n].i), grid).planar_area();
  });
  std::vector<std::vector<std::pair<double, std::size_t>>> overlaps(after.size());
  for (std::size_t n = 0; n < candidates.size(); ++n) {
    if (shared[n] >= min_area) overlaps[candidates[n].j].emplace_back(shared[n], candidates[n].i);
  }
  for (auto& list : overlaps) {
    // Largest overlap first; ties by feature order.
    std::sort(list.begin(), list.end(),
              [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  }
  for (std::size_t j = 0; j < after.size(); ++j) {
    for (const auto& [shared, i] : overlaps[j]) {
      if (before.partner[i] != kUnmatched) continue;
      after.partner[j] = i;
      before.partner[i] = j;
      break;
    }
  }
}

EdgePairs align_matched_pairs(LayerVersion& before, LayerVersion& after,
                              const std::vector<std::pair<std::size_t, std::size_t>>& candidates, double limit,
                              unsigned threads) {
  std::vector<std::optional<FeatureAlignment>> aligned(candidates.size());
  parallel_for(candidates.size(), threads, [&](std::size_t n) {
    aligned[n] = align_features(before.rings[candidates[n].first], after.rings[candidates[n].second], limit);
  }, 16);
  EdgePairs out;
  for (std::size_t n = 0; n < candidates.size(); ++n) {
    if (!aligned[n]) continue;
    const auto [bi, aj] = candidates[n];
    before.by_edges[bi] = after.by_edges[aj] = 1;
    out.pairs.push_back(candidates[n]);
    out.alignments.push_back(std::move(*aligned[n]));
  }
  return out;
}

}  // namespace redline::detail
