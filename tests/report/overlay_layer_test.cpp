// write_overlay_layer() (redline/report/overlay_layer.h): the result layer of `redline overlay`,
// read back. Figures: tests/oracles/overlay_small_oracle.py (shapely, pyproj.Geod), in m².
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "redline/io/layer.h"
#include "redline/overlay/overlay.h"
#include "redline/report/overlay_layer.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

TEST(OverlayLayer, WrittenLayerCarriesBothAttributes) {
  Layer a = read_cases("targets"), b = read_cases("cover");
  OverlayResult r = overlay_layers(a, b, {});
  const std::string path = test::work_dir("overlay_write") + "/x.gpkg";
  write_overlay_layer(r, a, b, path, AreaUnit::SquareMetre);
  ReadOptions o;
  o.layer = "intersection";
  Layer out = read_layer(path, o);
  ASSERT_EQ(out.features.size(), 5u);
  ASSERT_EQ(out.fields.size(), 4u);  // NAME, KIND, NAME_2, area_m2
  EXPECT_EQ(out.fields[2].name, "NAME_2");
  EXPECT_EQ(out.fields[3].name, "area_m2");
  EXPECT_EQ(to_string(out.features[0].values[0]), "plain");
  EXPECT_EQ(to_string(out.features[0].values[2]), "c1");
  EXPECT_NEAR(std::get<double>(out.features[0].values[3]), 5999.999999, 0.01);  // 60x100 m
}

TEST(OverlayLayer, FeaturesFromOneLayerHaveTheOthersFieldsNull) {
  Layer a = read_cases("targets"), b = read_cases("cover");
  OverlayOptions options;
  options.op = OverlayOp::Union;
  OverlayResult r = overlay_layers(a, b, options);
  const std::string path = test::work_dir("overlay_write_union") + "/u.gpkg";
  write_overlay_layer(r, a, b, path, AreaUnit::Hectare);
  ReadOptions o;
  o.layer = "union";
  Layer out = read_layer(path, o);
  ASSERT_EQ(out.features.size(), r.features.size());
  EXPECT_EQ(out.fields.back().name, "area_ha");
  const std::size_t a_first = r.from_both, b_first = r.from_both + r.a_only;
  ASSERT_LT(b_first, out.features.size());
  EXPECT_FALSE(is_missing(out.features[a_first].values[0]));   // A's NAME
  EXPECT_TRUE(is_missing(out.features[a_first].values[2]));    // B's NAME_2
  EXPECT_TRUE(is_missing(out.features[b_first].values[0]));
  EXPECT_FALSE(is_missing(out.features[b_first].values[2]));
  double total_ha = 0.0;
  for (const Feature& f : out.features) total_ha += std::get<double>(f.values.back());
  EXPECT_NEAR(total_ha, from_square_metres(r.total_m2, AreaUnit::Hectare), 1e-9);
}

TEST(OverlayLayer, AnInputIsNeverTheOutput) {
  Layer a = read_cases("targets"), b = read_cases("cover");
  OverlayResult r = overlay_layers(a, b, {});
  const std::string input = test::data_path("overlay/cases.gpkg");
  const std::string before = test::read_file(input);
  ASSERT_FALSE(before.empty());
  EXPECT_THROW(write_overlay_layer(r, a, b, input, AreaUnit::Hectare), UsageError);
  EXPECT_EQ(test::read_file(input), before);
}

}  // namespace
}  // namespace redline
