// scan_wkb() (lib/io/wkb_envelope.h): the envelope of WKB bytes equals vertex_envelope() of the
// geometry GEOS builds from them; bytes it cannot vouch for go to the GEOS path (nullopt).
#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "geom/coordinate_scan.h"
#include "io/wkb_envelope.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"

namespace redline::detail {
namespace {

std::optional<WkbScan> scan(const std::vector<unsigned char>& bytes) {
  return scan_wkb(bytes.data(), bytes.size(), kMaxCoordinate);
}

TEST(WkbEnvelope, EqualsTheVertexEnvelopeOfWhatGeosBuilds) {
  for (const char* wkt : {"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",
                          // a hole outside its shell: vertex_envelope counts it too
                          "POLYGON((0 0,1 0,1 1,0 1,0 0),(5 5,6 5,6 6,5 5))",
                          "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((-5 -7,-4 -7,-4 -6,-5 -7)))",
                          "LINESTRING(3 4,-1 9,7 2)", "MULTILINESTRING((0 0,1 1),(100 -3,101 -2))",
                          "POINT(3 5)", "MULTIPOINT((1 2),(3 -4))",
                          "MULTIPOLYGON(((39500000 2800000,39500100 2800000,39500100 2800100,39500000 2800000)))"}) {
    SCOPED_TRACE(wkt);
    const Geometry g = Geometry::from_wkt(wkt);
    const auto s = scan(g.to_wkb());
    ASSERT_TRUE(s);
    const Envelope e = vertex_envelope(g);
    EXPECT_FALSE(s->envelope.is_null);
    EXPECT_EQ(s->envelope.min_x, e.min_x);
    EXPECT_EQ(s->envelope.min_y, e.min_y);
    EXPECT_EQ(s->envelope.max_x, e.max_x);
    EXPECT_EQ(s->envelope.max_y, e.max_y);
    EXPECT_EQ(s->type, g.type());
  }
}

TEST(WkbEnvelope, EmptyPolygonHasANullEnvelope) {
  const auto s = scan(Geometry::from_wkt("POLYGON EMPTY").to_wkb());
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->envelope.is_null);
}

// Hand-made WKB (this host is little-endian, as the test of the control shows): a polygon of
// one ring of the points `xy`.
std::vector<unsigned char> polygon_wkb(const std::vector<double>& xy) {
  // Little-endian byte order, type 3 (Polygon), 1 ring, the ring's point count, the points.
  std::vector<unsigned char> out;
  auto append = [&out](const void* bytes, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<const unsigned char*>(bytes)[i]);
  };
  const unsigned char order = 1;
  const std::uint32_t type = 3, rings = 1, points = static_cast<std::uint32_t>(xy.size() / 2);
  append(&order, 1);
  append(&type, 4);
  append(&rings, 4);
  append(&points, 4);
  for (double v : xy) append(&v, 8);
  return out;
}

TEST(WkbEnvelope, WhatGeosWouldRefuseOrMeasureDifferentlyIsLeftToGeos) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  ASSERT_TRUE(scan(polygon_wkb({0, 0, 1, 0, 1, 1, 0, 0})));                // the control
  EXPECT_FALSE(scan(polygon_wkb({0, 0, 1, 0, 1, 1, 0, 0.5})));             // ring not closed
  EXPECT_FALSE(scan(polygon_wkb({0, 0, 1, 0, 0, 0})));                     // fewer than 4 points
  EXPECT_FALSE(scan(polygon_wkb({0, 0, nan, 0, 1, 1, 0, 0})));             // NaN
  EXPECT_FALSE(scan(polygon_wkb({0, 0, 2e9, 0, 1, 1, 0, 0})));             // beyond ±1e9
  std::vector<unsigned char> truncated = polygon_wkb({0, 0, 1, 0, 1, 1, 0, 0});
  truncated.pop_back();
  EXPECT_FALSE(scan(truncated));
  std::vector<unsigned char> trailing = polygon_wkb({0, 0, 1, 0, 1, 1, 0, 0});
  trailing.push_back(0);
  EXPECT_FALSE(scan(trailing));
  EXPECT_FALSE(scan(Geometry::from_wkt("GEOMETRYCOLLECTION(POINT(1 1))").to_wkb()));
  EXPECT_FALSE(scan({}));
}

}  // namespace
}  // namespace redline::detail
