// read_layer() refuses coordinates no figure can come from: NaN, infinity, absurdly large values
// (tests/data/io/{nan,inf,huge}_vertex.shp), and, in a geographic CRS, rings round a pole or across
// the antimeridian (tests/data/io/wrapping_rings.gpkg), which flat lon/lat polygons cannot hold.
// Data: tests/oracles/make_hostile_data.py.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
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

TEST(CoordinateCheck, NanVertexIsRefusedNamingTheFeature) {
  const InputError e = read_error(data_path("io/nan_vertex.shp"));
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_EQ(e.where().layer, "nan_vertex");
  EXPECT_TRUE(contains(e.reason(), "(nan, 2822100) is not a finite number")) << e.what();
}

TEST(CoordinateCheck, InfiniteVertexIsRefusedNamingTheFeature) {
  const InputError e = read_error(data_path("io/inf_vertex.shp"));
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_TRUE(contains(e.reason(), "(inf, 2822100) is not a finite number")) << e.what();
}

TEST(CoordinateCheck, AbsurdVertexIsRefusedNamingTheFeature) {
  const InputError e = read_error(data_path("io/huge_vertex.shp"));
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_TRUE(contains(e.reason(), "(1e+300, 2822100) lies beyond ±1e+09")) << e.what();
}

TEST(CoordinateCheck, RefusedWhateverThePolicy) {
  // Skipping or repairing cannot make a NaN vertex meaningful: the refusal comes first.
  for (InvalidPolicy policy : {InvalidPolicy::Repair, InvalidPolicy::Skip, InvalidPolicy::Fail,
                               InvalidPolicy::RepairStrict}) {
    ReadOptions options;
    options.invalid = policy;
    EXPECT_EQ(read_error(data_path("io/nan_vertex.shp"), options).where().feature, 1);
  }
}

TEST(CoordinateCheck, RingRoundThePoleIsRefused) {
  // A ring at 80°N through longitudes -180, -135, ..., 180: valid on the ellipsoid (PostGIS
  // geography measures the cap), a line folded on itself in flat lon/lat, which MakeValid would
  // "repair" to nothing.
  ReadOptions options;
  options.layer = "pole";
  const InputError e = read_error(data_path("io/wrapping_rings.gpkg"), options);
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_TRUE(contains(e.reason(), "from (180, 80) to (-180, 80), across 360° of longitude"))
      << e.what();
  EXPECT_TRUE(contains(e.reason(), "encloses a pole or crosses the antimeridian")) << e.what();
}

TEST(CoordinateCheck, RingAcrossTheAntimeridianIsRefused) {
  ReadOptions options;
  options.layer = "antimeridian";
  const InputError e = read_error(data_path("io/wrapping_rings.gpkg"), options);
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_TRUE(contains(e.reason(), "from (170, 10) to (-170, 10), across 340° of longitude"))
      << e.what();
}

TEST(CoordinateCheck, RepairAndSkipDoNotHideAWrappingRing) {
  for (InvalidPolicy policy : {InvalidPolicy::Repair, InvalidPolicy::Skip}) {
    ReadOptions options;
    options.layer = "pole";
    options.invalid = policy;
    EXPECT_TRUE(contains(read_error(data_path("io/wrapping_rings.gpkg"), options).reason(),
                         "encloses a pole"));
  }
}

// A hole drawn outside its shell, at a latitude of 4525°: GEOS's envelope of a polygon is its
// shell's, so a check made on it missed the hole, and the repair made it a part of its own whose
// geodesic area was NaN (found by the GeoJSON fuzzer:
// tests/data/fuzz/read_geojson/hole_beyond_the_pole.bin). Every vertex counts.
TEST(CoordinateCheck, HoleBeyondThePoleIsRefusedThoughItsShellIsOrdinary) {
  const std::string path = test::work_dir("coordinate_check_hole") + "/hole.geojson";
  std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                      << R"("properties":{"BSM":"1"},"geometry":{"type":"Polygon","coordinates":[)"
                      << R"([[115.5,25.5],[115.6,25.5],[115.6,25.6],[115.5,25.6],[115.5,25.5]],)"
                      << R"([[115.52,25.52],[115.53,4525.52],[115.54,25.54],[115.52,25.52]]]}}]})";
  for (InvalidPolicy policy : {InvalidPolicy::Repair, InvalidPolicy::Skip}) {
    ReadOptions options;
    options.invalid = policy;
    const InputError e = read_error(path, options);
    ASSERT_TRUE(e.where().feature.has_value()) << e.what();
    EXPECT_TRUE(contains(e.what(), "4525.52")) << e.what();
    EXPECT_TRUE(contains(e.what(), "not degrees")) << e.what();
  }
}

TEST(CoordinateCheck, OrdinaryGeographicLayerIsRead) {
  // The same parcels in EPSG:4490 have no edge anywhere near 180° of longitude.
  const Layer layer = read_layer(data_path("area/parcels_4490.shp"));
  EXPECT_EQ(layer.features.size(), 12u);
  for (const std::string& note : layer.report.notes) {
    EXPECT_FALSE(contains(note, "CRS")) << note;
  }
}

}  // namespace
}  // namespace redline
