// The simple-ring proof (lib/geom/simple_ring.h) may say "not proven" as often as it likes; when
// it says "proven", GEOS must find the polygon valid. The oracle is GEOSisValid_r, called here
// through the GEOS C API in a context of the test's own, on geometries parsed from the same WKT.
#include <geos_c.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geom/simple_ring.h"
#include "redline/geom/validity.h"
#include "redline/io/layer.h"
#include "redline/io/source_info.h"
#include "support/test_support.h"

namespace redline::detail {
namespace {

// GEOS's verdict on `wkt`, independent of the library.
bool geos_valid(const std::string& wkt) {
  GEOSContextHandle_t h = GEOS_init_r();
  GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
  GEOSGeometry* g = GEOSWKTReader_read_r(h, reader, wkt.c_str());
  const bool valid = g && GEOSisValid_r(h, g) == 1;
  if (g) GEOSGeom_destroy_r(h, g);
  GEOSWKTReader_destroy_r(h, reader);
  GEOS_finish_r(h);
  return valid;
}

// The proof's answer on `wkt`; a "proven" that GEOS contradicts fails the test.
bool proven(const std::string& wkt) {
  const bool p = proven_valid_one_ring_polygon(Geometry::from_wkt(wkt));
  if (p) {
    EXPECT_TRUE(geos_valid(wkt)) << "proven valid, but GEOS finds it invalid: " << wkt;
  }
  return p;
}

TEST(SimpleRing, PlainRingsAreProven) {
  EXPECT_TRUE(proven("POLYGON((0 0,10 0,10 10,0 10,0 0))"));
  EXPECT_TRUE(proven("POLYGON((0 0,10 0,0 10,0 0))"));                                // a triangle
  EXPECT_TRUE(proven("POLYGON((0 0,5 0,10 0,10 10,0 10,0 0))"));                      // straight on at (5 0)
  EXPECT_TRUE(proven("POLYGON((0 0,10 0,10 0,10 10,0 10,0 0,0 0))"));                 // repeated points
  EXPECT_TRUE(proven("MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))"));                   // one part
  EXPECT_TRUE(proven("POLYGON((0 0,10 0,10 10,6 10,6 2,4 2,4 10,0 10,0 0))"));        // a deep notch
  EXPECT_TRUE(proven("POLYGON((39500000.1 3000000.2,39500050.3 3000000.4,39500050.5 3000040.6,"
                     "39500000.7 3000040.8,39500000.1 3000000.2))"));                  // Gauss-Krüger
  // A notch one unit in the last place wide (2^-27 m, about 7.5e-9 m) at Gauss-Krüger
  // coordinates: its sides are proven apart exactly (the differences are exact), as GEOS finds.
  EXPECT_TRUE(proven("POLYGON((39500000 3000000,39500010 3000000,39500010 3000010,39500005.0000000075 3000010,"
                     "39500005.0000000075 3000000.5,39500005 3000000.5,39500005 3000010,"
                     "39500000 3000010,39500000 3000000))"));
}

TEST(SimpleRing, InvalidRingsAreNeverProven) {
  EXPECT_FALSE(proven("POLYGON((0 0,10 10,10 0,0 10,0 0))"));                         // bow tie
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,10 10,0 10,0 0,-5 0,0 0))"));                 // spike out and back
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,5 0,5 10,0 0))"));                            // folds back on an edge
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,10 10,5 0,0 10,0 0))"));                      // touches itself mid-edge
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,10 10,5 5,10 5,10 10,0 10,0 0))"));           // vertex met twice
  EXPECT_FALSE(proven("POLYGON((0 0,5 0,10 0,0 0))"));                                 // collinear: no area
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,0 0,0 0))"));                                 // too few points
  EXPECT_FALSE(geos_valid("POLYGON((0 0,10 10,10 0,0 10,0 0))"));  // the oracle itself says so
}

TEST(SimpleRing, RingsItCannotSettleAreLeftToGeos) {
  // A hole, two parts, not a polygon: not this proof's case, whatever their validity.
  EXPECT_FALSE(proven("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))"));
  EXPECT_FALSE(proven("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))"));
  EXPECT_FALSE(proven("LINESTRING(0 0,1 1)"));
  EXPECT_FALSE(proven("POLYGON EMPTY"));
  // Coordinates beyond ordinary sizes (found by tests/fuzz wkb): GEOS calls this simple triangle
  // self-intersecting, so the proof must not say otherwise.
  EXPECT_FALSE(proven("POLYGON((0 0,0 5.31664595e-315,2.218135755296652e+130 0,0 0))"));
}

TEST(SimpleRing, FindInvaliditySettlesProvenRingsAndStillReportsInvalidOnes) {
  EXPECT_FALSE(find_invalidity(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))")));
  const auto problem = find_invalidity(Geometry::from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))"));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->reason, "Self-intersection");
  EXPECT_DOUBLE_EQ(problem->x, 5.0);
  EXPECT_DOUBLE_EQ(problem->y, 5.0);
}

TEST(SimpleRing, EverySampleRingItProvesGeosFindsValid) {
  // Every polygon of every polygon layer of the sample county: each "proven" is checked with
  // GEOS; most of them (parcels are one ring) must be proven, or the proof saves nothing.
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  std::size_t polygons = 0, proven_count = 0;
  for (const LayerInfo& info : inspect_source(sample).layers) {
    if (!info.polygonal) continue;
    ReadOptions options;
    options.layer = info.name;
    for (const Feature& f : read_layer(sample, options).features) {
      if (f.geometry.is_empty()) continue;
      ++polygons;
      if (proven(f.geometry.to_wkt())) ++proven_count;
    }
  }
  EXPECT_GT(polygons, 1000u);
  EXPECT_GT(proven_count * 10, polygons * 8) << proven_count << " of " << polygons << " proven";
}

}  // namespace
}  // namespace redline::detail
