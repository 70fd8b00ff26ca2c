// Two versions of a polygon whose vertices correspond one to one (drift's "within fast_shift"
// path): the alignment of rings and the bands between edges, on rings small enough to compute
// by hand.
#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

#include "drift/ring_alignment.h"
#include "redline/geom/geometry.h"

namespace redline::detail {
namespace {

Ring ring(std::initializer_list<double> xy, bool shell = true) {
  Ring r;
  r.xy = xy;
  r.shell = shell;
  return r;
}

PolygonRings polygon(std::vector<Ring> rings) {
  PolygonRings p;
  for (const Ring& r : rings) p.vertices += r.size();
  p.polygons.push_back(std::move(rings));
  return p;
}

// The 10 m square, counter-clockwise from the origin.
const Ring kSquare = ring({0, 0, 10, 0, 10, 10, 0, 10});

TEST(RingAlignment, ExtractRingsDropsTheClosingPointAndKeepsHolesWithTheirShell) {
  const PolygonRings p =
      extract_rings(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,4 6,6 6,6 4,4 4))"));
  ASSERT_EQ(p.polygons.size(), 1u);
  ASSERT_EQ(p.polygons[0].size(), 2u);
  EXPECT_EQ(p.polygons[0][0].xy, (std::vector<double>{0, 0, 10, 0, 10, 10, 0, 10}));
  EXPECT_TRUE(p.polygons[0][0].shell);
  EXPECT_FALSE(p.polygons[0][1].shell);
  EXPECT_EQ(p.vertices, 8u);
}

// Expects `after` to be kSquare written another way: kSquare's vertex 0 is after's vertex
// `offset`, and the ring runs the other way when `reversed`.
void expect_same_square(const Ring& after, std::size_t offset, bool reversed) {
  const auto al = align_features(polygon({kSquare}), polygon({after}), 0.01);
  ASSERT_TRUE(al.has_value());
  EXPECT_EQ(al->rings[0][0].offset, offset);
  EXPECT_EQ(al->rings[0][0].reversed, reversed);
  EXPECT_EQ(al->max_shift, 0.0);
  EXPECT_TRUE(al->identical);
}

TEST(RingAlignment, RotatedStartIsTheSameRing) {
  // AFTER starts at BEFORE's third vertex: vertex 0 of BEFORE is vertex 2 of AFTER.
  expect_same_square(ring({10, 10, 0, 10, 0, 0, 10, 0}), 2, false);
}

TEST(RingAlignment, ReversedOrientationIsTheSameRing) {
  // Clockwise from the origin: vertex k of BEFORE is vertex (4 - k) mod 4 of AFTER.
  expect_same_square(ring({0, 0, 0, 10, 10, 10, 10, 0}), 0, true);
}

TEST(RingAlignment, ShiftIsTheLargestVertexMoveAndTheLimitHolds) {
  // (10, 10) moved by (3 mm, 4 mm): 5 mm.
  const PolygonRings moved = polygon({ring({0, 0, 10, 0, 10.003, 10.004, 0, 10})});
  const auto within = align_features(polygon({kSquare}), moved, 0.01);
  ASSERT_TRUE(within.has_value());
  EXPECT_NEAR(within->max_shift, 0.005, 1e-12);
  EXPECT_FALSE(within->identical);
  EXPECT_FALSE(align_features(polygon({kSquare}), moved, 0.004).has_value());
}

TEST(RingAlignment, DifferentVertexCountsOrPolygonCountsDoNotAlign) {
  EXPECT_FALSE(align_features(polygon({kSquare}), polygon({ring({0, 0, 10, 0, 10, 10, 5, 10, 0, 10})}), 1.0));
  EXPECT_FALSE(align_features(polygon({kSquare}), PolygonRings{}, 1.0));
}

TEST(RingAlignment, FoldedEdgeDoesNotAlign) {
  // The 2 mm edge (10,5)→(10,5.002) comes back as (10,5.002)→(10,5): every vertex moved by
  // 2 mm only, but the edge points the other way, so the band between them is not thin.
  const PolygonRings before = polygon({ring({0, 0, 10, 0, 10, 5, 10, 5.002, 10, 10, 0, 10})});
  const PolygonRings folded = polygon({ring({0, 0, 10, 0, 10, 5.002, 10, 5, 10, 10, 0, 10})});
  EXPECT_FALSE(align_features(before, folded, 0.01).has_value());
  // The same edge moved 1 mm along itself keeps its direction: aligned, shift 1 mm.
  const PolygonRings slid = polygon({ring({0, 0, 10, 0, 10, 5.001, 10, 5.003, 10, 10, 0, 10})});
  const auto al = align_features(before, slid, 0.01);
  ASSERT_TRUE(al.has_value());
  EXPECT_NEAR(al->max_shift, 0.001, 1e-12);
}

TEST(EdgeBand, ParallelMovesAreOutsideOrInside) {
  // Edge (0,0)→(10,0), interior to the left (above). Moved 0.1 down: 10 × 0.1 = 1 outside.
  const double p1[2] = {0, 0}, p2[2] = {10, 0};
  const double d1[2] = {0, -0.1}, d2[2] = {10, -0.1};
  EdgeBand down = edge_band(p1, p2, d1, d2);
  EXPECT_NEAR(down.outside, 1.0, 1e-12);
  EXPECT_EQ(down.inside, 0.0);
  const double u1[2] = {0, 0.1}, u2[2] = {10, 0.1};
  EdgeBand up = edge_band(p1, p2, u1, u2);
  EXPECT_EQ(up.outside, 0.0);
  EXPECT_NEAR(up.inside, 1.0, 1e-12);
}

TEST(EdgeBand, CrossingEdgesMakeATriangleOnEachSide) {
  // (0,-0.1)→(10,0.1) crosses at (5,0): ½ × 5 × 0.1 = 0.25 on each side.
  const double p1[2] = {0, 0}, p2[2] = {10, 0}, q1[2] = {0, -0.1}, q2[2] = {10, 0.1};
  const EdgeBand band = edge_band(p1, p2, q1, q2);
  EXPECT_NEAR(band.outside, 0.25, 1e-12);
  EXPECT_NEAR(band.inside, 0.25, 1e-12);
}

// Sums the bands of every edge pair of two aligned versions.
EdgeBand total_band(const PolygonRings& before, const PolygonRings& after) {
  const auto al = align_features(before, after, 0.1);
  EXPECT_TRUE(al.has_value());
  EdgeBand sum;
  if (!al) return sum;
  for_each_edge_pair(before, after, *al, [&](const double* p1, const double* p2, const double* q1, const double* q2) {
    const EdgeBand b = edge_band(p1, p2, q1, q2);
    sum.outside += b.outside;
    sum.inside += b.inside;
  });
  return sum;
}

TEST(EdgePairs, BandsOfAShellSumToTheAreaChange) {
  // (10,10) moved to (10.01,10.01): two triangles ½ × 10 × 0.01 = 0.05 outside; the square
  // grows from 100 to 100.1 (shoelace). AFTER is clockwise and starts elsewhere: same answer.
  const EdgeBand sum = total_band(polygon({kSquare}), polygon({ring({10.01, 10.01, 10, 0, 0, 0, 0, 10})}));
  EXPECT_NEAR(sum.outside, 0.1, 1e-9);
  EXPECT_NEAR(sum.inside, 0.0, 1e-12);
}

TEST(EdgePairs, AGrowingHoleIsLostArea) {
  // Hole (4,4)-(6,6), area 4; (6,6) moved to (6.01,6.01): area 4.02 (shoelace), so the polygon
  // loses 0.02, and gains nothing.
  const PolygonRings before = polygon({kSquare, ring({4, 4, 6, 4, 6, 6, 4, 6}, false)});
  const PolygonRings after = polygon({kSquare, ring({4, 4, 6, 4, 6.01, 6.01, 4, 6}, false)});
  const EdgeBand sum = total_band(before, after);
  EXPECT_NEAR(sum.inside, 0.02, 1e-9);
  EXPECT_NEAR(sum.outside, 0.0, 1e-12);
}

}  // namespace
}  // namespace redline::detail
