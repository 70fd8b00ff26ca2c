// interiors_may_overlap(): false only when the interiors certainly do not meet. Cases by hand.
#include <gtest/gtest.h>

#include "overlay/interiors_overlap.h"

namespace redline::detail {
namespace {

bool overlap(const char* a, const char* b) {
  return interiors_may_overlap(Geometry::from_wkt(a), Geometry::from_wkt(b));
}

TEST(InteriorsOverlap, NeighboursSharingAnEdgeDoNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 0,20 0,20 10,10 10,10 0))"));
  // GK-sized coordinates, the shared edge drawn in the other direction, a shared diagonal
  EXPECT_FALSE(overlap("POLYGON((39500000.123 2800000.456,39500100.789 2800003.2,39500050.5 2800090.75,39500000.123 2800000.456))",
                       "POLYGON((39500100.789 2800003.2,39500150.25 2800080.5,39500050.5 2800090.75,39500100.789 2800003.2))"));
}

TEST(InteriorsOverlap, CornerContactDoesNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((10 10,20 10,20 20,10 20,10 10))"));
}

TEST(InteriorsOverlap, CrossingBoundariesOverlap) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((5 5,15 5,15 15,5 15,5 5))"));
}

TEST(InteriorsOverlap, ContainmentOverlaps) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((2 2,4 2,4 4,2 4,2 2))"));
  EXPECT_TRUE(overlap("POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"));
}

TEST(InteriorsOverlap, IdenticalPolygonsOverlap) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,0 10,10 10,10 0,0 0))"));
}

TEST(InteriorsOverlap, HalfOfASquareOnItsVerticesOverlaps) {
  // No vertex strictly inside, no crossing: only the diagonal's midpoint tells.
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 0,10 10,0 0))"));
}

TEST(InteriorsOverlap, PolygonInAHoleDoesNotOverlap) {
  EXPECT_FALSE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,8 2,8 8,2 8,2 2))",
                       "POLYGON((2 2,8 2,8 8,2 8,2 2))"));
}

TEST(InteriorsOverlap, OverlapAlongAPartlySharedEdgeIsFound) {
  EXPECT_TRUE(overlap("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 5,5 5,5 10,0 10,0 5))"));
}

}  // namespace
}  // namespace redline::detail

namespace redline::detail {
namespace {

PairClass classify(const char* target, const char* cover) {
  return classify_pair(Geometry::from_wkt(target), Geometry::from_wkt(cover));
}

TEST(ClassifyPair, ParcelAlongTheInsideOfTheBoundaryIsInside) {
  // The parcel shares its west and south edges with the zone: GEOS's prepared covers() would
  // need a full relate here.
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,50 0,50 50,0 50,0 0))"),
            PairClass::Unknown);  // the zone's edge 0..50 only partly shared: "ask GEOS"
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,10 0,50 0,50 50,0 50,0 10,0 0))"),
            PairClass::TargetInside);
}

TEST(ClassifyPair, NeighbourOutsideIsDisjoint) {
  EXPECT_EQ(classify("POLYGON((10 0,20 0,20 10,10 10,10 0))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            PairClass::Disjoint);
}

TEST(ClassifyPair, ContainmentBothWays) {
  EXPECT_EQ(classify("POLYGON((2 2,4 2,4 4,2 4,2 2))", "POLYGON((0 0,10 0,10 10,0 10,0 0))"), PairClass::TargetInside);
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((2 2,4 2,4 4,2 4,2 2))"), PairClass::CoverInside);
}

TEST(ClassifyPair, CoverWithAHoleInsideTheTargetDoesNotCoverIt) {
  // All of the target's vertices lie inside the cover's shell, but the cover's hole lies in the
  // target's interior.
  EXPECT_EQ(classify("POLYGON((1 1,9 1,9 9,1 9,1 1))", "POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))"),
            PairClass::Crossing);
}

TEST(ClassifyPair, IdenticalIsInside) {
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((0 0,0 10,10 10,10 0,0 0))"),
            PairClass::TargetInside);
}

TEST(ClassifyPair, CrossingBoundariesAreLeftToGeos) {
  EXPECT_EQ(classify("POLYGON((0 0,10 0,10 10,0 10,0 0))", "POLYGON((5 5,15 5,15 15,5 15,5 5))"), PairClass::Unknown);
}

}  // namespace
}  // namespace redline::detail
