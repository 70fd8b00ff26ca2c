// build_from_common_wkb() (lib/geom/wkb_build.h) makes, for the common WKB, exactly the
// geometry GEOS's own WKB reader makes (the oracle: GEOSGeomFromWKB_buf_r on the same bytes),
// and hands everything else back to that reader (null).
#include <gtest/gtest.h>

#include <geos_c.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "geom/wkb_build.h"
#include "redline/error.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline::detail {
namespace {

struct Handle {
  GEOSContextHandle_t h = GEOS_init_r();
  ~Handle() { GEOS_finish_r(h); }
};

std::vector<unsigned char> wkb_of(const std::string& wkt) { return Geometry::from_wkt(wkt).to_wkb(); }

// WKB of `g` with up to 3 dimensions: a Z that either side gained would show.
std::vector<unsigned char> written(GEOSContextHandle_t h, const GEOSGeometry* g) {
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(h);
  GEOSWKBWriter_setOutputDimension_r(h, w, 3);
  std::size_t n = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(h, w, g, &n);
  std::vector<unsigned char> out(bytes, bytes + n);
  GEOSFree_r(h, bytes);
  GEOSWKBWriter_destroy_r(h, w);
  return out;
}

// The built geometry is GEOS's reader's, in type, dimension, structure and every coordinate bit.
void expect_same_as_geos_reader(const std::vector<unsigned char>& bytes) {
  Handle geos;
  GEOSGeometry* built = build_from_common_wkb(geos.h, bytes.data(), bytes.size());
  GEOSGeometry* read = GEOSGeomFromWKB_buf_r(geos.h, bytes.data(), bytes.size());
  ASSERT_NE(built, nullptr);
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(GEOSGeomTypeId_r(geos.h, built), GEOSGeomTypeId_r(geos.h, read));
  EXPECT_EQ(GEOSGeom_getCoordinateDimension_r(geos.h, built), GEOSGeom_getCoordinateDimension_r(geos.h, read));
  EXPECT_EQ(GEOSHasZ_r(geos.h, built), GEOSHasZ_r(geos.h, read));
  EXPECT_EQ(GEOSGetNumGeometries_r(geos.h, built), GEOSGetNumGeometries_r(geos.h, read));
  EXPECT_EQ(GEOSEqualsExact_r(geos.h, built, read, 0.0), 1);
  EXPECT_EQ(written(geos.h, built), written(geos.h, read));
  EXPECT_EQ(GEOSisValid_r(geos.h, built), GEOSisValid_r(geos.h, read));
  GEOSGeom_destroy_r(geos.h, built);
  GEOSGeom_destroy_r(geos.h, read);
}

bool handed_back(const std::vector<unsigned char>& bytes) {
  Handle geos;
  GEOSGeometry* built = build_from_common_wkb(geos.h, bytes.data(), bytes.size());
  if (built) GEOSGeom_destroy_r(geos.h, built);
  return built == nullptr;
}

TEST(WkbBuild, MakesWhatGeosReaderMakesOfTheCommonTypes) {
  for (const char* wkt :
       {"POLYGON((0 0,10 0,10 10,0 10,0 0))",
        "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2),(5 5,6 5,6 6,5 5))",
        // invalid (a bow-tie) is still read as given: validity is the reader's caller's business
        "POLYGON((0 0,10 10,10 0,0 10,0 0))",
        "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((-5 -7,-4 -7,-4 -6,-5 -7),(-4.9 -6.9,-4.5 -6.9,-4.5 -6.5,-4.9 -6.9)))",
        "LINESTRING(3 4,-1 9,7 2)", "LINESTRING(1 1,1 1)",
        "MULTILINESTRING((0 0,1 1),(100 -3,101 -2,102 -1))",
        "MULTIPOLYGON(((39500000.125 2800000.5,39500100.0625 2800000,39500100 2800100.25,39500000.125 2800000.5)))"}) {
    SCOPED_TRACE(wkt);
    expect_same_as_geos_reader(wkb_of(wkt));
  }
}

TEST(WkbBuild, MakesWhatGeosReaderMakesOfEveryFeatureOfTheSample) {
  ReadOptions options;
  options.threads = 1;
  options.layer = "parcels";
  const Layer layer = read_layer(test::source_path("samples/huichang/huichang.gpkg"), options);
  ASSERT_GT(layer.features.size(), 1000u);
  for (const Feature& f : layer.features) {
    SCOPED_TRACE(f.fid);
    expect_same_as_geos_reader(f.geometry.to_wkb());
    if (HasFailure()) break;
  }
}

TEST(WkbBuild, HandsEverythingElseBackToGeosReader) {
  std::vector<unsigned char> ring = wkb_of("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  // big-endian, though GEOS reads it
  std::vector<unsigned char> big = ring;
  big[0] = 0;
  EXPECT_TRUE(handed_back(big));
  // a trailing byte, a missing one
  std::vector<unsigned char> trailing = ring;
  trailing.push_back(0);
  EXPECT_TRUE(handed_back(trailing));
  EXPECT_TRUE(handed_back(std::vector<unsigned char>(ring.begin(), ring.end() - 1)));
  EXPECT_TRUE(handed_back({}));
  // a ring that does not close, by one bit of its last y
  std::vector<unsigned char> open = ring;
  open.at(open.size() - 1) = static_cast<unsigned char>(open.at(open.size() - 1) ^ 1);
  EXPECT_TRUE(handed_back(open));
  // types it does not build: points, collections, Z, empties
  for (const char* wkt : {"POINT(1 2)", "MULTIPOINT((1 2),(3 4))", "GEOMETRYCOLLECTION(POINT(1 2))",
                          "POLYGON EMPTY", "LINESTRING EMPTY", "MULTIPOLYGON EMPTY"}) {
    SCOPED_TRACE(wkt);
    std::vector<unsigned char> bytes = Geometry::from_wkt(wkt).to_wkb();
    EXPECT_TRUE(handed_back(bytes));
  }
  {  // Z, written by GEOS with its third dimension
    Handle geos;
    GEOSGeometry* z = GEOSGeomFromWKT_r(geos.h, "POLYGON Z((0 0 1,1 0 1,1 1 1,0 0 1))");
    ASSERT_NE(z, nullptr);
    const std::vector<unsigned char> bytes = written(geos.h, z);
    GEOSGeom_destroy_r(geos.h, z);
    EXPECT_EQ(bytes.size(), 1u + 4 + 4 + 4 + 4 * 24);
    EXPECT_TRUE(handed_back(bytes));
  }
  // a ring of 3 points (closed) and a line of 1 point, written by hand: GEOS refuses both
  const auto le32 = [](std::vector<unsigned char>& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<unsigned char>(v >> (8 * i)));
  };
  const auto le64 = [](std::vector<unsigned char>& b, double d) {
    unsigned char raw[8];
    std::memcpy(raw, &d, 8);
    b.insert(b.end(), raw, raw + 8);
  };
  std::vector<unsigned char> short_ring{1};
  le32(short_ring, 3);
  le32(short_ring, 1);
  le32(short_ring, 3);
  for (double v : {0.0, 0.0, 1.0, 0.0, 0.0, 0.0}) le64(short_ring, v);
  EXPECT_TRUE(handed_back(short_ring));
  std::vector<unsigned char> one_point_line{1};
  le32(one_point_line, 2);
  le32(one_point_line, 1);
  le64(one_point_line, 1.0);
  le64(one_point_line, 2.0);
  EXPECT_TRUE(handed_back(one_point_line));
  // counts far beyond the bytes (damage): no attempt to reserve for them
  std::vector<unsigned char> many_rings{1};
  le32(many_rings, 3);
  le32(many_rings, 0xFFFFFFFFu);
  EXPECT_TRUE(handed_back(many_rings));
  std::vector<unsigned char> many_parts{1};
  le32(many_parts, 6);
  le32(many_parts, 0xFFFFFFFFu);
  EXPECT_TRUE(handed_back(many_parts));
  // a MultiPolygon holding a LineString
  std::vector<unsigned char> mixed{1};
  le32(mixed, 6);
  le32(mixed, 1);
  const std::vector<unsigned char> line = wkb_of("LINESTRING(0 0,1 1)");
  mixed.insert(mixed.end(), line.begin(), line.end());
  EXPECT_TRUE(handed_back(mixed));
}

// A ring closed bit for bit on NaN is not closed to GEOS (NaN != NaN): the reader refuses it as
// damaged input (InputError, exit 2), and so must the builder's path - never an internal error.
// A ring closed on -0 and +0 is closed to GEOS: read alike.
TEST(WkbBuild, RingsClosedOnNanOrSignedZeroAreJudgedAsGeosJudgesThem) {
  const auto patch_first_and_last_x = [](std::vector<unsigned char> bytes, double first, double last) {
    // POLYGON with one ring: header 1 + 4, ring count 4, point count 4, then points.
    const std::size_t points = 1 + 4 + 4 + 4;
    std::memcpy(bytes.data() + points, &first, 8);
    std::memcpy(bytes.data() + bytes.size() - 16, &last, 8);
    return bytes;
  };
  const std::vector<unsigned char> ring = wkb_of("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<unsigned char> on_nan = patch_first_and_last_x(ring, nan, nan);
  EXPECT_THROW(Geometry::from_wkb(on_nan.data(), on_nan.size()), InputError);
  const std::vector<unsigned char> signed_zero = patch_first_and_last_x(ring, -0.0, 0.0);
  expect_same_as_geos_reader(signed_zero);
}

TEST(WkbBuild, BytesGeosRefusesAreStillRefusedInItsWords) {
  std::vector<unsigned char> open = wkb_of("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  open.at(open.size() - 1) = static_cast<unsigned char>(open.at(open.size() - 1) ^ 1);
  try {
    Geometry::from_wkb(open.data(), open.size());
    FAIL() << "an open ring was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("closed"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace redline::detail
