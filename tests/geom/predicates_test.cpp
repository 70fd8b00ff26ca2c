// DE-9IM relate patterns and prepared geometries (redline/geom/predicates.h), on squares whose
// relations are known by construction.
#include "redline/geom/predicates.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace redline {
namespace {

const char* const kBig = "POLYGON((0 0,10 0,10 10,0 10,0 0))";
const char* const kInside = "POLYGON((2 2,4 2,4 4,2 4,2 2))";          // strictly inside
const char* const kInsideOnEdge = "POLYGON((0 2,4 2,4 4,0 4,0 2))";    // inside, on the edge x = 0
const char* const kNeighbour = "POLYGON((10 0,20 0,20 10,10 10,10 0))";  // shares the edge x = 10
const char* const kOverlap = "POLYGON((5 5,15 5,15 15,5 15,5 5))";
const char* const kFar = "POLYGON((50 50,51 50,51 51,50 51,50 50))";

TEST(RelateMatches, InteriorsMeetInAnAreaOnlyWhenTheyOverlap) {
  const Geometry big = Geometry::from_wkt(kBig);
  EXPECT_TRUE(relate_matches(big, Geometry::from_wkt(kOverlap), "2********"));
  EXPECT_TRUE(relate_matches(big, Geometry::from_wkt(kInside), "2********"));
  EXPECT_FALSE(relate_matches(big, Geometry::from_wkt(kNeighbour), "2********"));
  EXPECT_FALSE(relate_matches(big, Geometry::from_wkt(kFar), "2********"));
}

TEST(RelateMatches, EdgeNeighboursTouchAlongALine) {
  const Geometry big = Geometry::from_wkt(kBig), n = Geometry::from_wkt(kNeighbour);
  // Interiors apart, boundaries meet in a line (dimension 1).
  EXPECT_TRUE(relate_matches(big, n, "FF*F1****"));
  EXPECT_FALSE(relate_matches(big, n, "FF*F0****"));
  // Within: the inner square's interior and boundary are not outside the big one.
  EXPECT_TRUE(relate_matches(Geometry::from_wkt(kInside), big, "T*F**F***"));
  EXPECT_FALSE(relate_matches(big, Geometry::from_wkt(kInside), "T*F**F***"));
}

TEST(PreparedGeometry, CoversIntersectsContainsProperly) {
  const Geometry big = Geometry::from_wkt(kBig);
  const PreparedGeometry p(big);
  const Geometry inside = Geometry::from_wkt(kInside), on_edge = Geometry::from_wkt(kInsideOnEdge),
                 neighbour = Geometry::from_wkt(kNeighbour), overlap = Geometry::from_wkt(kOverlap),
                 far = Geometry::from_wkt(kFar);
  EXPECT_TRUE(p.covers(inside));
  EXPECT_TRUE(p.covers(on_edge));
  EXPECT_FALSE(p.covers(overlap));
  EXPECT_FALSE(p.covers(neighbour));
  EXPECT_TRUE(p.contains_properly(inside));
  EXPECT_FALSE(p.contains_properly(on_edge));  // touches the boundary
  EXPECT_TRUE(p.intersects(neighbour));        // boundary contact counts
  EXPECT_TRUE(p.intersects(overlap));
  EXPECT_FALSE(p.intersects(far));
}

TEST(PreparedGeometry, MovedFromLeavesTheNewOneWorking) {
  const Geometry big = Geometry::from_wkt(kBig);
  PreparedGeometry p(big);
  PreparedGeometry q = std::move(p);
  EXPECT_TRUE(q.covers(Geometry::from_wkt(kInside)));
  EXPECT_FALSE(q.intersects(Geometry::from_wkt(kFar)));
}

TEST(PreparedGeometry, TestsFromSeveralThreadsAgree) {
  const Geometry big = Geometry::from_wkt(kBig);
  const PreparedGeometry p(big);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      // Each thread makes its own candidates: geometries are made on the thread using them.
      const Geometry inside = Geometry::from_wkt(kInside), far = Geometry::from_wkt(kFar);
      for (int i = 0; i < 200; ++i) {
        if (!p.covers(inside) || p.intersects(far)) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace redline
