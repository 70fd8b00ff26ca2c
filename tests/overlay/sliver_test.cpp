// is_sliver(): thin strips are slivers, anything with a wide part is not. Widths by hand.
#include <gtest/gtest.h>

#include "redline/overlay/sliver.h"

namespace redline {
namespace {

TEST(Sliver, ThinStripIsASliver) {
  // 4 mm x 100 m: width 4 mm < 5 cm.
  EXPECT_TRUE(is_sliver(Geometry::from_wkt("POLYGON((0 0,0.004 0,0.004 100,0 100,0 0))"), 0.05));
  // ... but not under a 1 mm tolerance.
  EXPECT_FALSE(is_sliver(Geometry::from_wkt("POLYGON((0 0,0.004 0,0.004 100,0 100,0 0))"), 0.001));
}

TEST(Sliver, SquareIsNotASliver) {
  EXPECT_FALSE(is_sliver(Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"), 0.05));
}

TEST(Sliver, ThinLShapeWithManyVerticesIsASliver) {
  // An L of two 2 cm wide arms, 50 m long: area 2 m², perimeter 200 m: passes the area bound
  // test only through the negative buffer.
  EXPECT_TRUE(is_sliver(Geometry::from_wkt("POLYGON((0 0,50 0,50 0.02,0.02 0.02,0.02 50,0 50,0 0))"), 0.05));
}

TEST(Sliver, MultiPolygonWithOneWidePartIsNotASliver) {
  EXPECT_FALSE(is_sliver(
      Geometry::from_wkt("MULTIPOLYGON(((0 0,0.004 0,0.004 100,0 100,0 0)),((10 0,20 0,20 10,10 10,10 0)))"), 0.05));
  EXPECT_FALSE(is_sliver(Geometry(), 0.05));
}

TEST(Sliver, GeographicWidthIsInDegrees) {
  EXPECT_NEAR(sliver_width_in_crs_units(111.32, Crs::from_user_input("EPSG:4490")), 0.001, 1e-12);
  EXPECT_EQ(sliver_width_in_crs_units(0.05, Crs::from_user_input("EPSG:4527")), 0.05);
}

}  // namespace
}  // namespace redline
