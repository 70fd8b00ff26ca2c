// Which features of a layer overlap each other (lib/overlay/cover_overlaps.h), alone and as
// compute_coverage() uses it. Small cases by hand (squares whose overlaps and shared edges are
// plain to see); then a cover of 2000 squares that all overlap each other: the overlaps
// count once, and finding them costs about one exact test per square (not one per pair: the
// 2000 squares make 1999000 overlapping pairs). Expected figures by hand, cross-checked with
// shapely: tests/oracles/overlapping_cover_oracle.py.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "overlay/cover_overlaps.h"
#include "overlay/piece_set.h"
#include "redline/geom/ops.h"
#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "overlay/overlay_cases.h"

namespace redline {
namespace {

using test::box;
using test::boxes_layer;
using test::layer_of;

// Returns find_feature_overlaps() of `layer` on `threads` threads.
detail::FeatureOverlaps overlaps_of(const Layer& layer, unsigned threads = 1,
                                    const std::vector<std::size_t>& group = {},
                                    const std::vector<char>& relevant = {}) {
  const detail::PieceSet set(layer, layer.crs, kDefaultMaxPieceVertices, kDefaultGridSizeProjected, threads);
  return detail::find_feature_overlaps(set, threads, {}, group, relevant);
}

std::vector<char> flags(std::initializer_list<int> values) { return std::vector<char>(values.begin(), values.end()); }

TEST(CoverOverlaps, SharedEdgesAndVerticesAreNotOverlaps) {
  // a and b share an edge, c touches b at a vertex only: no interior meets another.
  const Layer layer = boxes_layer("tiles", {{0, 0, 10, 10}, {10, 0, 20, 10}, {20, 10, 30, 20}});
  for (const unsigned threads : {1u, 3u}) {
    const detail::FeatureOverlaps o = overlaps_of(layer, threads);
    EXPECT_EQ(o.overlapping, flags({0, 0, 0}));
    EXPECT_EQ(o.features, 0u);
    EXPECT_EQ(o.groups, 0u);
  }
}

TEST(CoverOverlaps, OverlapsFormGroupsCountedApart) {
  // a-b-c chained by overlaps (a and c do not meet), d-e apart, f alone.
  const Layer layer = boxes_layer("cover", {{0, 0, 10, 10}, {8, 0, 18, 10}, {16, 0, 26, 10},
                                         {100, 0, 110, 10}, {105, 5, 115, 15},
                                         {200, 0, 210, 10}});
  for (const unsigned threads : {1u, 3u}) {
    const detail::FeatureOverlaps o = overlaps_of(layer, threads);
    EXPECT_EQ(o.overlapping, flags({1, 1, 1, 1, 1, 0})) << threads;
    EXPECT_EQ(o.features, 5u);
    EXPECT_EQ(o.groups, 2u);
  }
}

TEST(CoverOverlaps, OnlyFeaturesOfOneGroupAndRelevantOnesAreCompared) {
  const Layer layer = boxes_layer("classes", {{0, 0, 10, 10}, {5, 5, 15, 15}, {6, 6, 9, 9}});
  // All three overlap; in groups {a, c} and {b}, only a and c are compared.
  detail::FeatureOverlaps o = overlaps_of(layer, 1, {0, 1, 0});
  EXPECT_EQ(o.overlapping, flags({1, 0, 1}));
  EXPECT_EQ(o.groups, 1u);
  // With c not relevant, a and b remain.
  o = overlaps_of(layer, 1, {}, flags({1, 1, 0}));
  EXPECT_EQ(o.overlapping, flags({1, 1, 0}));
  EXPECT_EQ(o.features, 2u);
}

// 2000 squares of side 1000 m, square k shifted by (0.25 k, 0.25 k): every pair overlaps.
Layer staircase_cover() {
  std::vector<std::pair<std::string, Geometry>> squares;
  for (int k = 0; k < 2000; ++k) squares.emplace_back(std::to_string(k), box(0.25 * k, 0.25 * k, 0.25 * k + 1000, 0.25 * k + 1000));
  return layer_of("staircase", std::move(squares));
}

Layer targets() {
  std::vector<std::pair<std::string, Geometry>> boxes;
  boxes.emplace_back("all", box(-10, -10, 1510, 1510));
  boxes.emplace_back("left", box(0, -10, 500, 1510));
  boxes.emplace_back("away", box(2000, 0, 2100, 100));
  return layer_of("targets", std::move(boxes));
}

TEST(CoverageOverlappingCover, TwoThousandMutuallyOverlappingSquaresCountOnce) {
  for (unsigned threads : {1u, 2u}) {
    CoverageOptions options;
    options.id_field = "NAME";
    options.engine.method = AreaMethod::Planar;  // exact by hand on a grid of quarter metres
    options.engine.threads = threads;
    CoverageResult r = compute_coverage(targets(), staircase_cover(), options);
    std::map<std::string, FeatureCoverage> f;
    for (FeatureCoverage& c : r.features) f[c.id] = std::move(c);
    // By hand: the union is 1000² + 1999 * (1000² - 999.75²) = 1999375.0625 m²; the pairwise
    // sum would be 2e9 m².
    EXPECT_NEAR(f["all"].area_m2, 2310400.0, 1e-6) << threads;
    EXPECT_NEAR(f["all"].inside_m2, 1999375.0625, 1e-6) << threads;
    EXPECT_NEAR(f["all"].outside_m2, 2310400.0 - 1999375.0625, 1e-6) << threads;
    // 499.75 * 1000 + 0.0625 * (0 + 1 + ... + 1998) + 0.25 * 1499.75.
    EXPECT_NEAR(f["left"].inside_m2, 624937.5, 1e-6) << threads;
    EXPECT_NEAR(f["left"].area_m2, 760000.0, 1e-6) << threads;
    EXPECT_EQ(f["away"].inside_m2, 0.0) << threads;
    EXPECT_EQ(r.features_inside, 2u) << threads;
    EXPECT_EQ(r.cover_overlaps.features, 2000u) << threads;
    EXPECT_EQ(r.cover_overlaps.groups, 1u) << threads;
  }
}

TEST(CoverageOverlappingCover, SeparateOverlapGroupsAreCountedApart) {
  // Two stacks of three overlapping squares, one lone square, and two squares sharing only an
  // edge: 6 overlapping features in 2 groups.
  std::vector<std::pair<std::string, Geometry>> cover;
  for (int k = 0; k < 3; ++k) cover.emplace_back("a" + std::to_string(k), box(k, k, k + 10, k + 10));
  for (int k = 0; k < 3; ++k) cover.emplace_back("b" + std::to_string(k), box(100 + k, 0, 110 + k, 10));
  cover.emplace_back("lone", box(200, 0, 210, 10));
  cover.emplace_back("edge1", box(300, 0, 310, 10));
  cover.emplace_back("edge2", box(310, 0, 320, 10));
  std::vector<std::pair<std::string, Geometry>> target;
  target.emplace_back("t", box(-50, -50, 400, 60));
  CoverageOptions options;
  options.engine.method = AreaMethod::Planar;
  const CoverageResult r = compute_coverage(layer_of("t", std::move(target)), layer_of("c", std::move(cover)), options);
  EXPECT_EQ(r.cover_overlaps.features, 6u);
  EXPECT_EQ(r.cover_overlaps.groups, 2u);
  // By hand: stack a = 100 + 2 * (100 - 81) = 138; stack b = 12 x 10 = 120; lone 100; edge 200.
  ASSERT_EQ(r.features.size(), 1u);
  EXPECT_NEAR(r.features[0].inside_m2, 138.0 + 120.0 + 100.0 + 200.0, 1e-6);
}

}  // namespace
}  // namespace redline
