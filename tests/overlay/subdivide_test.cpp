// subdivide(): pieces of bounded size that partition the input.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "redline/geom/validity.h"
#include "redline/overlay/subdivide.h"

namespace redline {
namespace {

// A 200-vertex star-like ring with a hole: hand-built so that cuts cross many edges.
Geometry star_with_hole() {
  std::string wkt = "POLYGON((";
  for (int i = 0; i <= 200; ++i) {
    const double a = 2 * M_PI * (i % 200) / 200, r = (i % 2) ? 1000 : 700;
    wkt += (i ? "," : "") + std::to_string(39500000 + r * std::cos(a)) + " " + std::to_string(2800000 + r * std::sin(a));
  }
  wkt += "),(39499900 2799900,39499900 2800100,39500100 2800100,39500100 2799900,39499900 2799900))";
  return Geometry::from_wkt(wkt);
}

TEST(Subdivide, PiecesAreSmallValidAndAddUp) {
  Geometry g = star_with_hole();
  std::vector<Geometry> pieces = subdivide(g, 32, 0.001);
  ASSERT_GT(pieces.size(), 4u);
  double sum = 0;
  for (const Geometry& p : pieces) {
    EXPECT_LE(p.num_points(), 32 + 8);  // a clipped piece may gain its corner vertices
    EXPECT_FALSE(find_invalidity(p).has_value());
    sum += p.planar_area();
  }
  // The pieces partition the polygon: their planar areas add up to its own, up to the rounding
  // of the cut points computed on the original edges (measured: 1.6e-12 relative).
  EXPECT_NEAR(sum, g.planar_area(), g.planar_area() * 1e-10);
}

TEST(Subdivide, SmallGeometryIsOnePiece) {
  Geometry g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  std::vector<Geometry> pieces = subdivide(g, 32, 0.001);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_DOUBLE_EQ(pieces[0].planar_area(), 100.0);
  EXPECT_TRUE(subdivide(Geometry(), 32, 0.001).empty());
}

}  // namespace
}  // namespace redline
