// Matching the features of two versions: by key (repeated keys in order, missing keys never),
// by geometry (vertices within the shift limit), by overlap (the largest first). Small layers
// built in memory in a metric CRS; figures by hand.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "drift/feature_matchers.h"
#include "drift/layer_version.h"
#include "redline/crs/crs.h"
#include "redline/io/layer.h"

namespace redline::detail {
namespace {

// A layer of squares (x0, y0, side) with key values; a key of "" is written as null.
Layer squares(const std::vector<std::pair<std::vector<double>, std::string>>& features) {
  Layer layer;
  layer.crs = Crs::from_user_input("EPSG:4527");
  layer.fields.push_back({"BSM", FieldType::Text, 0, 0});
  std::int64_t fid = 0;
  for (const auto& [square, key] : features) {
    const double x = square[0], y = square[1], s = square[2];
    Feature f;
    f.fid = fid++;
    f.geometry = Geometry::rectangle(Envelope{x, y, x + s, y + s, false});
    f.values.push_back(key.empty() ? Value{} : Value{key});
    layer.features.push_back(std::move(f));
  }
  return layer;
}

std::pair<LayerVersion, LayerVersion> keyed(const Layer& before, const Layer& after) {
  return prepare_versions(before, {std::size_t{0}, std::nullopt}, after, {std::size_t{0}, std::nullopt},
                          AreaMethod::Planar, 1);
}

std::pair<LayerVersion, LayerVersion> unkeyed(const Layer& before, const Layer& after) {
  return prepare_versions(before, {}, after, {}, AreaMethod::Planar, 1);
}

TEST(FeatureMatchers, RepeatedKeysAreMatchedInOrderAndMissingKeysNever) {
  const Layer before_layer = squares({{{0, 0, 10}, "A"}, {{20, 0, 10}, "A"}, {{40, 0, 10}, ""}, {{60, 0, 10}, "B"}});
  const Layer after_layer = squares({{{60, 0, 10}, "B"}, {{40, 0, 10}, ""}, {{0, 0, 10}, "A"}, {{20, 0, 10}, "A"},
                                     {{80, 0, 10}, "A"}});
  auto [before, after] = keyed(before_layer, after_layer);
  // Repeats: the second A of BEFORE, the second and third A of AFTER.
  EXPECT_EQ(pair_by_key(before, after), 3u);
  EXPECT_EQ(after.partner, (std::vector<std::size_t>{3, kUnmatched, 0, 1, kUnmatched}));
  EXPECT_EQ(before.partner, (std::vector<std::size_t>{2, 3, kUnmatched, 0}));
}

TEST(FeatureMatchers, GeometryWithinTheShiftLimitIsTheSameFeature) {
  // AFTER: the first square moved by 5 mm, the second by 5 cm, a third new.
  const Layer before_layer = squares({{{0, 0, 10}, "A"}, {{20, 0, 10}, "B"}});
  const Layer after_layer = squares({{{0.005, 0, 10}, "A"}, {{20.05, 0, 10}, "B"}, {{40, 0, 10}, "C"}});
  auto [before, after] = unkeyed(before_layer, after_layer);
  pair_by_geometry(before, after, 0.02, 1);
  EXPECT_EQ(after.partner, (std::vector<std::size_t>{0, kUnmatched, kUnmatched}));
  EXPECT_EQ(before.partner, (std::vector<std::size_t>{0, kUnmatched}));

  const EdgePairs edges = align_matched_pairs(before, after, {{0, 0}}, 0.02, 1);
  ASSERT_EQ(edges.pairs.size(), 1u);
  EXPECT_NEAR(edges.alignments[0].max_shift, 0.005, 1e-9);
  EXPECT_TRUE(before.by_edges[0] && after.by_edges[0]);
  EXPECT_FALSE(before.by_edges[1] || after.by_edges[1]);
}

TEST(FeatureMatchers, OverlapPairsTheLargestOverlapFirst) {
  // Unmatched features only (no key, nothing within the shift limit); minimum overlap 6 m².
  const Layer before_layer = squares({{{0, 0, 10}, "A"}, {{10, 0, 10}, "B"}, {{100, 0, 10}, "C"}});
  const Layer after_layer = squares({{{5, 0, 10}, "X"}, {{12, 0, 10}, "Y"}, {{109.5, 0, 10}, "Z"}});
  auto [before, after] = unkeyed(before_layer, after_layer);
  // X ∩ A = 50, X ∩ B = 50 (tie: A); Y ∩ B = 8 × 10 = 80; Z ∩ C = 0.5 × 10 = 5 < 6: unmatched.
  pair_by_overlap(before, after, 6.0, 1e-6, 1);
  EXPECT_EQ(after.partner, (std::vector<std::size_t>{0, 1, kUnmatched}));
  EXPECT_EQ(before.partner, (std::vector<std::size_t>{0, 1, kUnmatched}));
}

}  // namespace
}  // namespace redline::detail
