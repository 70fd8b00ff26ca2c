// compute_coverage() on the hand-made cases of tests/data/overlay/cases.gpkg. Expected figures:
// tests/oracles/overlay_small_oracle.py (shapely overlays, pyproj.Geod areas on GRS80), in m².
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

std::map<std::string, FeatureCoverage> by_name(CoverageResult& r) {
  std::map<std::string, FeatureCoverage> m;
  for (FeatureCoverage& f : r.features) m[f.id] = std::move(f);
  return m;
}

CoverageResult cover_targets(const std::string& cover_layer, CoverageOptions options = {}) {
  options.id_field = "NAME";
  return compute_coverage(read_cases("targets"), read_cases(cover_layer), options);
}

constexpr double kTol = 1e-3;  // m²: the oracle's floating overlays against redline's 1 mm grid

TEST(Coverage, OverlappingCoverCountsOnce) {
  CoverageResult r = cover_targets("cover");
  auto f = by_name(r);
  // Oracle: union of c1 (0..60) and c2 (30..90) covers 8999.999999 m² of 9999.999999 m²; the
  // pairwise sum would be 12000 m², 120 %.
  EXPECT_NEAR(f["plain"].area_m2, 9999.999999, kTol);
  EXPECT_NEAR(f["plain"].inside_m2, 8999.999999, kTol);
  EXPECT_NEAR(f["plain"].percent(), 90.0, 1e-6);
  EXPECT_EQ(r.cover_overlaps.features, 2u);  // c1 and c2; c4 and c5 only share an edge
  EXPECT_EQ(r.cover_overlaps.groups, 1u);
}

TEST(Coverage, TargetWithHoleExcludesTheHole) {
  CoverageResult r = cover_targets("cover");
  auto f = by_name(r);
  // Oracle: 100x100 minus the 40x40 hole = 8399.999987; inside c3 = 50x100 - 20x40 = 4199.999993.
  EXPECT_NEAR(f["holed"].area_m2, 8399.999987, kTol);
  EXPECT_NEAR(f["holed"].inside_m2, 4199.999993, kTol);
  EXPECT_NEAR(f["holed"].outside_m2, 8399.999987 - 4199.999993, kTol);
}

TEST(Coverage, TouchingOnlyIsNotInside) {
  CoverageResult r = cover_targets("cover");
  auto f = by_name(r);
  EXPECT_EQ(f["touching"].inside_m2, 0.0);  // shares an edge with c4 and a corner with c5
  EXPECT_EQ(f["touching"].sliver_m2, 0.0);
  EXPECT_NEAR(f["touching"].outside_m2, 9999.999950, kTol);
}

TEST(Coverage, ReexportNoiseIsNoConflict) {
  CoverageResult r = cover_targets("cover");
  auto f = by_name(r);
  // A 0.4 mm strip (oracle 0.040000 m²) collapses on the 1 mm grid; a 4 mm strip (oracle
  // 0.400000 m²) survives it but is thinner than the 5 cm sliver width: neither is inside.
  EXPECT_EQ(f["reexport"].inside_m2, 0.0);
  EXPECT_EQ(f["reexport"].sliver_m2, 0.0);
  EXPECT_EQ(f["sliver"].inside_m2, 0.0);
  EXPECT_NEAR(f["sliver"].sliver_m2, 0.400000, kTol);
  EXPECT_NEAR(f["sliver"].outside_m2, 10000.399728, kTol);
  EXPECT_EQ(r.sliver_features, 1u);
  EXPECT_EQ(r.features_inside, 3u);  // plain, holed, bowtie: the conflict list
}

TEST(Coverage, SliverDetectionOffCountsTheStrip) {
  CoverageOptions options;
  options.sliver_width = 0;
  CoverageResult r = cover_targets("cover", options);
  auto f = by_name(r);
  EXPECT_NEAR(f["sliver"].inside_m2, 0.400000, kTol);
  EXPECT_EQ(r.sliver_features, 0u);
}

TEST(Coverage, WiderSliverWidthStillKeepsRealOverlaps) {
  CoverageOptions options;
  options.sliver_width = 1.0;  // a metre: the 4 mm strip is a sliver, the 30 m overlaps are not
  CoverageResult r = cover_targets("cover", options);
  auto f = by_name(r);
  EXPECT_NEAR(f["plain"].inside_m2, 8999.999999, kTol);
  EXPECT_EQ(f["sliver"].inside_m2, 0.0);
}

TEST(Coverage, InvalidTargetIsRepairedAndMeasured) {
  CoverageResult r = cover_targets("cover");
  auto f = by_name(r);
  // The bow tie becomes two 2500 m² triangles; c8 covers the left one (oracle 2500.000008 of
  // 5000.000005, after shapely make_valid).
  EXPECT_EQ(r.target.read.repaired, 1u);
  EXPECT_NEAR(f["bowtie"].area_m2, 5000.000005, kTol);
  EXPECT_NEAR(f["bowtie"].inside_m2, 2500.000008, kTol);
}

TEST(Coverage, DisjointCoverGivesEmptyResult) {
  ReadOptions o;
  o.layer = "far";
  Layer far = read_layer(test::data_path("overlay/disjoint.gpkg"), o);
  CoverageOptions options;
  options.keep_geometries = true;
  CoverageResult r = compute_coverage(read_cases("targets"), far, options);
  EXPECT_EQ(r.total.inside_m2, 0.0);
  EXPECT_EQ(r.features_inside, 0u);
  EXPECT_DOUBLE_EQ(r.total.outside_m2, r.total.area_m2);
  for (const FeatureCoverage& f : r.features) {
    EXPECT_TRUE(f.inside.is_null());
    EXPECT_FALSE(f.outside.is_empty());
  }
}

TEST(Coverage, CoverInAnotherCrsIsTransformed) {
  CoverageResult same = cover_targets("cover");
  CoverageResult other = cover_targets("cover_4490");  // the cover's vertices in EPSG:4490
  EXPECT_TRUE(other.crs.equivalent_to(same.crs));
  ASSERT_EQ(other.features.size(), same.features.size());
  for (std::size_t i = 0; i < same.features.size(); ++i) {
    EXPECT_NEAR(other.features[i].inside_m2, same.features[i].inside_m2, kTol) << same.features[i].id;
  }
  EXPECT_NEAR(other.total.inside_m2, 8999.999999 + 4199.999993 + 2500.000008, kTol);
}

TEST(Coverage, GroupsAddTheirFeatures) {
  CoverageOptions options;
  options.group_field = "KIND";
  CoverageResult r = cover_targets("cover", options);
  std::map<std::string, GroupCoverage> g;
  for (const GroupCoverage& x : r.groups) g[x.key] = x;
  ASSERT_EQ(g.size(), 5u);  // edge, hole, invalid, none, overlap
  EXPECT_EQ(g["edge"].features, 3u);
  EXPECT_EQ(g["edge"].features_inside, 0u);
  EXPECT_NEAR(g["edge"].area_m2, 9999.999950 + 10000.039861 + 10000.399728, kTol);
  EXPECT_NEAR(g["overlap"].inside_m2, 8999.999999, kTol);
  EXPECT_NEAR(r.total.inside_m2 + r.total.outside_m2, r.total.area_m2, 1e-6);
}

TEST(Coverage, ThreadCountDoesNotChangeFigures) {
  CoverageOptions one, two;
  one.engine.threads = 1;
  two.engine.threads = 2;
  one.engine.max_piece_vertices = two.engine.max_piece_vertices = 8;  // cut every feature
  CoverageResult a = cover_targets("cover", one), b = cover_targets("cover", two);
  ASSERT_EQ(a.features.size(), b.features.size());
  for (std::size_t i = 0; i < a.features.size(); ++i) {
    EXPECT_EQ(a.features[i].inside_m2, b.features[i].inside_m2);  // bit for bit
    EXPECT_EQ(a.features[i].area_m2, b.features[i].area_m2);
  }
  EXPECT_EQ(a.total.inside_m2, b.total.inside_m2);
}

TEST(Coverage, CuttingFeaturesKeepsTheFigures) {
  CoverageOptions whole, cut;
  cut.engine.max_piece_vertices = 8;  // every rectangle with a hole or overlap is cut
  CoverageResult a = cover_targets("cover", whole), b = cover_targets("cover", cut);
  for (std::size_t i = 0; i < a.features.size(); ++i) {
    EXPECT_NEAR(a.features[i].inside_m2, b.features[i].inside_m2, kTol) << a.features[i].id;
  }
}

TEST(Coverage, KeptGeometriesMatchTheFigures) {
  CoverageOptions options;
  options.keep_geometries = true;
  CoverageResult r = cover_targets("cover", options);
  auto f = by_name(r);
  // planar areas in GK zone 39 on the central meridian: within 1e-5 relative of geodesic ones
  EXPECT_NEAR(f["plain"].inside.planar_area(), 9000.0, 0.1);
  EXPECT_NEAR(f["plain"].outside.planar_area(), 1000.0, 0.1);
  EXPECT_NEAR(f["holed"].inside.planar_area(), 4200.0, 0.1);
  EXPECT_TRUE(f["sliver"].inside.is_null());  // slivers are outside in the layers too
  EXPECT_NEAR(f["sliver"].outside.planar_area(), 10000.4, 0.1);
}

TEST(Coverage, UnknownFieldIsAUsageError) {
  CoverageOptions options;
  options.group_field = "NOPE";
  EXPECT_THROW(cover_targets("cover", options), UsageError);
}

TEST(Coverage, PlanarMethodInGeographicCrsIsRefused) {
  CoverageOptions options;
  options.engine.method = AreaMethod::Planar;
  options.engine.crs = Crs::from_user_input("EPSG:4490");
  EXPECT_THROW(cover_targets("cover", options), UsageError);
}

TEST(Coverage, GeographicWorkingCrsGivesTheSameFigures) {
  CoverageOptions options;
  options.engine.crs = Crs::from_user_input("EPSG:4490");  // both layers into degrees
  CoverageResult r = cover_targets("cover", options);
  auto f = by_name(r);
  // The 1e-8° grid (1.1 mm north-south, 1.0 mm east-west here) moves each overlay vertex by up
  // to half a cell: at most perimeter × 0.55 mm = 0.22 m² on these 100 m squares.
  EXPECT_NEAR(f["plain"].inside_m2, 8999.999999, 0.22);
  EXPECT_NEAR(f["holed"].inside_m2, 4199.999993, 0.22);
  EXPECT_EQ(f["touching"].inside_m2, 0.0);
}

}  // namespace
}  // namespace redline
