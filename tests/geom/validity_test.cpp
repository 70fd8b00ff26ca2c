// Validity as GEOS defines it, and the repair that keeps every lobe of a polygon.
#include <gtest/gtest.h>

#include "redline/geom/geometry.h"
#include "redline/geom/validity.h"

namespace redline {
namespace {

// The bow tie of tests/data/io/bowtie.shp, at the origin: A(0,0) B(200,100) C(150,25) D(0,100).
// By hand: AB and CD cross at P(100,50); lobes DAP = 5000 and PBC = 2500; the ring's signed
// shoelace is 5000 - 2500 = 2500.
constexpr const char* kBowTie = "POLYGON((0 0,200 100,150 25,0 100,0 0))";

TEST(Validity, BowTieIsSelfIntersectingAtTheCrossing) {
  const auto problem = find_invalidity(Geometry::from_wkt(kBowTie));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->reason, "Self-intersection");
  EXPECT_DOUBLE_EQ(problem->x, 100.0);
  EXPECT_DOUBLE_EQ(problem->y, 50.0);
}

TEST(Validity, ValidNullAndEmptyHaveNoProblem) {
  EXPECT_FALSE(find_invalidity(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))")));
  EXPECT_FALSE(find_invalidity(Geometry()));
  EXPECT_FALSE(find_invalidity(Geometry::from_wkt("POLYGON EMPTY")));
}

TEST(Validity, HoleOutsideItsShellIsInvalid) {
  const auto problem = find_invalidity(Geometry::from_wkt(
      "POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,21 20,21 21,20 21,20 20))"));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->reason, "Hole lies outside shell");
}

TEST(MakeValidPolygonal, BowTieKeepsBothLobes) {
  const Geometry bowtie = Geometry::from_wkt(kBowTie);
  EXPECT_DOUBLE_EQ(bowtie.planar_area(), 2500.0);  // GEOS sums the signed lobes as drawn
  const Geometry repaired = make_valid_polygonal(bowtie);
  EXPECT_EQ(repaired.type_name(), "MultiPolygon");
  EXPECT_DOUBLE_EQ(repaired.planar_area(), 7500.0);
  EXPECT_FALSE(find_invalidity(repaired));
}

TEST(PolygonalPart, KeepsOnlyPolygonsOfACollection) {
  const Geometry part = polygonal_part(Geometry::from_wkt(
      "GEOMETRYCOLLECTION(POLYGON((0 0,10 0,10 10,0 10,0 0)),LINESTRING(0 0,5 5),POINT(1 1))"));
  EXPECT_DOUBLE_EQ(part.planar_area(), 100.0);
  EXPECT_TRUE(polygonal_part(Geometry::from_wkt("LINESTRING(0 0,5 5)")).is_empty());
}

}  // namespace
}  // namespace redline
