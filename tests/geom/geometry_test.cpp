// Geometry and GeometryView (redline/geom/geometry.h): parts, type, planar area and length, WKB
// round trip, clone, and what a null or empty geometry answers. Expected figures by hand.
#include "redline/geom/geometry.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "redline/error.h"

namespace redline {
namespace {

// A 10 x 10 square with a 2 x 3 hole: area 100 - 6 = 94; perimeter 40 + 10 = 50.
constexpr const char* kSquareWithHole =
    "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 5,2 5,2 2))";
// Two parts: a unit square and a 3 x 4 rectangle: area 1 + 12 = 13, perimeter 4 + 14 = 18.
constexpr const char* kTwoParts =
    "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,8 5,8 9,5 9,5 5)))";

TEST(Geometry, PolygonWithHoleHasHandComputedAreaAndPerimeter) {
  const Geometry g = Geometry::from_wkt(kSquareWithHole);
  EXPECT_EQ(g.type(), GeometryType::Polygon);
  EXPECT_EQ(g.type_name(), "Polygon");
  EXPECT_TRUE(g.is_polygonal());
  EXPECT_DOUBLE_EQ(g.planar_area(), 94.0);
  EXPECT_DOUBLE_EQ(g.planar_length(), 50.0);
  EXPECT_EQ(g.num_points(), 10);
  EXPECT_EQ(g.num_parts(), 1u);
}

TEST(Geometry, PartsOfAMultiPolygonAreBorrowedViewsInOrder) {
  const Geometry g = Geometry::from_wkt(kTwoParts);
  EXPECT_EQ(g.type(), GeometryType::MultiPolygon);
  ASSERT_EQ(g.num_parts(), 2u);
  const GeometryView first = g.part(0), second = g.part(1);
  EXPECT_EQ(first.type(), GeometryType::Polygon);
  EXPECT_DOUBLE_EQ(first.planar_area(), 1.0);
  EXPECT_DOUBLE_EQ(second.planar_area(), 12.0);
  EXPECT_DOUBLE_EQ(second.planar_length(), 14.0);
  EXPECT_DOUBLE_EQ(g.planar_area(), 13.0);
  EXPECT_DOUBLE_EQ(g.planar_length(), 18.0);
  // A single geometry is its own only part.
  EXPECT_DOUBLE_EQ(first.part(0).planar_area(), 1.0);
  const Envelope e = second.envelope();
  EXPECT_FALSE(e.is_null);
  EXPECT_EQ(e.min_x, 5.0);
  EXPECT_EQ(e.min_y, 5.0);
  EXPECT_EQ(e.max_x, 8.0);
  EXPECT_EQ(e.max_y, 9.0);
}

TEST(Geometry, LineLengthAndTypeNames) {
  const Geometry line = Geometry::from_wkt("LINESTRING(0 0,3 4,3 10)");  // 5 + 6
  EXPECT_EQ(line.type(), GeometryType::LineString);
  EXPECT_FALSE(line.is_polygonal());
  EXPECT_DOUBLE_EQ(line.planar_length(), 11.0);
  EXPECT_DOUBLE_EQ(line.planar_area(), 0.0);
  EXPECT_STREQ(geometry_type_name(GeometryType::GeometryCollection), "GeometryCollection");
  EXPECT_STREQ(geometry_type_name(GeometryType::MultiPolygon), "MultiPolygon");
  EXPECT_STREQ(geometry_type_name(GeometryType::LinearRing), "LinearRing");
}

TEST(Geometry, WkbRoundTripKeepsEveryCoordinateExactly) {
  // Gauss-Krüger eastings with their zone prefix: 8 digits and millimetres.
  const Geometry g = Geometry::from_wkt(
      "MULTIPOLYGON(((39500000.001 2800000.002,39500100.5 2800000.002,39500100.5 2800200.25,"
      "39500000.001 2800000.002)),((39600000 2900000,39600010 2900000,39600010 2900010,"
      "39600000 2900000)))");
  const std::vector<unsigned char> wkb = g.to_wkb();
  ASSERT_FALSE(wkb.empty());
  EXPECT_EQ(wkb[0], 1);  // little-endian
  const Geometry back = Geometry::from_wkb(wkb.data(), wkb.size());
  EXPECT_EQ(back.to_wkt(), g.to_wkt());
  EXPECT_EQ(back.to_wkb(), wkb);
  EXPECT_EQ(back.num_parts(), 2u);
}

TEST(Geometry, CloneIsDeepAndOutlivesTheOriginal) {
  Geometry copy;
  {
    const Geometry g = Geometry::from_wkt(kSquareWithHole);
    copy = g.part(0).clone();
  }
  EXPECT_DOUBLE_EQ(copy.planar_area(), 94.0);
  Geometry moved = std::move(copy);
  EXPECT_TRUE(copy.is_null());  // NOLINT(bugprone-use-after-move): moved-from is null
  EXPECT_DOUBLE_EQ(moved.planar_area(), 94.0);
}

TEST(Geometry, NullGeometryAnswersWithoutThrowing) {
  const Geometry g;
  EXPECT_TRUE(g.is_null());
  EXPECT_TRUE(g.is_empty());
  EXPECT_FALSE(g.is_polygonal());
  EXPECT_EQ(g.type_name(), "");
  EXPECT_EQ(g.num_points(), 0);
  EXPECT_EQ(g.num_parts(), 0u);
  EXPECT_TRUE(g.envelope().is_null);
  EXPECT_EQ(g.planar_area(), 0.0);
  EXPECT_EQ(g.planar_length(), 0.0);
  EXPECT_TRUE(g.to_wkb().empty());
  EXPECT_TRUE(g.clone().is_null());
  EXPECT_TRUE(GeometryView().is_null());
}

TEST(Geometry, EmptyGeometryIsNotNull) {
  const Geometry g = Geometry::from_wkt("POLYGON EMPTY");
  EXPECT_FALSE(g.is_null());
  EXPECT_TRUE(g.is_empty());
  EXPECT_EQ(g.type(), GeometryType::Polygon);
  EXPECT_EQ(g.planar_area(), 0.0);
  EXPECT_TRUE(g.envelope().is_null);
  const Geometry multi = Geometry::from_wkt("MULTIPOLYGON EMPTY");
  EXPECT_EQ(multi.num_parts(), 0u);
}

TEST(Geometry, MalformedInputIsAnInputError) {
  EXPECT_THROW(Geometry::from_wkt("POLYGON((0 0,1 0"), InputError);
  const unsigned char junk[] = {1, 3, 0, 0, 0, 9};
  EXPECT_THROW(Geometry::from_wkb(junk, sizeof junk), InputError);
}

TEST(Geometry, RectangleOfAnEnvelope) {
  Envelope box;
  box.min_x = 1, box.min_y = 2, box.max_x = 4, box.max_y = 7, box.is_null = false;
  const Geometry r = Geometry::rectangle(box);
  EXPECT_EQ(r.type(), GeometryType::Polygon);
  EXPECT_DOUBLE_EQ(r.planar_area(), 15.0);  // 3 x 5
  EXPECT_TRUE(Geometry::rectangle(Envelope{}).is_null());
}

TEST(Envelope, ExpandAndIntersectIncludeEdges) {
  Envelope a;
  EXPECT_FALSE(a.intersects(a));  // null meets nothing
  Envelope b;
  b.min_x = 0, b.min_y = 0, b.max_x = 1, b.max_y = 1, b.is_null = false;
  a.expand(b);
  EXPECT_FALSE(a.is_null);
  EXPECT_EQ(a.max_x, 1.0);
  Envelope c;
  c.min_x = 1, c.min_y = 1, c.max_x = 2, c.max_y = 2, c.is_null = false;
  EXPECT_TRUE(a.intersects(c));  // corner contact counts
  a.expand(c);
  EXPECT_EQ(a.max_x, 2.0);
  EXPECT_EQ(a.min_y, 0.0);
  Envelope far;
  far.min_x = 3, far.min_y = 3, far.max_x = 4, far.max_y = 4, far.is_null = false;
  EXPECT_FALSE(c.intersects(far));
}

}  // namespace
}  // namespace redline
