#pragma once
// Private: which edges a feature shares with another feature of the same layer.
//
// In a layer drawn as a coverage (features that touch share their boundary vertex for vertex),
// an edge that two features share separates them: it is inside the layer's union, not on its
// boundary. The index keeps a 64-bit hash of every edge, direction ignored, with its owners.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "drift/ring_alignment.h"

namespace redline::detail {

class SharedEdgeIndex {
 public:
  /// Indexes every edge of every feature; feature i is features[i].
  SharedEdgeIndex(const std::vector<PolygonRings>& features, unsigned threads);

  /// Returns the lowest index of a feature other than `feature` that has the edge p–q (either
  /// direction), or -1 when none has.
  std::int64_t other_owner(const double* p, const double* q, std::size_t feature) const;

 private:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  // An open-addressing table keyed by edge hash: per hash the lowest owner and the lowest owner
  // after it, all that other_owner() needs.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t first = kNone;   // kNone: an empty slot
    std::uint32_t second = kNone;  // kNone: one owner only
  };
  // The slot a hash starts its probe at (the hash is well mixed: any bits will do).
  std::size_t home(std::uint64_t h) const { return static_cast<std::size_t>(h % slots_.size()); }
  std::size_t next(std::size_t at) const { return at + 1 == slots_.size() ? 0 : at + 1; }

  std::vector<Slot> slots_;  // never full: a probe always ends at an empty slot
};

}  // namespace redline::detail
