// find_overlaps() on hand-made boxes (tests/overlay/overlay_cases.h: zone 39 of EPSG:4527, in
// metres), measured planar so that every figure is the plain product of the boxes' sides, and on
// the Huichang sample against GeoPandas/shapely (tests/oracles/conflicts_geopandas.py).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "overlay/overlay_cases.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/overlay/overlaps.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::boxes_layer;

OverlapOptions planar(unsigned threads = 1) { return test::planar_overlap_options(threads); }

std::vector<std::pair<std::size_t, std::size_t>> ids(const OverlapResult& r) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const OverlapPair& p : r.pairs) out.emplace_back(p.first, p.second);
  return out;
}

// Box i of the self-overlap layer:
//  0 (0,0)-(100,100) and 1 (50,50)-(150,150): a 50 × 50 overlap, 2500 m²;
//  2 (100,0)-(200,40): shares part of 0's right edge only — no overlap;
//  3 and 4: the same box twice (300,0)-(400,100): 10 000 m²;
//  5 (500,0)-(600,100) and 6 (599.99,0)-(700,100): a 1 cm × 100 m strip, 1 m², a sliver;
//  7 (800,0)-(900,100), 8 (850,0)-(950,100), 9 (820,0)-(870,100): three pairwise overlaps
//    5000 + 5000 + 2000 m² whose union is (820..900) × 100 = 8000 m².
Layer self_layer() {
  return boxes_layer("self", {{0, 0, 100, 100},
                              {50, 50, 150, 150},
                              {100, 0, 200, 40},
                              {300, 0, 400, 100},
                              {300, 0, 400, 100},
                              {500, 0, 600, 100},
                              {599.99, 0, 700, 100},
                              {800, 0, 900, 100},
                              {850, 0, 950, 100},
                              {820, 0, 870, 100}});
}

constexpr double kTol = 1e-6;  // m²: boxes on whole centimetres, planar areas

TEST(Overlaps, SelfOverlapsListPairsWithTheirAreas) {
  const OverlapResult r = find_overlaps(self_layer(), planar());
  using P = std::pair<std::size_t, std::size_t>;
  EXPECT_EQ(ids(r), (std::vector<P>{{0, 1}, {3, 4}, {7, 8}, {7, 9}, {8, 9}}));
  ASSERT_EQ(r.pairs.size(), 5u);
  EXPECT_NEAR(r.pairs[0].area_m2, 2500, kTol);
  EXPECT_NEAR(r.pairs[1].area_m2, 10000, kTol);
  EXPECT_NEAR(r.pairs[2].area_m2, 5000, kTol);
  EXPECT_NEAR(r.pairs[3].area_m2, 5000, kTol);
  EXPECT_NEAR(r.pairs[4].area_m2, 2000, kTol);
  // The union counts the place where 7, 8 and 9 all overlap once: 2500 + 10000 + 8000.
  EXPECT_NEAR(r.total_area_m2, 20500, kTol);
  EXPECT_EQ(r.slivers, 1u);
  EXPECT_NEAR(r.sliver_area_m2, 1.0, 1e-4);
}

TEST(Overlaps, ThePointLiesInsideThePiece) {
  const OverlapResult r = find_overlaps(self_layer(), planar());
  ASSERT_FALSE(r.pairs.empty());
  // Pair (0, 1) overlaps in (50..100) × (50..100).
  EXPECT_GT(r.pairs[0].x, test::kBoxX0 + 50);
  EXPECT_LT(r.pairs[0].x, test::kBoxX0 + 100);
  EXPECT_GT(r.pairs[0].y, test::kBoxY0 + 50);
  EXPECT_LT(r.pairs[0].y, test::kBoxY0 + 100);
  EXPECT_NEAR(r.pairs[0].piece.planar_area(), 2500, kTol);
}

TEST(Overlaps, TouchingPairsAreNotOverlaps) {
  // An edge shared whole, part of an edge, a corner: none overlaps.
  const Layer layer = boxes_layer("touching", {{0, 0, 100, 100}, {100, 0, 200, 100}, {200, 50, 300, 80},
                                               {300, 100, 400, 200}});
  const OverlapResult r = find_overlaps(layer, planar());
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.total_area_m2, 0.0);
  EXPECT_EQ(r.slivers, 0u);
}

TEST(Overlaps, SliverWidthZeroListsEveryPiece) {
  OverlapOptions o = planar();
  o.sliver_width_metres = 0;
  const OverlapResult r = find_overlaps(self_layer(), o);
  ASSERT_EQ(r.pairs.size(), 6u);
  EXPECT_EQ(r.pairs[2].first, 5u);
  EXPECT_EQ(r.pairs[2].second, 6u);
  EXPECT_NEAR(r.pairs[2].area_m2, 1.0, 1e-4);
  EXPECT_EQ(r.slivers, 0u);
  EXPECT_NEAR(r.total_area_m2, 20501, 1e-4);
}

TEST(Overlaps, TwoLayersPairEachFeatureWithTheOther) {
  // Layer a: 0 (0,0)-(100,100), 1 (200,0)-(300,100). Layer b: 0 (50,0)-(250,100) crosses
  // both (5000 + 5000 m²); 1 (0,0)-(100,100) repeats a's 0 (10 000 m²); 2 (100,0)-(200,100)
  // only touches a's boxes. The pieces (a0,b0) and (a0,b1) overlap: the union of the listed
  // pieces is a0 whole + (200..250) × 100 = 15 000 m².
  const Layer a = boxes_layer("a", {{0, 0, 100, 100}, {200, 0, 300, 100}});
  const Layer b = boxes_layer("b", {{50, 0, 250, 100}, {0, 0, 100, 100}, {100, 0, 200, 100}});
  const OverlapResult r = find_overlaps(a, b, planar());
  using P = std::pair<std::size_t, std::size_t>;
  EXPECT_EQ(ids(r), (std::vector<P>{{0, 0}, {0, 1}, {1, 0}}));
  ASSERT_EQ(r.pairs.size(), 3u);
  EXPECT_NEAR(r.pairs[0].area_m2, 5000, kTol);
  EXPECT_NEAR(r.pairs[1].area_m2, 10000, kTol);
  EXPECT_NEAR(r.pairs[2].area_m2, 5000, kTol);
  EXPECT_NEAR(r.total_area_m2, 15000, kTol);
}

TEST(Overlaps, FeaturesCutIntoPiecesGiveOnePairEach) {
  // A 2000-vertex ring (cut into pieces by the engine) overlapping a box: one pair, its area
  // the box's part inside the ring's square (0..100)² — (50..100) × (0..100) = 5000 m².
  std::string ring = "POLYGON((";
  const int n = 500;  // per side
  auto pt = [&](double x, double y) {
    ring += std::to_string(test::kBoxX0 + x) + " " + std::to_string(test::kBoxY0 + y) + ",";
  };
  for (int i = 0; i < n; ++i) pt(100.0 * i / n, 0);
  for (int i = 0; i < n; ++i) pt(100, 100.0 * i / n);
  for (int i = 0; i < n; ++i) pt(100 - 100.0 * i / n, 100);
  for (int i = 0; i < n; ++i) pt(0, 100 - 100.0 * i / n);
  pt(0, 0);
  ring.back() = ')';
  ring += ")";
  std::vector<std::pair<std::string, Geometry>> features;
  features.emplace_back("ring", Geometry::from_wkt(ring));
  features.emplace_back("box", test::box(50, -50, 150, 150));
  const Layer layer = test::layer_of("cut", std::move(features));
  const OverlapResult r = find_overlaps(layer, planar(3));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_NEAR(r.pairs[0].area_m2, 5000, 1e-4);
  EXPECT_NEAR(r.total_area_m2, 5000, 1e-4);
}

void expect_same(const OverlapResult& a, const OverlapResult& b) {
  ASSERT_EQ(a.pairs.size(), b.pairs.size());
  for (std::size_t i = 0; i < a.pairs.size(); ++i) {
    EXPECT_EQ(a.pairs[i].first, b.pairs[i].first);
    EXPECT_EQ(a.pairs[i].second, b.pairs[i].second);
    EXPECT_EQ(a.pairs[i].area_m2, b.pairs[i].area_m2);
    EXPECT_EQ(a.pairs[i].x, b.pairs[i].x);
    EXPECT_EQ(a.pairs[i].y, b.pairs[i].y);
    EXPECT_EQ(a.pairs[i].piece.to_wkb(), b.pairs[i].piece.to_wkb());
  }
  EXPECT_EQ(a.total_area_m2, b.total_area_m2);
  EXPECT_EQ(a.slivers, b.slivers);
  EXPECT_EQ(a.sliver_area_m2, b.sliver_area_m2);
}

TEST(Overlaps, ThreadCountsGiveIdenticalResults) {
  OverlapOptions one, three;
  one.threads = 1;
  three.threads = 3;
  expect_same(find_overlaps(self_layer(), one), find_overlaps(self_layer(), three));
}

TEST(Overlaps, SettingsThatMakeNoSenseAreRefused) {
  OverlapOptions o;
  o.sliver_width_metres = -1;
  EXPECT_THROW(find_overlaps(self_layer(), o), UsageError);
  o.sliver_width_metres = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(find_overlaps(self_layer(), o), UsageError);
}

// --- the Huichang sample ------------------------------------------------------------------

Layer sample(const std::string& name) {
  ReadOptions o;
  o.layer = name;
  return read_layer(test::source_path("samples/huichang/huichang.gpkg"), o);
}

TEST(OverlapsSample, ParcelsDoNotOverlapEachOther) {
  // Oracle: conflicts_geopandas.py, "parcels_self": no pair.
  const OverlapResult r = find_overlaps(sample("parcels"));
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.total_area_m2, 0.0);
}

TEST(OverlapsSample, RedLineAgainstReservesMatchesGeoPandas) {
  // Oracle: /usr/bin/python3 tests/oracles/conflicts_geopandas.py samples/huichang/huichang.gpkg,
  // "redline_x_reserves" (areas in ha; FIDs from 1, so first = FID - 1).
  const Layer redline = sample("redline"), reserves = sample("reserves");
  OverlapOptions one, three;
  one.threads = 1;
  three.threads = 3;
  const OverlapResult r = find_overlaps(redline, reserves, one);
  expect_same(r, find_overlaps(redline, reserves, three));
  struct Expected {
    std::size_t first, second;
    double ha;
  };
  const std::vector<Expected> expected = {
      {0, 0, 2263.372487},
      {0, 1, 2215.066172},
      {0, 2, 1090.089326},
      {1, 3, 3088.962753},
      {2, 3, 21.544217},
      {3, 4, 1008.011335},
      {4, 5, 881.345571},
      {5, 5, 5.353369},
      {6, 6, 1375.199296},
      {14, 2, 323.731012},
      {56, 6, 814.784953},
  };
  ASSERT_EQ(r.pairs.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.pairs[i].first, expected[i].first) << i;
    EXPECT_EQ(r.pairs[i].second, expected[i].second) << i;
    EXPECT_NEAR(r.pairs[i].area_m2 / 1e4, expected[i].ha, 0.01) << i;
  }
  EXPECT_NEAR(r.total_area_m2 / 1e4, 13087.460491, 0.01);
  EXPECT_EQ(r.slivers, 0u);
}

}  // namespace
}  // namespace redline
