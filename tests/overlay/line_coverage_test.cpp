// Coverage of lines by polygons (compute_line_coverage) against shapely/pyproj:
// /usr/bin/python3 tests/oracles/line_coverage.py prints, for tests/data/lines/lines_4527.gpkg
// (layer lines within layer zones: two overlapping squares and one square whose top edge a
// line runs along), fid: planar length, planar inside, geodesic length, geodesic inside (m):
//   1: 2621.363627 2120.252745 2621.047902 2119.996117
//   2: 3500.000000 1299.998000 3499.579588 1299.839152
//   3: 7211.102551 2043.139915 7210.247518 2042.897436
// and for the sample: shoreline_line within redline, geodesic 192015.491352 m, inside
// 13625.892973 m, features inside 12. The oracle drops what lies within 1 mm of the cover's
// boundary (redline cuts on the 1 mm grid), so each crossing may differ by a few mm.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/overlay/line_coverage.h"
#include "support/read_as.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::read_as;

TEST(LineCoverage, MatchesShapelyPlanarAndGeodesic) {
  const std::string file = data_path("lines/lines_4527.gpkg");
  const Layer lines = read_as(file, "lines", LayerGeometry::Lines);
  const Layer zones = read_as(file, "zones", LayerGeometry::Polygons);
  const double planar_inside[3] = {2120.252745, 1299.998000, 2043.139915};
  const double geodesic_inside[3] = {2119.996117, 1299.839152, 2042.897436};
  LineCoverageOptions o;
  o.method = LengthMethod::Planar;
  const LineCoverageResult planar = compute_line_coverage(lines, zones, o);
  const LineCoverageResult geodesic = compute_line_coverage(lines, zones);
  ASSERT_EQ(planar.features.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(planar.features[i].inside_m, planar_inside[i], 0.01) << i;
    EXPECT_NEAR(geodesic.features[i].inside_m, geodesic_inside[i], 0.01) << i;
    EXPECT_DOUBLE_EQ(geodesic.features[i].inside_m + geodesic.features[i].outside_m, geodesic.features[i].length_m);
  }
  // Line 2's second part runs along the touching square's edge: outside, so 1300 m is all of
  // its first part inside the overlapping squares, counted once.
  EXPECT_EQ(planar.features_inside, 3u);
}

TEST(LineCoverage, GroupsAndTotal) {
  const std::string file = data_path("lines/lines_4527.gpkg");
  LineCoverageOptions o;
  o.group_field = "zone";
  const LineCoverageResult r = compute_line_coverage(read_as(file, "lines", LayerGeometry::Lines),
                                                     read_as(file, "zones", LayerGeometry::Polygons), o);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].key, "A");
  EXPECT_NEAR(r.groups[0].inside_m, 2119.996117 + 2042.897436, 0.02);
  EXPECT_NEAR(r.groups[1].inside_m, 1299.839152, 0.01);
  EXPECT_NEAR(r.total.inside_m, 2119.996117 + 1299.839152 + 2042.897436, 0.03);
}

TEST(LineCoverage, SampleShorelineInsideTheRedLineWithinOneMetre) {
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  LineCoverageOptions one, many;
  one.threads = 1;
  many.threads = 5;
  const Layer shore = read_as(sample, "shoreline_line", LayerGeometry::Lines);
  const Layer redline = read_as(sample, "redline", LayerGeometry::Polygons);
  const LineCoverageResult a = compute_line_coverage(shore, redline, one);
  const LineCoverageResult b = compute_line_coverage(shore, redline, many);
  EXPECT_NEAR(a.total.length_m, 192015.491352, 1e-3);
  EXPECT_NEAR(a.total.inside_m, 13625.892973, 1.0);
  EXPECT_EQ(a.features_inside, 12u);
  EXPECT_EQ(a.total.inside_m, b.total.inside_m);  // any thread count, bit for bit
}

TEST(LineCoverage, RefusesPolygonsAsLinesAndPlanarInDegrees) {
  const std::string file = data_path("lines/lines_4490.gpkg");
  const Layer zones = read_as(file, "zones", LayerGeometry::Polygons);
  EXPECT_THROW(compute_line_coverage(zones, zones), InputError);
  LineCoverageOptions o;
  o.method = LengthMethod::Planar;
  EXPECT_THROW(compute_line_coverage(read_as(file, "lines", LayerGeometry::Lines), zones, o), UsageError);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// /usr/bin/python3 tests/oracles/line_coverage.py --other-crs: the EPSG:4490 test lines within
// the sample county (EPSG:4527, taken to 4490), geodesic inside by fid. Here GEOS cuts feature 1
// into lines and a point (where it touches the boundary); the point once stopped the run with
// "Overlay input is mixed-dimension".
TEST(LineCoverage, CoverInAnotherCrsIsTakenToTheLines) {
  const Layer lines = read_as(data_path("lines/lines_4490.gpkg"), "lines", LayerGeometry::Lines);
  const Layer county = read_as(test::source_path("samples/huichang/huichang.gpkg"), "county", LayerGeometry::Polygons);
  const LineCoverageResult r = compute_line_coverage(lines, county);
  EXPECT_EQ(r.crs.epsg(), 4490);
  const std::map<std::int64_t, double> oracle = {
      {1, 23059.070427}, {2, 28047.874106}, {3, 2419.478072}, {7, 48422.240452}};
  for (const FeatureLineCoverage& f : r.features) {
    auto it = oracle.find(f.fid);
    EXPECT_NEAR(f.inside_m, it == oracle.end() ? 0.0 : it->second, 1.0) << "fid " << f.fid;
  }
}

}  // namespace
}  // namespace redline
