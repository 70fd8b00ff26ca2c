// CRS parsing, the CRS suggestion for files without one, and coordinate transformation checked
// against GeographicLib's exact transverse Mercator.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "redline/crs/crs.h"
#include "redline/crs/transform.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

Envelope box(double min_x, double min_y, double max_x, double max_y) {
  Envelope e;
  e.min_x = min_x, e.min_y = min_y, e.max_x = max_x, e.max_y = max_y;
  e.is_null = false;
  return e;
}

using test::contains;

TEST(GuessCrs, ZonePrefix39IsEpsg4527) {
  // Eastings of tests/data/io/noprj_zone39.shp (Huichang, CM 117°E).
  const CrsGuess g = guess_crs(box(39397972.472, 2821967.655, 39398392.02, 2822273.533));
  EXPECT_EQ(g.suggestion, "EPSG:4527");
  EXPECT_TRUE(contains(g.explanation, "zone 39")) << g.explanation;
}

TEST(GuessCrs, ZonePrefix38IsEpsg4526) {
  // West of 115.5°E Huichang falls in zone 38 (CM 114°E): 4513 + 38 - 25.
  const CrsGuess g = guess_crs(box(38600000, 2790000, 38650000, 2860000));
  EXPECT_EQ(g.suggestion, "EPSG:4526");
}

TEST(GuessCrs, SixDegreeZone20IsEpsg4498) {
  // 6-degree zone 20 (CM 117°E) with prefix: EPSG:4491 + 20 - 13.
  const CrsGuess g = guess_crs(box(20400000, 2800000, 20450000, 2860000));
  EXPECT_EQ(g.suggestion, "EPSG:4498");
  EXPECT_TRUE(contains(g.explanation, "6-degree")) << g.explanation;
}

TEST(GuessCrs, SixDigitEastingsGiveNoSuggestionButSayWhy) {
  const CrsGuess g = guess_crs(box(397972.472, 2821967.655, 398392.02, 2822273.533));
  EXPECT_EQ(g.suggestion, "");
  EXPECT_TRUE(contains(g.explanation, "6 digits")) << g.explanation;
  EXPECT_TRUE(contains(g.explanation, "zone cannot be told")) << g.explanation;
}

// A shapefile header's extent can be anything: inverted, huge or not finite. The guess must
// then say it knows no pattern, never convert an absurd easting to a zone number (found by the
// shapefile fuzzer: tests/data/fuzz/read_shapefile/guess_crs_*).
TEST(GuessCrs, DamagedExtentsGiveNoSuggestion) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const Envelope& e : {Envelope{3.0e251, 2.8e6, 3.9e7, 2.9e6, false},   // min above max
                            Envelope{3.9e7, 2.8e6, -2.4e12, 2.9e6, false},  // max below min
                            Envelope{4.7e27, 2.8e6, 4.7e27, 2.9e6, false},  // 28 digits
                            Envelope{nan, 2.8e6, 3.9e7, 2.9e6, false},
                            Envelope{-inf, 2.8e6, inf, 2.9e6, false}}) {
    const CrsGuess g = guess_crs(e);
    EXPECT_EQ(g.suggestion, "") << e.min_x << " .. " << e.max_x;
    EXPECT_EQ(g.explanation, "the coordinates match no CGCS2000 pattern redline knows") << e.min_x << " .. " << e.max_x;
  }
}

TEST(GuessCrs, DegreesAreEpsg4490) {
  const CrsGuess g = guess_crs(box(115.6, 25.3, 116.0, 25.9));
  EXPECT_EQ(g.suggestion, "EPSG:4490");
}

TEST(GuessCrs, TwoZonePrefixesGiveNoSuggestion) {
  const CrsGuess g = guess_crs(box(38600000, 2790000, 39400000, 2860000));
  EXPECT_EQ(g.suggestion, "");
  EXPECT_FALSE(g.explanation.empty());
}

TEST(GuessCrs, NothingToSayAboutAnEmptyLayer) {
  const CrsGuess g = guess_crs(Envelope());
  EXPECT_EQ(g.suggestion, "");
}

TEST(Crs, FromEpsgCode) {
  const Crs crs = Crs::from_user_input("EPSG:4527");
  EXPECT_TRUE(crs.is_known());
  EXPECT_TRUE(crs.is_projected());
  EXPECT_FALSE(crs.is_geographic());
  EXPECT_EQ(crs.epsg(), 4527);
  EXPECT_EQ(crs.ellipsoid().semi_major, 6378137.0);               // domain.md: CGCS2000
  EXPECT_DOUBLE_EQ(crs.ellipsoid().inverse_flattening, 298.257222101);
  EXPECT_TRUE(contains(crs.label(), "EPSG:4527")) << crs.label();

  const Crs geographic = Crs::from_user_input("EPSG:4490");
  EXPECT_TRUE(geographic.is_geographic());
  EXPECT_EQ(geographic.epsg(), 4490);
}

TEST(Crs, FromEsriWktOfAPrjFile) {
  // The .prj GDAL writes for EPSG:4527 (ESRI WKT1) is recognised as EPSG:4527.
  const Crs crs = Crs::from_user_input(test::read_file(test::data_path("area/parcels_4527.prj")));
  EXPECT_TRUE(crs.is_projected());
  EXPECT_EQ(crs.epsg(), 4527);
  EXPECT_TRUE(crs.equivalent_to(Crs::from_user_input("EPSG:4527")));
}

TEST(Crs, FromWkt2RoundTrips) {
  const Crs epsg = Crs::from_user_input("EPSG:4527");
  const Crs again = Crs::from_user_input(epsg.wkt());
  EXPECT_TRUE(again.equivalent_to(epsg));
  EXPECT_EQ(again.epsg(), 4527);
}

TEST(Crs, FromProjString) {
  const Crs crs = Crs::from_user_input(
      "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs");
  EXPECT_TRUE(crs.is_projected());
  EXPECT_EQ(crs.ellipsoid().semi_major, 6378137.0);
  EXPECT_DOUBLE_EQ(crs.ellipsoid().inverse_flattening, 298.257222101);
  // PROJ names such a CRS "unknown"; the label must not say so of a CRS the user gave.
  EXPECT_TRUE(contains(crs.label(), "+proj=tmerc")) << crs.label();
}

TEST(Crs, GarbageIsUsageErrorNamingTheText) {
  for (const char* text : {"EPSG:99999", "not a crs", "+proj=nonsense"}) {
    try {
      Crs::from_user_input(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const UsageError& e) {
      EXPECT_TRUE(contains(e.what(), text)) << e.what();
    }
  }
}

TEST(Crs, UnknownCrsesAreEquivalentOnlyToEachOther) {
  EXPECT_TRUE(Crs().equivalent_to(Crs()));
  EXPECT_FALSE(Crs().equivalent_to(Crs::from_user_input("EPSG:4527")));
  EXPECT_EQ(Crs().label(), "unknown");
}

TEST(CoordinateTransform, ToGeographicMatchesExactTransverseMercator) {
  // echo "-101975.791 2822019.849" |
  //   TransverseMercatorProj -r -l 117 -k 1 -e 6378137 1/298.257222101 -p 12 -w
  // -> 115.985715511132497 25.501703623089185 (lon, lat)
  CoordinateTransform t = CoordinateTransform::to_geographic(Crs::from_user_input("EPSG:4527"));
  double x = 39398024.209, y = 2822019.849;
  t.apply(&x, &y, 1);
  EXPECT_NEAR(x, 115.985715511132497, 1e-11);  // 1e-11° ~ 1 µm
  EXPECT_NEAR(y, 25.501703623089185, 1e-11);
}

TEST(CoordinateTransform, GeographicToGaussKrugerMatchesExactTransverseMercator) {
  // echo "25.5 116" | TransverseMercatorProj -l 117 -k 1 -e 6378137 1/298.257222101 -p 9
  // -> -100540.959043281 2821820.232097898 (then + 39 500 000 false easting)
  CoordinateTransform t(Crs::from_user_input("EPSG:4490"), Crs::from_user_input("EPSG:4527"));
  double x = 116.0, y = 25.5;  // traditional GIS order whatever EPSG says
  t.apply(&x, &y, 1);
  EXPECT_NEAR(x, 39500000.0 - 100540.959043281, 1e-6);
  EXPECT_NEAR(y, 2821820.232097898, 1e-6);
}

TEST(CoordinateTransform, UnknownCrsIsUsageError) {
  EXPECT_THROW(CoordinateTransform(Crs(), Crs::from_user_input("EPSG:4527")), UsageError);
}

}  // namespace
}  // namespace redline
