// write_coverage_layers() (redline/report/coverage_layers.h): the "inside" and "outside" layers
// of `redline coverage --out`, read back. Figures: tests/oracles/overlay_small_oracle.py
// (shapely, pyproj.Geod on GRS80), in m².
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <variant>

#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "redline/report/coverage_layers.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

Layer read_back(const std::string& path, const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(path, o);
}

TEST(CoverageLayers, InsideAndOutsideCarryTheTargetsAttributesAndAreas) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  CoverageOptions options;
  options.id_field = "NAME";
  options.keep_geometries = true;
  const CoverageResult r = compute_coverage(targets, cover, options);
  const std::string path = test::work_dir("coverage_layers") + "/c.gpkg";
  write_coverage_layers(r, targets, path, AreaUnit::SquareMetre);

  const Layer inside = read_back(path, "inside"), outside = read_back(path, "outside");
  ASSERT_EQ(inside.fields.size(), targets.fields.size() + 3);
  EXPECT_EQ(inside.fields[targets.fields.size()].name, "area_m2");
  EXPECT_EQ(inside.fields[targets.fields.size() + 1].name, "feature_m2");
  EXPECT_EQ(inside.fields[targets.fields.size() + 2].name, "pct");
  EXPECT_EQ(inside.features.size(), r.features_inside);  // one per target with area inside
  std::map<std::string, const Feature*> in;
  for (const Feature& f : inside.features) in[to_string(f.values[0])] = &f;
  ASSERT_TRUE(in.count("plain"));
  const std::size_t area = targets.fields.size();
  // Oracle: the union of c1 and c2 covers 8999.999999 of plain's 9999.999999 m².
  EXPECT_NEAR(std::get<double>(in["plain"]->values[area]), 8999.999999, 1e-3);
  EXPECT_NEAR(std::get<double>(in["plain"]->values[area + 1]), 9999.999999, 1e-3);
  EXPECT_NEAR(std::get<double>(in["plain"]->values[area + 2]), 90.0, 1e-5);
  EXPECT_EQ(in.count("sliver"), 0u);  // slivers are outside in the layers as in the figures
  double outside_m2 = 0.0;
  for (const Feature& f : outside.features) outside_m2 += std::get<double>(f.values[area]);
  EXPECT_NEAR(outside_m2, r.total.outside_m2, 1e-6);
}

TEST(CoverageLayers, AnInputIsNeverTheOutput) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  CoverageOptions options;
  options.keep_geometries = true;
  const CoverageResult r = compute_coverage(targets, cover, options);
  const std::string input = test::data_path("overlay/cases.gpkg");
  const std::string before = test::read_file(input);
  ASSERT_FALSE(before.empty());
  EXPECT_THROW(write_coverage_layers(r, targets, input, AreaUnit::Hectare), UsageError);
  EXPECT_EQ(test::read_file(input), before);
}

}  // namespace
}  // namespace redline
