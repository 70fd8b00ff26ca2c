// normalise_geometry() (lib/io/geometry_normalisation.h) given the scan of the feature's bytes
// (scan_wkb) skips the coordinate check and the envelope walk over the GEOS geometry: what it
// returns must be exactly what it returns without the scan, and bytes the scan cannot vouch
// for (nullopt) still meet the GEOS path's checks and messages.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "geom/coordinate_scan.h"
#include "io/geometry_normalisation.h"
#include "io/wkb_envelope.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"

namespace redline::detail {
namespace {

RawFeature raw_of(const std::vector<unsigned char>& wkb) {
  RawFeature raw;
  raw.fid = 7;
  raw.wkb = wkb;
  return raw;
}

// normalise_geometry() of `wkb` with the caller's scan and without one.
struct BothWays {
  NormalisedGeometry scanned, unscanned;
  bool scan_succeeded = false;
};

BothWays normalise_both_ways(const std::vector<unsigned char>& wkb, LayerGeometry kind) {
  BothWays out;
  const std::optional<WkbScan> scan = scan_wkb(wkb.data(), wkb.size(), kMaxCoordinate);
  out.scan_succeeded = scan.has_value();
  RawFeature a = raw_of(wkb), b = raw_of(wkb);
  out.scanned = normalise_geometry(a, kind, scan);
  out.unscanned = normalise_geometry(b, kind);
  return out;
}

void expect_same(const NormalisedGeometry& a, const NormalisedGeometry& b) {
  EXPECT_EQ(a.measurable, b.measurable);
  EXPECT_EQ(a.skip, b.skip);
  EXPECT_EQ(a.issue.has_value(), b.issue.has_value());
  if (a.issue && b.issue) {
    EXPECT_EQ(a.issue->kind, b.issue->kind);
    EXPECT_EQ(a.issue->reason, b.issue->reason);
  }
  EXPECT_EQ(a.envelope.is_null, b.envelope.is_null);
  if (!a.envelope.is_null && !b.envelope.is_null) {
    EXPECT_EQ(a.envelope.min_x, b.envelope.min_x);
    EXPECT_EQ(a.envelope.min_y, b.envelope.min_y);
    EXPECT_EQ(a.envelope.max_x, b.envelope.max_x);
    EXPECT_EQ(a.envelope.max_y, b.envelope.max_y);
  }
  EXPECT_EQ(a.geometry.is_null(), b.geometry.is_null());
  if (!a.geometry.is_null() && !b.geometry.is_null()) {
    EXPECT_EQ(a.geometry.to_wkt(), b.geometry.to_wkt());
  }
}

TEST(GeometryNormalisation, AScanGivesWhatTheGeosWalksGive) {
  struct Case {
    const char* wkt;
    LayerGeometry kind;
    bool scannable;  // scan_wkb vouches for these bytes (wkb_envelope.h)
  };
  const std::vector<Case> cases = {
      {"POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))", LayerGeometry::Polygons, true},
      // a hole outside its shell: the envelope counts it (vertex_envelope)
      {"POLYGON((0 0,1 0,1 1,0 1,0 0),(5 5,6 5,6 6,5 5))", LayerGeometry::Polygons, true},
      {"MULTIPOLYGON(((39500000 2800000,39500100 2800000,39500100 2800100,39500000 2800000)),"
       "((39500200 2800200,39500300 2800200,39500300 2800300,39500200 2800200)))",
       LayerGeometry::Polygons, true},
      {"POLYGON EMPTY", LayerGeometry::Polygons, true},
      // a line in a polygon layer: skipped as NotPolygon either way
      {"LINESTRING(0 0,5 5)", LayerGeometry::Polygons, true},
      // a multipoint with a polygon's vertices elsewhere: never the scan's envelope
      {"MULTIPOINT((100 100),(-100 -100))", LayerGeometry::Polygons, true},
      // a collection: its polygonal part is kept, whose envelope is not the bytes' one
      {"GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)),POINT(50 50))", LayerGeometry::Polygons, false},
      {"MULTILINESTRING((0 0,1 1),(100 -3,101 -2))", LayerGeometry::Lines, true},
      {"POLYGON((0 0,1 0,1 1,0 0))", LayerGeometry::Lines, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.wkt);
    const BothWays both = normalise_both_ways(Geometry::from_wkt(c.wkt).to_wkb(), c.kind);
    EXPECT_EQ(both.scan_succeeded, c.scannable);
    expect_same(both.scanned, both.unscanned);
  }
  // The collection's envelope is its polygon's (hand-read from the WKT), not the point's.
  const BothWays gc = normalise_both_ways(
      Geometry::from_wkt("GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)),POINT(50 50))").to_wkb(),
      LayerGeometry::Polygons);
  EXPECT_EQ(gc.scanned.envelope.max_x, 1.0);
  EXPECT_EQ(gc.scanned.envelope.max_y, 1.0);
}

// Coordinates the scan refuses (nullopt) are refused by the GEOS path with its own message.
TEST(GeometryNormalisation, BytesTheScanRefusesStillMeetTheCoordinateCheck) {
  for (const double bad : {std::numeric_limits<double>::quiet_NaN(), 1e300}) {
    SCOPED_TRACE(bad);
    const Geometry g = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 0))");
    std::vector<unsigned char> wkb = g.to_wkb();
    // The second vertex's x: byte order, type, ring count, point count, then x0 y0 x1.
    std::memcpy(wkb.data() + 1 + 4 + 4 + 4 + 16, &bad, sizeof bad);
    const std::optional<WkbScan> scan = scan_wkb(wkb.data(), wkb.size(), kMaxCoordinate);
    EXPECT_FALSE(scan.has_value());
    RawFeature raw = raw_of(wkb);
    try {
      normalise_geometry(raw, LayerGeometry::Polygons, scan);
      ADD_FAILURE() << "no error";
    } catch (const InputError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("no figure can be computed from it"), std::string::npos) << what;
      EXPECT_NE(what.find(std::isnan(bad) ? "is not a finite number" : "far off the Earth"),
                std::string::npos)
          << what;
    }
  }
}

}  // namespace
}  // namespace redline::detail
