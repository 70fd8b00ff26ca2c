#include "drift/shared_edges.h"

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
  std::vector<std::uint64_t> hashes(start[n]);
  parallel_for(n, threads, [&](std::size_t i) {
    std::size_t at = start[i];
    for (const auto& polygon : features[i].polygons) {
      for (const Ring& ring : polygon) {
        const std::size_t m = ring.size();
        for (std::size_t k = 0; k < m; ++k) {
          const std::size_t k1 = (k + 1) % m;
          hashes[at++] = edge_hash(&ring.xy[2 * k], &ring.xy[2 * k1]);
        }
      }
    }
  }, 16);
  // At most two thirds full: probes stay short, and the table is 1.5 slots of 16 bytes an edge.
  slots_.resize(hashes.size() + hashes.size() / 2 + 1);
  // Owners in increasing order: `first` is the lowest, `second` the lowest after it.
  for (std::size_t i = 0; i < n; ++i) {
    const auto owner = static_cast<std::uint32_t>(i);
    for (std::size_t e = start[i]; e < start[i + 1]; ++e) {
      const std::uint64_t h = hashes[e];
      std::size_t at = home(h);
      while (slots_[at].first != kNone && slots_[at].hash != h) at = next(at);
      Slot& slot = slots_[at];
      if (slot.first == kNone) {
        slot.hash = h;
        slot.first = owner;
      } else if (slot.first != owner && slot.second == kNone) {
        slot.second = owner;
      }
    }
  }
}

std::int64_t SharedEdgeIndex::other_owner(const double* p, const double* q, std::size_t feature) const {
  const std::uint64_t h = edge_hash(p, q);
  std::size_t at = home(h);
  while (slots_[at].first != kNone) {
    const Slot& slot = slots_[at];
    if (slot.hash == h) {
      if (slot.first != feature) return slot.first;
      if (slot.second == kNone) return -1;
      return slot.second;
    }
    at = next(at);
  }
  return -1;
}

}  // namespace redline::detail
