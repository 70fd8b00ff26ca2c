// find_gaps() on hand-made boxes (tests/overlay/overlay_cases.h: zone 39 of EPSG:4527, in
// metres), measured planar so that every figure is the plain product of the boxes' sides, and on
// the Huichang sample against GeoPandas/shapely (tests/oracles/conflicts_geopandas.py).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "overlay/overlay_cases.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/overlay/gaps.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::boxes_layer;

OverlapOptions planar(unsigned threads = 1) { return test::planar_overlap_options(threads); }

constexpr double kTol = 1e-6;  // m²

// The area (0,0)-(300,100), covered by:
//  0 (0,0)-(100,100), 1 (100,0)-(200,60): above 1, (100..200) × (60..100) is a 4000 m² gap;
//  2 (200.01,0)-(300,100): a 1 cm strip (200..200.01) × (0..100) between 1 and 2 — a sliver,
//    but it meets the 4000 m² gap along x = 200, y 60..100: one connected part, 4000 + 1 m²;
//  3 (250,40)-(260,50) overlaps 2 (overlaps are no gaps); 4 (400,0)-(500,100) is outside.
// A second area feature (0,200)-(50,250) no feature touches: a 2500 m² gap.
Layer within_layer() { return boxes_layer("area", {{0, 0, 300, 100}, {0, 200, 50, 250}}); }
Layer cover_layer() {
  return boxes_layer("cover", {{0, 0, 100, 100}, {100, 0, 200, 60}, {200.01, 0, 300, 100}, {250, 40, 260, 50},
                               {400, 0, 500, 100}});
}

TEST(Gaps, EachConnectedPartIsOneGapLargestFirst) {
  const GapResult r = find_gaps(cover_layer(), within_layer(), planar());
  ASSERT_EQ(r.gaps.size(), 2u);
  EXPECT_NEAR(r.gaps[0].area_m2, 4001, 1e-4);
  EXPECT_NEAR(r.gaps[1].area_m2, 2500, kTol);
  EXPECT_NEAR(r.total_area_m2, 6501, 1e-4);
  EXPECT_EQ(r.slivers, 0u);
  // The point of the 2500 m² gap lies inside it.
  EXPECT_GT(r.gaps[1].x, test::kBoxX0);
  EXPECT_LT(r.gaps[1].x, test::kBoxX0 + 50);
  EXPECT_GT(r.gaps[1].y, test::kBoxY0 + 200);
  EXPECT_LT(r.gaps[1].y, test::kBoxY0 + 250);
}

TEST(Gaps, AThinStripAloneIsASliver) {
  // The cover leaves only the 1 cm strip between (0..200) and (200.01..300): 1 m², a sliver.
  const Layer within = boxes_layer("area", {{0, 0, 300, 100}});
  const Layer cover = boxes_layer("cover", {{0, 0, 200, 100}, {200.01, 0, 300, 100}});
  const GapResult r = find_gaps(cover, within, planar());
  EXPECT_TRUE(r.gaps.empty());
  EXPECT_EQ(r.total_area_m2, 0.0);
  EXPECT_EQ(r.slivers, 1u);
  EXPECT_NEAR(r.sliver_area_m2, 1.0, 1e-4);
  OverlapOptions all = planar();
  all.sliver_width_metres = 0;
  const GapResult every = find_gaps(cover, within, all);
  ASSERT_EQ(every.gaps.size(), 1u);
  EXPECT_NEAR(every.gaps[0].area_m2, 1.0, 1e-4);
}

TEST(Gaps, AFullCoverHasNoGap) {
  const Layer within = boxes_layer("area", {{0, 0, 300, 100}});
  const Layer cover = boxes_layer("cover", {{-10, -10, 150, 110}, {150, 0, 300, 100}});
  const GapResult r = find_gaps(cover, within, planar());
  EXPECT_TRUE(r.gaps.empty());
  EXPECT_EQ(r.slivers, 0u);
}

// A 12 × 12 grid of 10 m parcels sharing whole edges, two of them missing: (30..40, 50..60)
// inside and (110..120, 110..120) in the corner. More parcels than one overlay takes, so the area
// is cut into cells, most of which no free edge crosses and one point decides.
Layer grid_without(std::initializer_list<std::pair<int, int>> missing) {
  std::vector<std::pair<std::string, Geometry>> parcels;
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 12; ++j) {
      bool skip = false;
      for (const auto& m : missing) skip = skip || (m.first == i && m.second == j);
      if (!skip) parcels.emplace_back(std::to_string(i) + "," + std::to_string(j), test::box(10 * i, 10 * j, 10 * i + 10, 10 * j + 10));
    }
  }
  return test::layer_of("grid", std::move(parcels));
}

TEST(Gaps, MissingParcelsOfAGridAreTheGaps) {
  const Layer within = boxes_layer("area", {{0, 0, 120, 120}});
  for (unsigned threads : {1u, 3u}) {
    const GapResult r = find_gaps(grid_without({{3, 5}, {11, 11}}), within, planar(threads));
    ASSERT_EQ(r.gaps.size(), 2u);
    EXPECT_NEAR(r.gaps[0].area_m2, 100, kTol);
    EXPECT_NEAR(r.gaps[1].area_m2, 100, kTol);
    EXPECT_NEAR(r.gaps[0].x - test::kBoxX0, 35, 5);  // ordered by x for equal areas
    EXPECT_NEAR(r.gaps[0].y - test::kBoxY0, 55, 5);
    EXPECT_NEAR(r.gaps[1].x - test::kBoxX0, 115, 5);
    EXPECT_EQ(r.slivers, 0u);
  }
  EXPECT_TRUE(find_gaps(grid_without({}), within, planar()).gaps.empty());
  // The area reaching past the grid: a 10 m strip along its top, 1200 m².
  const GapResult r = find_gaps(grid_without({}), boxes_layer("area", {{0, 0, 120, 130}}), planar());
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_NEAR(r.gaps[0].area_m2, 1200, kTol);
}

TEST(Gaps, ThreadCountsGiveIdenticalResults) {
  const GapResult a = find_gaps(cover_layer(), within_layer(), planar(1));
  const GapResult b = find_gaps(cover_layer(), within_layer(), planar(3));
  ASSERT_EQ(a.gaps.size(), b.gaps.size());
  for (std::size_t i = 0; i < a.gaps.size(); ++i) {
    EXPECT_EQ(a.gaps[i].area_m2, b.gaps[i].area_m2);
    EXPECT_EQ(a.gaps[i].x, b.gaps[i].x);
    EXPECT_EQ(a.gaps[i].y, b.gaps[i].y);
    EXPECT_EQ(a.gaps[i].piece.to_wkb(), b.gaps[i].piece.to_wkb());
  }
  EXPECT_EQ(a.total_area_m2, b.total_area_m2);
}

TEST(Gaps, ABadSliverWidthIsRefused) {
  OverlapOptions o = planar();
  o.sliver_width_metres = 1000;
  EXPECT_THROW(find_gaps(cover_layer(), within_layer(), o), UsageError);
}

Layer sample(const std::string& name) {
  ReadOptions o;
  o.layer = name;
  return read_layer(test::source_path("samples/huichang/huichang.gpkg"), o);
}

TEST(GapsSample, ParcelsLeaveNoGapInsideTheCounty) {
  // Oracle: conflicts_geopandas.py, "parcel_gaps_in_county": count 0 (slivers left out).
  const GapResult r = find_gaps(sample("parcels"), sample("county"));
  EXPECT_TRUE(r.gaps.empty());
  EXPECT_EQ(r.total_area_m2, 0.0);
}

TEST(GapsSample, TheRedLineLeavesMostOfTheCountyUncovered) {
  // The red line does not cover the county: the gaps are the county minus the red line.
  // Oracle: /usr/bin/python3 tests/oracles/conflicts_geopandas.py samples/huichang/huichang.gpkg,
  // "redline_gaps_in_county": 21 parts, 195463.427610 ha; the largest 193164.075206,
  // 334.422490, 269.558430 ha.
  const GapResult r = find_gaps(sample("redline"), sample("county"));
  ASSERT_EQ(r.gaps.size(), 21u);
  EXPECT_NEAR(r.total_area_m2 / 1e4, 195463.427610, 0.01);
  EXPECT_NEAR(r.gaps[0].area_m2 / 1e4, 193164.075206, 0.01);
  EXPECT_NEAR(r.gaps[1].area_m2 / 1e4, 334.422490, 0.01);
  EXPECT_NEAR(r.gaps[2].area_m2 / 1e4, 269.558430, 0.01);
}

}  // namespace
}  // namespace redline
