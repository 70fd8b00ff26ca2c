// map_coordinates (redline/geom/coordinate_map.h): structure kept, refusal gives null, and an
// exception from the callback reaches the caller (ASan/valgrind runs show nothing leaks).
#include "redline/geom/coordinate_map.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "redline/geom/paths.h"

namespace redline {
namespace {

TEST(MapCoordinates, EveryVertexIsMappedAndTheStructureKept) {
  const Geometry g = Geometry::from_wkt(
      "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 5,2 5,2 2)),((20 0,21 0,21 1,20 0)))");
  // x + 100, 2y: areas double (94 -> 188, 0.5 -> 1).
  const Geometry m = map_coordinates(g, [](double& x, double& y) {
    x += 100;
    y *= 2;
    return true;
  });
  ASSERT_FALSE(m.is_null());
  EXPECT_EQ(m.type(), GeometryType::MultiPolygon);
  ASSERT_EQ(m.num_parts(), 2u);
  EXPECT_DOUBLE_EQ(m.part(0).planar_area(), 188.0);
  EXPECT_DOUBLE_EQ(m.part(1).planar_area(), 1.0);
  EXPECT_EQ(m.num_points(), g.num_points());
  const Envelope e = m.envelope();
  EXPECT_EQ(e.min_x, 100.0);
  EXPECT_EQ(e.max_x, 121.0);
  EXPECT_EQ(e.max_y, 20.0);
  int holes = 0;
  for_each_path(m, [&](const PathView& p) { return holes += p.role == PathRole::Hole, true; });
  EXPECT_EQ(holes, 1);
  EXPECT_DOUBLE_EQ(g.planar_area(), 94.5);  // the input is unchanged
}

TEST(MapCoordinates, RefusalGivesNull) {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  int calls = 0;
  const Geometry m = map_coordinates(g, [&](double& x, double&) {
    ++calls;
    return x < 5;  // refuses the vertex (10, 0)
  });
  EXPECT_TRUE(m.is_null());
  EXPECT_GE(calls, 2);
}

TEST(MapCoordinates, ExceptionInTheCallbackPropagates) {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  EXPECT_THROW(map_coordinates(g,
                               [](double& x, double&) -> bool {
                                 if (x > 5) throw std::runtime_error("no");
                                 return true;
                               }),
               std::runtime_error);
  // GEOS is left usable: the next map works.
  const Geometry m = map_coordinates(g, [](double&, double& y) { return y += 1, true; });
  EXPECT_DOUBLE_EQ(m.planar_area(), 100.0);
}

TEST(MapCoordinates, NullStaysNullAndEmptyStaysEmpty) {
  int calls = 0;
  auto count = [&](double&, double&) { return ++calls, true; };
  EXPECT_TRUE(map_coordinates(Geometry(), count).is_null());
  const Geometry e = map_coordinates(Geometry::from_wkt("POLYGON EMPTY"), count);
  EXPECT_FALSE(e.is_null());
  EXPECT_TRUE(e.is_empty());
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace redline
