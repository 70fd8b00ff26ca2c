// Overlay operations (redline/geom/ops.h) against areas computed by hand, and what a null
// argument gives.
#include "redline/geom/ops.h"

#include <gtest/gtest.h>

#include <vector>

namespace redline {
namespace {

// Two 10 x 10 squares overlapping in a 5 x 5 square.
const char* const kA = "POLYGON((0 0,10 0,10 10,0 10,0 0))";
const char* const kB = "POLYGON((5 5,15 5,15 15,5 15,5 5))";
constexpr double kFloating = 0.0;

TEST(Ops, IntersectionDifferenceUnionOfOverlappingSquares) {
  const Geometry a = Geometry::from_wkt(kA), b = Geometry::from_wkt(kB);
  EXPECT_DOUBLE_EQ(intersection(a, b, kDefaultGridSizeProjected).planar_area(), 25.0);
  EXPECT_DOUBLE_EQ(difference(a, b, kDefaultGridSizeProjected).planar_area(), 75.0);
  EXPECT_DOUBLE_EQ(difference(b, a, kDefaultGridSizeProjected).planar_area(), 75.0);
  EXPECT_DOUBLE_EQ(union_of(a, b, kDefaultGridSizeProjected).planar_area(), 175.0);  // 100 + 100 - 25
  EXPECT_TRUE(intersection(a, b, kFloating).is_polygonal());
}

TEST(Ops, EdgeContactGivesNoArea) {
  // Squares sharing the edge x = 1: the intersection is a line, and only the polygonal part is kept.
  const Geometry a = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
  const Geometry b = Geometry::from_wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))");
  const Geometry i = intersection(a, b, kDefaultGridSizeProjected);
  EXPECT_TRUE(i.is_empty());
  EXPECT_EQ(i.planar_area(), 0.0);
  EXPECT_DOUBLE_EQ(union_of(a, b, kDefaultGridSizeProjected).planar_area(), 2.0);
}

TEST(Ops, GridSnapsInputsBeforeTheOverlay) {
  // a reaches x = 10.4; on a 1-unit grid that is x = 10: (10 - 5) x 10 = 50; floating: 5.4 x 10.
  const Geometry a = Geometry::from_wkt("POLYGON((0 0,10.4 0,10.4 10,0 10,0 0))");
  const Geometry b = Geometry::from_wkt("POLYGON((5 0,20 0,20 10,5 10,5 0))");
  EXPECT_DOUBLE_EQ(intersection(a, b, 1.0).planar_area(), 50.0);
  EXPECT_NEAR(intersection(a, b, kFloating).planar_area(), 54.0, 1e-9);
  // snap_to_grid: (0.4 .. 10.6) x (0.4 .. 10.4) on a 1-unit grid is (0 .. 11) x (0 .. 10) = 110.
  const Geometry c = Geometry::from_wkt("POLYGON((0.4 0.4,10.6 0.4,10.6 10.4,0.4 10.4,0.4 0.4))");
  EXPECT_DOUBLE_EQ(snap_to_grid(c, 1.0).planar_area(), 110.0);
}

TEST(Ops, NullArgumentsGiveTheDocumentedResults) {
  const Geometry a = Geometry::from_wkt(kA);
  const Geometry none;
  EXPECT_TRUE(intersection(a, none, kFloating).is_null());
  EXPECT_TRUE(intersection(none, a, kFloating).is_null());
  EXPECT_DOUBLE_EQ(difference(a, none, kFloating).planar_area(), 100.0);
  EXPECT_DOUBLE_EQ(union_of(a, none, kFloating).planar_area(), 100.0);
  EXPECT_DOUBLE_EQ(union_of(none, a, kFloating).planar_area(), 100.0);
  EXPECT_TRUE(clip_to_rectangle(none, a.envelope()).is_null());
  EXPECT_TRUE(buffer(none, 1.0, 8).is_null());
}

TEST(Ops, UnionAllCountsOverlapsOnceAndIgnoresNullAndEmpty) {
  const Geometry a = Geometry::from_wkt(kA), b = Geometry::from_wkt(kB);
  const Geometry c = Geometry::from_wkt("POLYGON((20 20,21 20,21 21,20 21,20 20))");
  const Geometry empty = Geometry::from_wkt("POLYGON EMPTY");
  const Geometry none;
  const Geometry u = union_all({a, none, b, empty, c}, kDefaultGridSizeProjected);
  EXPECT_DOUBLE_EQ(u.planar_area(), 176.0);  // 175 + 1
  EXPECT_EQ(u.num_parts(), 2u);
  const Geometry nothing = union_all({}, kDefaultGridSizeProjected);
  EXPECT_FALSE(nothing.is_null());
  EXPECT_TRUE(nothing.is_empty());
  EXPECT_EQ(nothing.type(), GeometryType::MultiPolygon);
}

TEST(Ops, ClipToRectangle) {
  const Geometry a = Geometry::from_wkt(kA);
  Envelope box;
  box.min_x = 5, box.min_y = -5, box.max_x = 20, box.max_y = 5, box.is_null = false;
  EXPECT_DOUBLE_EQ(clip_to_rectangle(a, box).planar_area(), 25.0);  // (10 - 5) x (5 - 0)
  Envelope outside;
  outside.min_x = 50, outside.min_y = 50, outside.max_x = 60, outside.max_y = 60, outside.is_null = false;
  EXPECT_EQ(clip_to_rectangle(a, outside).planar_area(), 0.0);
}

TEST(Ops, BufferGrowsAndShrinks) {
  const Geometry a = Geometry::from_wkt(kA);
  // One segment per quarter circle: each corner adds a right triangle of legs 1:
  // 100 + 4 x (10 x 1) + 4 x 0.5 = 142.
  EXPECT_NEAR(buffer(a, 1.0, 1).planar_area(), 142.0, 1e-9);
  EXPECT_NEAR(buffer(a, -1.0, 8).planar_area(), 64.0, 1e-9);  // 8 x 8
  EXPECT_TRUE(buffer(a, -6.0, 8).is_empty());                 // shrunk to nothing
  // A point grown by 1 with 8 segments per quarter: a regular 32-gon of circumradius 1,
  // area 32/2 x sin(2 pi / 32): python3 -c "import math; print(16*math.sin(math.pi/16))"
  EXPECT_NEAR(buffer(Geometry::from_wkt("POINT(3 4)"), 1.0, 8).planar_area(), 3.121445152258052, 1e-12);
}

TEST(Ops, LinesDifferenceKeepsTheLinesNotOnTheOther) {
  // A 10 m line less the 3 m of it inside a square (by hand: 7 m outside, in two parts), and
  // the part running along the square's edge, which lines_inside() leaves outside.
  const Geometry line = Geometry::from_wkt("LINESTRING(0 0,10 0)");
  const Geometry square = Geometry::from_wkt("POLYGON((2 -1,5 -1,5 1,2 1,2 -1))");
  const Geometry outside = lines_difference(line, lines_inside(line, square, 0.001), 0.001);
  EXPECT_NEAR(outside.planar_length(), 7.0, 1e-9);
  EXPECT_EQ(outside.type(), GeometryType::MultiLineString);
  const Geometry edge = Geometry::from_wkt("POLYGON((2 0,5 0,5 1,2 1,2 0))");  // the line runs along its edge
  EXPECT_NEAR(lines_difference(line, lines_inside(line, edge, 0.001), 0.001).planar_length(), 10.0, 1e-9);
  EXPECT_NEAR(lines_difference(line, Geometry(), 0.001).planar_length(), 10.0, 1e-12);
  EXPECT_TRUE(lines_difference(Geometry(), line, 0.001).is_null());
}

}  // namespace
}  // namespace redline
