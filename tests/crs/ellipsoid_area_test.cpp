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

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "crs/authalic_area.h"

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

// ---- The fast figure (authalic sphere + lens) against oracles -------------------------------
// Exact figures: /usr/bin/python3 tests/oracles/authalic_area_exact.py ring "lat lon" ...
// (40 digits; its truncation is < 2e-10 m² per edge up to 1 km). Planimeter figures:
//   printf "lat lon\n..." | Planimeter -e 6378137000 1/298.257222101 -p 10   (area / 1e6)
// Planimeter (Karney's algorithm in double, like PROJ and PostGIS) rounds each edge's area to
// the equator to ~3e-5 m², so it is held to 1e-4 m² per ring on small rings; the exact figure
// to 1e-7 m² plus 1e-11 relative (the fast figure's own rounding).

struct Quad {
  double lat0, d, exact, planimeter;
};
// Skewed quadrilaterals of edge ~d degrees (1 m .. 1 km) at (lat0, 115.5): vertices
// (lat0, 115.5), (lat0 + 0.3d, 115.5 + d), (lat0 + 1.1d, 115.5 + 0.6d), (lat0 + 0.7d, 115.5 - 0.2d).
const Quad kQuads[] = {
    // At the equator:
    {0.05, 1e-5, 0.96010726613562565, 0.9600970594}, {0.05, 1e-4, 96.01072656894872, 96.0107507411},
    {0.05, 1e-3, 9601.0725886476107, 9601.0725785277}, {0.05, 1e-2, 960107.18948385144, 960107.1894620964},
    // At Huichang's latitude:
    {25.5, 1e-5, 0.8687333731877831, 0.8687287992}, {25.5, 1e-4, 86.873304412321962, 86.8732864131},
    {25.5, 1e-3, 8687.2975192740701, 8687.2975243516}, {25.5, 1e-2, 868696.82839811616, 868696.8283876250},
    // At 55 degrees:
    {55.0, 1e-5, 0.55567601795698792, 0.5556778565}, {55.0, 1e-4, 55.567540724601497, 55.5675369062},
    {55.0, 1e-3, 5556.6929845942927, 5556.6929840312}, {55.0, 1e-2, 555608.20855955827, 555608.2085547500},
};

std::vector<double> quad(const Quad& q) {
  const double a = q.lat0, o = 115.5, d = q.d;
  return {o, a, o + d, a + 0.3 * d, o + 0.6 * d, a + 1.1 * d, o - 0.2 * d, a + 0.7 * d};
}

TEST(GeodesicRingArea, SmallRingsMatchTheExactAreaAndPlanimeter) {
  const GeodesicRingArea geodesic(cgcs2000());
  for (const Quad& q : kQuads) {
    const std::vector<double> ring = quad(q);
    const double fast = geodesic(ring.data(), 4, 2);
    EXPECT_NEAR(fast, q.exact, 1e-7 + 1e-11 * q.exact) << q.lat0 << " " << q.d;
    EXPECT_NEAR(fast, q.planimeter, 1e-4) << q.lat0 << " " << q.d;
    EXPECT_NEAR(geodesic.karney(ring.data(), 4, 2), q.planimeter, 1e-4) << q.lat0 << " " << q.d;
  }
}

TEST(GeodesicRingArea, OneVertexMovedByOneUlpMovesTheAreaByAlmostNothing) {
  // The exact area moves by ~4e-8 m² (one ulp of latitude, 4e-10 m, times a 100 m edge); the
  // fast figure follows it to its rounding (~1e-7 m²: edges' areas to the equator ~3e8 m²),
  // where Karney's in double jumps by up to ~2e-5 m².
  const GeodesicRingArea geodesic(cgcs2000());
  std::vector<double> ring = quad(kQuads[6]);
  const double before = geodesic(ring.data(), 4, 2);
  for (int k = 0; k < 8; ++k) {
    ring[3] = std::nextafter(ring[3], 90.0);
    EXPECT_NEAR(geodesic(ring.data(), 4, 2), before, 5e-7);
  }
}

TEST(GeodesicRingArea, LongEdgesAmongShortOnesTakeKarneysFigure) {
  // 500 edges of ~100 m along a wavy line at 25.5 degrees, then two edges of ~45 km through
  // (25.9, 115.25): the long edges exceed the bound and take Karney's S12, the short ones the
  // fast figure; the sum is Planimeter's (Planimeter -e 6378137 1/298.257222101 -p 10 on
  // lat = 25.5 + 0.0003 sin k, lon = 115 + 0.001 k, k = 0..500, then 25.9 115.25).
  std::vector<double> ring;
  for (int k = 0; k <= 500; ++k) ring.insert(ring.end(), {115 + k * 0.001, 25.5 + 0.0003 * std::sin(k)});
  ring.insert(ring.end(), {115.25, 25.9});
  const GeodesicRingArea geodesic(cgcs2000());
  const double planimeter = 1113793857.066490;
  EXPECT_LE(relative(geodesic(ring.data(), ring.size() / 2, 2), planimeter), 1e-12);
  EXPECT_LE(relative(geodesic.karney(ring.data(), ring.size() / 2, 2), planimeter), 1e-12);
}

TEST(GeodesicRingArea, OneDegreeSquareAndCountyMatchPlanimeter) {
  const GeodesicRingArea geodesic(cgcs2000());
  // printf "25 115\n25 116\n26 116\n26 115\n" | Planimeter -e 6378137 1/298.257222101 -p 10
  const std::vector<double> degree = {115, 25, 116, 25, 116, 26, 115, 26};
  EXPECT_LE(relative(geodesic(degree.data(), 4, 2), 11137594240.210630), 1e-12);
  // A county: 2000 vertices (edges ~100 m) on a wobbly circle round (25.6, 115.7): vertex k at
  // t = 2 pi k / 2000, r = 1 + 0.1 sin 7t, lon = 115.7 + 0.3 r cos t, lat = 25.6 + 0.27 r sin t,
  // rounded to 1e-9 degrees (the same in Python). Planimeter -p 10: 2846007007.57723;
  // authalic_area_exact.py: 2846007007.5774897.
  std::vector<double> county;
  for (int k = 0; k < 2000; ++k) {
    const double t = 2 * M_PI * k / 2000, r = 1 + 0.1 * std::sin(7 * t);
    county.push_back(std::round((115.7 + 0.3 * r * std::cos(t)) * 1e9) / 1e9);
    county.push_back(std::round((25.6 + 0.27 * r * std::sin(t)) * 1e9) / 1e9);
  }
  const double fast = geodesic(county.data(), county.size() / 2, 2);
  EXPECT_LE(relative(fast, 2846007007.57723), 1e-13);
  EXPECT_NEAR(fast, 2846007007.5774897, 1e-5);
}

TEST(GeodesicRingArea, RingsAcrossTheAntimeridianAndRoundThePole) {
  const GeodesicRingArea geodesic(cgcs2000());
  // 1 km quad straddling 180 degrees: the same area as anywhere else on the parallel.
  const std::vector<double> here = {179.995, 25.5, 180.005, 25.5, 180.005, 25.51, 179.995, 25.51};
  const std::vector<double> across = {179.995, 25.5, -179.995, 25.5, -179.995, 25.51, 179.995, 25.51};
  EXPECT_NEAR(geodesic(across.data(), 4, 2), geodesic(here.data(), 4, 2), 1e-6);
  EXPECT_NEAR(geodesic(across.data(), 4, 2), geodesic.karney(across.data(), 4, 2), 1e-4);
  // A ring round the north pole along 70 degrees (720 short edges): Karney's bookkeeping.
  std::vector<double> cap;
  for (int k = 0; k < 720; ++k) cap.insert(cap.end(), {k * 0.5 - 180, 70.0});
  EXPECT_EQ(geodesic(cap.data(), 720, 2), geodesic.karney(cap.data(), 720, 2));
  // Beyond 80 degrees every edge is Karney's.
  const std::vector<double> polar = {10, 85, 10.01, 85, 10.01, 85.01, 10, 85.01};
  EXPECT_EQ(geodesic(polar.data(), 4, 2), geodesic.karney(polar.data(), 4, 2));
}

// The polynomials that stand in for libm on short edges agree with libm (the oracle: glibc's
// tan, atan and atanh, correct to within an ulp) to a few ulps over their whole range, and
// hand over to libm beyond it.
TEST(AuthalicEdges, SmallAngleTanAndAtanAgreeWithLibm) {
  using E = detail::AuthalicEdges;
  for (int i = -2000; i <= 2000; ++i) {
    // Angles spread over [-1/64, 1/64] and down to 1e-12 on a log scale.
    const double h = std::copysign(E::kSmallAngle * std::pow(1e-10, std::abs(i) / 2000.0), i) * 0.999999;
    EXPECT_NEAR(E::small_tan(h), std::tan(h), 4e-16 * std::fabs(std::tan(h))) << h;
    EXPECT_NEAR(E::small_atan(h), std::atan(h), 4e-16 * std::fabs(std::atan(h))) << h;
  }
  EXPECT_EQ(E::small_tan(0.0), 0.0);
  EXPECT_EQ(E::small_tan(0.5), std::tan(0.5));    // beyond the polynomial: libm's own figure
  EXPECT_EQ(E::small_atan(-0.5), std::atan(-0.5));
}

TEST(AuthalicEdges, SeriesOfQAgreesWithItsClosedForm) {
  using E = detail::AuthalicEdges;
  const Ellipsoid el = cgcs2000();
  const double f = 1.0 / el.inverse_flattening, e2 = f * (2 - f), e = std::sqrt(e2);
  for (int i = 1; i <= 800; ++i) {
    const double s = std::sin(i * 0.1 * M_PI / 180.0);  // latitudes 0.1 .. 80 degrees
    const double closed = 1.0 / (1.0 - e2 * s * s) + std::atanh(e * s) / (e * s);
    EXPECT_NEAR(E::q_series(e2 * s * s), closed, 8e-16 * closed) << i * 0.1;
  }
}

// The truncation bound itself: the fast figure forced onto long edges stays within the sum of
// its edges' bounds C L^5 / cos^2 of Karney's (whose rounding is negligible at these sizes).
TEST(AuthalicEdges, FigureStaysWithinItsBoundOnLongEdges) {
  const Ellipsoid el = cgcs2000();
  const detail::AuthalicEdges authalic(el.semi_major, 1.0 / el.inverse_flattening);
  const GeodesicRingArea geodesic(el);
  for (double lat0 : {0.05, 25.5, 45.0, 55.0, 70.0, 79.0}) {
    for (double d : {0.05, 0.1, 0.3, 0.6}) {  // ~5 km .. ~65 km edges
      const std::vector<double> ring = quad(Quad{lat0, d, 0, 0});
      double fast = 0, bound = 0;
      for (int i = 0; i < 4; ++i) {
        const int j = (i + 1) % 4;
        const auto a = authalic.vertex(ring[2 * i], ring[2 * i + 1]);
        const auto b = authalic.vertex(ring[2 * j], ring[2 * j + 1]);
        const auto e = authalic.edge(a, b, b.lon - a.lon);
        fast += e.area;
        bound += detail::AuthalicEdges::bound(a, b, e);
      }
      const double karney = geodesic.karney(ring.data(), 4, 2);
      EXPECT_LE(std::fabs(std::fabs(fast) - karney), bound + 1e-3 + 1e-14 * karney) << lat0 << " " << d;
      // And the bound is not vacuous: at 25.5 degrees, the worst latitude, within 50x of what
      // is left.
      if (lat0 == 25.5 && d >= 0.3) {
        EXPECT_LE(bound, 50 * std::fabs(std::fabs(fast) - karney)) << lat0 << " " << d;
      }
    }
  }
}

// Many random small rings (seeded): the fast figure against Karney's, which the exact path still
// computes. Their difference is Karney's rounding (<= 1e-4 m² per edge, measured ~3e-5) plus
// the fast figure's truncation budget (1e-6 m²).
TEST(GeodesicRingArea, RandomSmallRingsAgreeWithKarney) {
  const GeodesicRingArea geodesic(cgcs2000());
  std::mt19937_64 random(13);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  double worst = 0;
  for (int r = 0; r < 3000; ++r) {
    const int n = 3 + static_cast<int>(unit(random) * 40);
    const double size = std::pow(10.0, unit(random) * 3.5) / 111000.0;  // 1 m .. 3 km, degrees
    const double lat0 = -60 + 120 * unit(random), lon0 = -180 + 360 * unit(random);
    std::vector<double> angles(n);
    for (double& a : angles) a = 2 * M_PI * unit(random);
    std::sort(angles.begin(), angles.end());
    std::vector<double> ring;
    for (double a : angles) {
      const double radius = size * (0.3 + 0.7 * unit(random));
      ring.insert(ring.end(), {lon0 + radius * std::cos(a) / std::cos(lat0 * M_PI / 180), lat0 + radius * std::sin(a)});
    }
    const double fast = geodesic(ring.data(), n, 2), karney = geodesic.karney(ring.data(), n, 2);
    EXPECT_NEAR(fast, karney, GeodesicRingArea::kTruncationTolerance + 1e-4 * n + 1e-12 * karney) << r;
    worst = std::max(worst, std::fabs(fast - karney));
  }
  EXPECT_GT(worst, 0.0);  // the two paths really are different computations
}

}  // namespace
}  // namespace redline
