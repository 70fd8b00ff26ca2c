// Telling a piece of change from noise: too small, or too thin for a disk of the sliver width.
// Figures by hand, planar areas in a metric CRS.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drift/noise_judge.h"
#include "redline/crs/crs.h"
#include "redline/geom/geometry.h"

namespace redline::detail {
namespace {

NoiseJudge judge() {
  // Sliver width 0.5 m, sliver area 1 m² (the drift defaults).
  return NoiseJudge{AreaCalculator(Crs::from_user_input("EPSG:4527"), AreaMethod::Planar), 0.5, 1.0};
}

struct Judged {
  double m2;
  bool noise;
};

std::vector<Judged> judge_all(const std::string& wkt) {
  std::vector<Judged> out;
  judge().each_piece(Geometry::from_wkt(wkt), [&](GeometryView, double m2, bool noise) { out.push_back({m2, noise}); });
  return out;
}

TEST(NoiseJudge, RealPieceSliverAndSpeck) {
  const std::vector<Judged> pieces = judge_all(
      "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),"                      // 10 × 10: 100 m², real
      "((20 0,120 0,120 0.2,20 0.2,20 0)),"                           // 100 × 0.2: 20 m², thinner than 0.5: noise
      "((200 0,200.9 0,200.9 0.9,200 0.9,200 0)),"                    // 0.9 × 0.9: 0.81 m² < 1 m²: noise
      "((300 0,400 0,400 0.6,300 0.6,300 0)))");                      // 100 × 0.6: 60 m², a 0.5 m disk fits: real
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_NEAR(pieces[0].m2, 100.0, 1e-9);
  EXPECT_FALSE(pieces[0].noise);
  EXPECT_NEAR(pieces[1].m2, 20.0, 1e-9);
  EXPECT_TRUE(pieces[1].noise);
  EXPECT_NEAR(pieces[2].m2, 0.81, 1e-9);
  EXPECT_TRUE(pieces[2].noise);
  EXPECT_NEAR(pieces[3].m2, 60.0, 1e-9);
  EXPECT_FALSE(pieces[3].noise);
}

TEST(NoiseJudge, OnlyPolygonsWithAreaAreJudged) {
  // The line and the collapsed polygon carry no area: nothing to judge.
  const std::vector<Judged> pieces = judge_all(
      "GEOMETRYCOLLECTION(LINESTRING(0 0,10 0),POLYGON((0 0,10 0,20 0,0 0)),POLYGON((0 0,2 0,2 2,0 2,0 0)))");
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_NEAR(pieces[0].m2, 4.0, 1e-9);
  EXPECT_FALSE(pieces[0].noise);
  EXPECT_TRUE(judge_all("POLYGON EMPTY").empty());
}

TEST(NoiseJudge, IsNoiseAtTheThresholds) {
  const NoiseJudge j = judge();
  const Geometry wide = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  EXPECT_TRUE(j.is_noise(wide, 0.999));   // below the sliver area, whatever its shape
  EXPECT_FALSE(j.is_noise(wide, 1.0));    // the sliver area itself is not below it
}

}  // namespace
}  // namespace redline::detail
