// Line lengths by both methods, against independent oracles.
//
// Geodesic figures: /usr/bin/python3 tests/oracles/line_lengths.py (GeographicLib's
// `GeodSolve -i -e 6378137 1/298.257222101 -p 9` per segment, summed; EPSG:4527 vertices taken
// to longitude/latitude with pyproj first); planar figures: shapely's length, same script.
// Sample figures: /usr/bin/python3 tests/oracles/shoreline_length.py (GeoPandas to EPSG:4490,
// pyproj Geod(a=6378137, f=1/298.257222101).geometry_length).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "redline/crs/geodesic_length.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/length.h"
#include "redline/measure/length_summary.h"
#include "redline/measure/units.h"
#include "support/read_as.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

Layer read_lines(const std::string& path, const std::string& layer) {
  return test::read_as(path, layer, LayerGeometry::Lines);
}

const std::string kSample = test::source_path("samples/huichang/huichang.gpkg");

double relative(double value, double expected) { return std::fabs(value - expected) / expected; }

TEST(GeodesicLength, MatchesGeodSolveOnGeographicLines) {
  // tests/oracles/line_lengths.py, "EPSG:4490 geodesic (m)"
  const std::map<std::int64_t, double> geodsolve = {
      {1, 28215.123613024}, {2, 28047.874105930}, {3, 10302.309066633}, {7, 66995.809597418}};
  const Layer layer = read_lines(data_path("lines/lines_4490.gpkg"), "lines");
  LengthCalculator calc(layer.crs, LengthMethod::Ellipsoidal);
  for (const Feature& f : layer.features) {
    const double m = calc.length(f.geometry);
    auto expected = geodsolve.find(f.fid);
    if (expected == geodsolve.end()) {
      EXPECT_EQ(m, 0.0) << "fid " << f.fid;  // null, empty, degenerate
    } else {
      EXPECT_LT(relative(m, expected->second), 1e-9) << "fid " << f.fid << ": " << m;
    }
  }
}

TEST(GeodesicLength, MatchesGeodSolveOnGaussKrugerLines) {
  // tests/oracles/line_lengths.py, "EPSG:4527 geodesic (m), planar (m)"
  const double geodsolve[3] = {2621.047901639, 3499.579587781, 7210.247517731};
  const double shapely[3] = {2621.363626587, 3500.000000000, 7211.102550928};
  const Layer layer = read_lines(data_path("lines/lines_4527.gpkg"), "lines");
  ASSERT_EQ(layer.features.size(), 3u);
  LengthCalculator ellipsoidal(layer.crs, LengthMethod::Ellipsoidal);
  LengthCalculator planar(layer.crs, LengthMethod::Planar);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_LT(relative(ellipsoidal.length(layer.features[i].geometry), geodsolve[i]), 1e-9) << i;
    EXPECT_NEAR(planar.length(layer.features[i].geometry), shapely[i], 1e-6) << i;
  }
}

TEST(GeodesicLength, OneSegmentIsGeodSolveInverse) {
  // echo "25.5 115.5 25.55 115.6" | GeodSolve -i -e 6378137 1/298.257222101 -p 9
  //   -> 61.12126319297040 61.16435369433741 11476.820539874
  const GeodesicPathLength geodesic(Crs::from_user_input("EPSG:4490").ellipsoid());
  const double xy[4] = {115.5, 25.5, 115.6, 25.55};
  EXPECT_LT(relative(geodesic(xy, 2, 2), 11476.820539874), 1e-12);
  EXPECT_EQ(geodesic(xy, 1, 2), 0.0);
}

TEST(LengthCalculator, RefusesPlanarOnAGeographicCrs) {
  try {
    LengthCalculator calc(Crs::from_user_input("EPSG:4490"), LengthMethod::Planar);
    FAIL() << "planar accepted on EPSG:4490";
  } catch (const UsageError& e) {
    EXPECT_TRUE(test::contains(e.reason(), "method planar needs a projected CRS")) << e.reason();
  }
}

TEST(LengthSummary, SampleShorelineMatchesGeoPandasInTotalAndByZone) {
  // tests/oracles/shoreline_length.py: features 129, total 192015.491352 m
  const Layer layer = read_lines(kSample, "shoreline_line");
  LengthOptions o;
  o.group_field = "GNFQ";
  const LengthSummary s = summarize_lengths(layer, o);
  EXPECT_EQ(s.features.size(), 129u);
  EXPECT_NEAR(s.total_m, 192015.491352, 1e-3);
  const std::map<std::string, double> zones = {{"岸线保护区", 64407.566753},
                                               {"岸线保留区", 97307.933481},
                                               {"岸线开发利用区", 11198.266715},
                                               {"岸线控制利用区", 19101.724403}};
  ASSERT_EQ(s.groups.size(), zones.size());
  for (const GroupLength& g : s.groups) EXPECT_NEAR(g.m, zones.at(g.key), 1e-3) << g.key;
}

TEST(LengthSummary, SameAnswerForAnyThreadCount) {
  const Layer layer = read_lines(kSample, "shoreline_line");
  LengthOptions one, many;
  one.threads = 1;
  many.threads = 7;
  const LengthSummary a = summarize_lengths(layer, one), b = summarize_lengths(layer, many);
  EXPECT_EQ(a.total_m, b.total_m);  // bit for bit
}

TEST(LengthSummary, RefusesAPolygonLayer) {
  const Layer polygons = test::read_as(data_path("lines/lines_4490.gpkg"), "zones", LayerGeometry::Polygons);
  EXPECT_THROW(summarize_lengths(polygons), InputError);
}

TEST(LengthUnits, NamesAndChineseNames) {
  EXPECT_EQ(parse_length_unit("米"), LengthUnit::Metre);
  EXPECT_EQ(parse_length_unit("公里"), LengthUnit::Kilometre);
  EXPECT_EQ(parse_length_unit("KM"), LengthUnit::Kilometre);
  EXPECT_EQ(from_metres(1500.0, LengthUnit::Kilometre), 1.5);
  EXPECT_EQ(display_decimals(LengthUnit::Metre), 2);
  EXPECT_EQ(display_decimals(LengthUnit::Kilometre), 4);
  try {
    parse_length_unit("ha");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "unknown length unit 'ha' (expected m or km; or 米, 公里)");
  }
  EXPECT_EQ(parse_length_method("geodesic"), LengthMethod::Ellipsoidal);
  EXPECT_THROW(parse_length_method("survey"), UsageError);
}

}  // namespace
}  // namespace redline
