#include "drift/shared_edges.h"

#include <algorithm>
#include <cstring>

#include "util/parallel.h"

namespace redline::detail {

namespace {

std::uint64_t bits(double v) {
  if (v == 0.0) v = 0.0;  // -0.0 and 0.0 are the same coordinate
  std::uint64_t u;
  std::memcpy(&u, &v, sizeof u);
  return u;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  // splitmix64 finaliser over the running hash: every input bit reaches every output bit.
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

std::uint64_t edge_hash(const double* p, const double* q) {
  // Direction ignored: the lexicographically smaller end first.
  if (q[0] < p[0] || (q[0] == p[0] && q[1] < p[1])) std::swap(p, q);
  std::uint64_t h = 0x51ed270b27a1c3f5ULL;
  h = mix(h, bits(p[0]));
  h = mix(h, bits(p[1]));
  h = mix(h, bits(q[0]));
  h = mix(h, bits(q[1]));
  return h;
}

}  // namespace

SharedEdgeIndex::SharedEdgeIndex(const std::vector<PolygonRings>& features, unsigned threads) {
  const std::size_t n = features.size();
  std::vector<std::size_t> start(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) start[i + 1] = start[i] + features[i].vertices;
  entries_.resize(start[n]);
  parallel_for(n, threads, [&](std::size_t i) {
    std::size_t at = start[i];
    for (const auto& polygon : features[i].polygons) {
      for (const Ring& ring : polygon) {
        const std::size_t m = ring.size();
        for (std::size_t k = 0; k < m; ++k) {
          const std::size_t k1 = (k + 1) % m;
          entries_[at++] = {edge_hash(&ring.xy[2 * k], &ring.xy[2 * k1]), static_cast<std::uint32_t>(i)};
        }
      }
    }
  }, 256);
  std::sort(entries_.begin(), entries_.end());
}

std::int64_t SharedEdgeIndex::other_owner(const double* p, const double* q, std::size_t feature) const {
  const std::uint64_t h = edge_hash(p, q);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(h, std::uint32_t{0}));
  for (; it != entries_.end() && it->first == h; ++it) {
    if (it->second != feature) return it->second;
  }
  return -1;
}

}  // namespace redline::detail
