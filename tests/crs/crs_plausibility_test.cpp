// read_layer() checks the CRS (from ReadOptions::assume_crs or from the .prj) against the
// coordinates: a geographic CRS over metres, a Gauss-Krüger zone prefix the eastings
// contradict, coordinates far outside the CRS's area of use. Refused with the likely CRS, or
// accepted knowingly with trust_crs and a note. Data: tests/oracles/make_hostile_data.py.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::contains;

using test::read_error;

ReadOptions assuming(const std::string& crs, bool trust = false) {
  ReadOptions options;
  options.assume_crs = crs;
  options.trust_crs = trust;
  return options;
}

TEST(CrsCheck, AssumedGeographicCrsOverMetresIsRefused) {
  // Before: ellipsoidal area printed "nan" ha with exit 0.
  const InputError e = read_error(data_path("io/noprj_zone39.shp"), assuming("EPSG:4490"));
  EXPECT_TRUE(contains(e.reason(), "is geographic (degrees)")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "the likely CRS is EPSG:4527")) << e.what();
  EXPECT_EQ(e.where().feature, 0);  // the first feature that cannot be in degrees
}

TEST(CrsCheck, DeclaredGeographicCrsOverMetresIsRefused) {
  const InputError e = read_error(data_path("io/zone39_prj4490.shp"));
  EXPECT_TRUE(contains(e.reason(), "EPSG:4490")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "the likely CRS is EPSG:4527")) << e.what();
}

TEST(CrsCheck, TrustCannotMakeMetresDegrees) {
  const InputError e = read_error(data_path("io/noprj_zone39.shp"), assuming("EPSG:4490", true));
  EXPECT_TRUE(contains(e.reason(), "is geographic (degrees)")) << e.what();
}

TEST(CrsCheck, AssumedZonePrefixContradictedByEastingsIsRefused) {
  // EPSG:4526 is zone 38 (false easting 38 500 000 m); the eastings are 39 39x xxx m.
  const InputError e = read_error(data_path("io/noprj_zone39.shp"), assuming("EPSG:4526"));
  EXPECT_TRUE(contains(e.reason(), "false easting 38500000 m")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "the likely CRS is EPSG:4527")) << e.what();
  EXPECT_EQ(e.where().layer, "noprj_zone39");
  EXPECT_FALSE(e.where().feature.has_value());
}

TEST(CrsCheck, DeclaredZonePrefixContradictedByEastingsIsRefused) {
  const InputError e = read_error(data_path("io/zone39_prj4526.shp"));
  EXPECT_TRUE(contains(e.reason(), "zone prefix 38")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "EPSG:4527")) << e.what();
}

TEST(CrsCheck, ZoneWithoutPrefixOverPrefixedEastingsIsRefused) {
  // EPSG:4548 is GK CM 117°E without prefix (false easting 500 000 m).
  const InputError e = read_error(data_path("io/noprj_zone39.shp"), assuming("EPSG:4548"));
  EXPECT_TRUE(contains(e.reason(), "no zone prefix")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "EPSG:4527")) << e.what();
}

TEST(CrsCheck, DegreesUnderAProjectedCrsAreFarOutsideItsAreaOfUse) {
  // parcels_4490's longitudes/latitudes read as metres of EPSG:4539 (GK CM 90°E): 116 m east
  // of the false origin is 85.5°E on the equator, far from 88.5–91.5°E, 27–48°N.
  const InputError e = read_error(data_path("io/degrees_prj4539.shp"));
  EXPECT_TRUE(contains(e.reason(), "far outside its area of use")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "the likely CRS is EPSG:4490")) << e.what();
}

TEST(CrsCheck, TrustedCrsIsUsedAndTheReportSaysSo) {
  const Layer layer = read_layer(data_path("io/noprj_zone39.shp"), assuming("EPSG:4526", true));
  EXPECT_EQ(layer.crs.epsg(), 4526);
  EXPECT_EQ(layer.features.size(), 12u);
  bool noted = false;
  for (const std::string& note : layer.report.notes) {
    noted = noted || (contains(note, "CRS trusted as asked") && contains(note, "EPSG:4527"));
  }
  EXPECT_TRUE(noted);
  // The trusted CRS is really used: zone 38's inverse projection over the zone-39 eastings.
  // /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/io/noprj_zone39.shp --zone 38
  // (pyproj EPSG:4526 → lon/lat, then Planimeter -e 6378137 1/298.257222101): "total".
  // 2 % below the 17312.67 m² of the right CRS, EPSG:4527: why the CRS is refused by default.
  constexpr double kZone38Planimeter = 16976.745901295049;
  AreaCalculator calc(layer.crs, AreaMethod::Ellipsoidal);
  double total = 0;
  for (const Feature& f : layer.features) total += calc.area(f.geometry);
  EXPECT_NEAR(total / kZone38Planimeter, 1.0, 1e-8);
}

TEST(CrsCheck, RightCrsIsAcceptedWithoutNote) {
  for (const char* path : {"area/parcels_4527.shp", "area/large_4527.shp", "area/large_4490.shp"}) {
    const Layer layer = read_layer(data_path(path));
    for (const std::string& note : layer.report.notes) {
      EXPECT_FALSE(contains(note, "CRS")) << path << ": " << note;
    }
  }
  const Layer assumed = read_layer(data_path("io/noprj_zone39.shp"), assuming("EPSG:4527"));
  EXPECT_EQ(assumed.features.size(), 12u);
}

}  // namespace
}  // namespace redline
