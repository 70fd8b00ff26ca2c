// SharedEdgeIndex: the lowest other feature having an edge, either direction. Oracle: a brute
// force search over every edge of every feature, on random rings over a small integer grid
// (many edges shared by several features, some by a feature with itself).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "drift/shared_edges.h"

namespace redline::detail {
namespace {

bool same_edge(const double* a, const double* b, const double* p, const double* q) {
  return (a[0] == p[0] && a[1] == p[1] && b[0] == q[0] && b[1] == q[1]) ||
         (a[0] == q[0] && a[1] == q[1] && b[0] == p[0] && b[1] == p[1]);
}

// The lowest feature other than `feature` with the edge p-q, or -1.
std::int64_t brute_force_owner(const std::vector<PolygonRings>& features, const double* p, const double* q,
                               std::size_t feature) {
  for (std::size_t j = 0; j < features.size(); ++j) {
    if (j == feature) continue;
    for (const auto& polygon : features[j].polygons) {
      for (const Ring& ring : polygon) {
        for (std::size_t m = 0; m < ring.size(); ++m) {
          if (same_edge(&ring.xy[2 * m], &ring.xy[2 * ((m + 1) % ring.size())], p, q)) return static_cast<std::int64_t>(j);
        }
      }
    }
  }
  return -1;
}

TEST(SharedEdges, OtherOwnerIsTheLowestOtherFeatureWithTheEdge) {
  std::mt19937 random(13);
  std::uniform_int_distribution<int> coordinate(0, 6), ring_size(3, 8), rings(1, 3);
  std::vector<PolygonRings> features(120);
  for (PolygonRings& f : features) {
    f.polygons.emplace_back();
    for (int r = rings(random); r > 0; --r) {
      Ring ring;
      for (int k = ring_size(random); k > 0; --k) {
        ring.xy.push_back(coordinate(random));
        const int y = coordinate(random);
        ring.xy.push_back(y == 0 && k % 2 ? -0.0 : y);  // -0.0 and 0.0 are the same coordinate
      }
      f.vertices += ring.size();
      f.polygons.back().push_back(ring);
    }
  }
  features[7] = {};  // a feature without rings
  for (unsigned threads : {1u, 2u, 4u}) {
    const SharedEdgeIndex index(features, threads);
    std::size_t shared = 0, alone = 0;
    for (std::size_t i = 0; i < features.size(); ++i) {
      for (const auto& polygon : features[i].polygons) {
        for (const Ring& ring : polygon) {
          for (std::size_t k = 0; k < ring.size(); ++k) {
            const double* p = &ring.xy[2 * k];
            const double* q = &ring.xy[2 * ((k + 1) % ring.size())];
            const std::int64_t want = brute_force_owner(features, p, q, i);
            ASSERT_EQ(index.other_owner(p, q, i), want) << "feature " << i << " edge " << k;
            ASSERT_EQ(index.other_owner(q, p, i), want);
            (want < 0 ? alone : shared) += 1;
          }
        }
      }
    }
    EXPECT_GT(shared, 100u);
    EXPECT_GT(alone, 0u);
    const double p[2] = {100, 100}, q[2] = {101, 100};
    EXPECT_EQ(index.other_owner(p, q, 0), -1);  // an edge no feature has
  }
}

}  // namespace
}  // namespace redline::detail
