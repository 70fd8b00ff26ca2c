// Ring areas on the ellipsoid (redline/crs/ellipsoid_area.h). Geodesic figures from
// GeographicLib's Planimeter on the CGCS2000 ellipsoid (input "lat lon" per line):
//   printf "25.3 115.6\n25.3 116.0\n25.9 116.0\n25.9 115.6\n" |
//     Planimeter -e 6378137 1/298.257222101 -p 10      -> 2670837900.42679 m²
//   printf "25.50 115.99\n25.50 116.0\n25.51 115.995\n" |
//     Planimeter -e 6378137 1/298.257222101 -p 10      -> 556876.02547 m²
// The survey series follows straight (B, L) edges, not geodesics: on the rectangle it matches
// the closed form of tests/oracles/area_band.py (see tests/measure/area_test.cpp).
#include "redline/crs/ellipsoid_area.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

namespace redline {
namespace {

Ellipsoid cgcs2000() { return Ellipsoid{6378137.0, 298.257222101, "CGCS2000"}; }

double relative(double a, double b) { return std::fabs(a - b) / std::fabs(b); }

// Interleaved lon/lat of Huichang's bounding box, open.
const std::vector<double> kBox = {115.6, 25.3, 116.0, 25.3, 116.0, 25.9, 115.6, 25.9};

TEST(GeodesicRingArea, MatchesPlanimeter) {
  const GeodesicRingArea geodesic(cgcs2000());
  EXPECT_LE(relative(geodesic(kBox.data(), 4, 2), 2670837900.42679), 1e-12);
  const std::vector<double> triangle = {115.99, 25.50, 116.0, 25.50, 115.995, 25.51};
  EXPECT_LE(relative(geodesic(triangle.data(), 3, 2), 556876.02547), 1e-10);
}

TEST(GeodesicRingArea, ClosingPointOrientationAndStrideDoNotMatter) {
  const GeodesicRingArea geodesic(cgcs2000());
  const double open = geodesic(kBox.data(), 4, 2);
  std::vector<double> closed = kBox;
  closed.insert(closed.end(), {115.6, 25.3});
  EXPECT_EQ(geodesic(closed.data(), 5, 2), open);
  // Clockwise, and with a third value per point (stride 3).
  const std::vector<double> clockwise3 = {115.6, 25.3, 9, 115.6, 25.9, 9, 116.0, 25.9, 9, 116.0, 25.3, 9};
  EXPECT_NEAR(geodesic(clockwise3.data(), 4, 3), open, 1e-6);
  const std::vector<double> lon = {115.6, 116.0, 116.0, 115.6}, lat = {25.3, 25.3, 25.9, 25.9};
  EXPECT_EQ(geodesic_ring_area(lon.data(), lat.data(), 4, cgcs2000()), open);
}

TEST(GeodesicRingArea, FewerThanThreePointsHaveNoArea) {
  const GeodesicRingArea geodesic(cgcs2000());
  const std::vector<double> two = {115.6, 25.3, 116.0, 25.3, 115.6, 25.3};
  EXPECT_EQ(geodesic(two.data(), 3, 2), 0.0);  // closed segment: 2 distinct points
  EXPECT_EQ(geodesic(two.data(), 0, 2), 0.0);
}

TEST(GeodesicRingArea, OneObjectServesSeveralThreads) {
  const GeodesicRingArea geodesic(cgcs2000());
  const double expected = geodesic(kBox.data(), 4, 2);
  std::vector<std::thread> threads;
  std::vector<double> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) got[t] = geodesic(kBox.data(), 4, 2);
    });
  }
  for (std::thread& t : threads) t.join();
  for (double g : got) EXPECT_EQ(g, expected);
}

TEST(SurveyRingArea, MatchesTheClosedFormOfTheBand) {
  // python3 tests/oracles/area_band.py 115.6 116.0 25.3 25.9 -> 2670833080.160152955435993
  const SurveyRingArea survey(cgcs2000());
  EXPECT_LE(relative(survey(kBox.data(), 4, 2), 2670833080.160152955435993), 1e-10);
  const std::vector<double> lon = {115.6, 116.0, 116.0, 115.6}, lat = {25.3, 25.3, 25.9, 25.9};
  EXPECT_EQ(survey_ring_area(lon.data(), lat.data(), 4, cgcs2000()), survey(kBox.data(), 4, 2));
  // Straight (B, L) edges against geodesics: about 1.8e-6 apart on a 40 km box.
  EXPECT_GT(relative(survey(kBox.data(), 4, 2), 2670837900.42679), 1e-6);
}

}  // namespace
}  // namespace redline
