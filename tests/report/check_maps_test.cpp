// The maps of checks (lib/report/check_maps.cpp) on the sample's indicators: one per failing
// check, numbered; drawn where the check fails, in the colour of what fails, and not elsewhere.
//
// Oracle: /usr/bin/python3 tests/oracles/check_maps_oracle.py samples/huichang/huichang.gpkg
//   (GeoPandas/shapely: a point well inside each piece, EPSG:4527 metres; printed lines
//   "point KIND NAME X Y" copied below).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/checks/rules.h"
#include "redline/report/check_maps.h"
#include "report/map_pixels.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::decode_png;
using test::hits_around;
using test::Png;

namespace fs = std::filesystem;

struct Where {
  const char* kind;
  const char* name;
  double x, y;
};
constexpr Where kRemoved[] = {{"removed", "36073321000039", 39371343.9, 2807761.2},
                              {"removed", "36073321000057", 39392260.6, 2829554.5}};
constexpr Where kAdded[] = {{"added", "36073321000062", 39370792.5, 2797829.3},
                            {"added", "36073321000065", 39381181.7, 2818257.5},
                            {"added", "36073321000064", 39366645.9, 2823830.6},
                            {"added", "36073321000063", 39368884.2, 2852672.0}};
constexpr Where kReclassified[] = {{"reclass", "36073321000019", 39384219.8, 2835331.3},
                                   {"reclass", "36073321000022", 39385285.2, 2823464.7},
                                   {"reclass", "36073321000031", 39381295.6, 2848690.1}};
constexpr Where kWetlandsOutside[] = {{"outside", "25", 39376160.4, 2842934.2},
                                      {"outside", "1", 39373010.2, 2833345.1},
                                      {"outside", "4", 39360924.3, 2851819.7}};
constexpr Where kWetlandsInside{"inside", "13", 39365022.4, 2796709.0};
constexpr Where kOverlaps[] = {{"overlap", "36073321000027x36073371000082", 39371030.3, 2822318.9},
                               {"overlap", "36073321000023x36073371000255", 39375926.9, 2787184.8}};
// A red-line feature neither added, reclassified nor overlapping farmland: fails nothing.
constexpr Where kPlain{"plain", "36073321000050", 39397780.9, 2813552.9};

const std::string kRules = test::source_path("samples/huichang/indicators.toml");

// The sample's 14 checks, run once with their geometry kept.
const std::vector<CheckResult>& sample_results() {
  static const std::vector<CheckResult> results = [] {
    CheckRunOptions options;
    options.read.threads = 2;
    options.keep_geometries = true;
    return run_checks(load_rules(kRules).checks, options);
  }();
  return results;
}

Png drawn(const MapSpec& map) {
  const Png png = decode_png(render_map_bytes(map, MapFormat::Png));
  EXPECT_EQ(png.width, kMapPngWidth);
  EXPECT_EQ(png.height, kMapPngHeight);
  return png;
}

// At least this many of the 81 pixels around a point inside a piece are its colour.
constexpr std::size_t kInside = 12;

TEST(CheckMaps, OneNumberedMapPerFailingCheck) {
  const std::vector<CheckResult>& results = sample_results();
  ASSERT_EQ(results.size(), 14u);
  const std::string dir = test::work_dir("check_maps_numbered");
  const std::vector<std::string> written = write_check_maps(results, dir + "/maps.png", {kRules});
  std::vector<std::string> expected;
  for (int n : {4, 5, 7, 9, 11, 12, 13, 14}) expected.push_back(dir + "/maps-" + std::to_string(n) + ".png");
  EXPECT_EQ(written, expected);
  for (const std::string& path : written) {
    const Png png = decode_png(test::read_file(path));
    ASSERT_EQ(png.width, kMapPngWidth) << path;
    ASSERT_EQ(png.height, kMapPngHeight) << path;
    // Something is drawn in red, the colour of what fails, on every map (the legend's swatch
    // at least; the pieces too for all but the amber reclassified ones).
    std::size_t red = 0;
    for (std::uint32_t p : png.pixels) red += test::is_lost_red(p) ? 1 : 0;
    std::size_t amber = 0;
    for (std::uint32_t p : png.pixels) amber += test::is_reclassified_amber(p) ? 1 : 0;
    EXPECT_GT(red + amber, 300u) << path;
  }
  // Nothing else: no map for a check that passed, no temporary left.
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 8u);
  // The same as SVG: each parses as XML.
  for (const std::string& path : write_check_maps(results, dir + "/maps.svg", {kRules})) {
    const std::string command = "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])\" " + path;
    EXPECT_EQ(std::system(command.c_str()), 0) << path;
  }
  // Every check passed: nothing written.
  std::vector<CheckResult> passed = {results[0], results[1]};
  EXPECT_TRUE(passed[0].passed && passed[1].passed);
  EXPECT_TRUE(write_check_maps(passed, dir + "/none.png", {kRules}).empty());
  EXPECT_FALSE(fs::exists(dir + "/none-1.png"));
}

TEST(CheckMaps, NumberedNamesStayInTheFolderOfTheName) {
  EXPECT_EQ(check_map_path("maps.png", 3), "maps-3.png");
  EXPECT_EQ(check_map_path("out/v1.2/maps.final.SVG", 12), "out/v1.2/maps.final-12.SVG");
}

TEST(CheckMaps, NotReducedShowsTheRemovedPolygonsAsLost) {
  // Check 2: the red line 2024 against 2023 (it passes: what was gained compensates; its map
  // still shows where the area went).
  const CheckResult& r = sample_results()[1];
  ASSERT_EQ(r.kind, CheckKind::NotReduced);
  const std::optional<MapSpec> map = map_of_check(r);
  ASSERT_TRUE(map);
  const Png png = drawn(*map);
  for (const Where& w : kRemoved) {
    EXPECT_GE(hits_around(png, *map, w.x, w.y, 4, test::is_lost_red), kInside) << w.name;
  }
  for (const Where& w : kAdded) {
    EXPECT_GE(hits_around(png, *map, w.x, w.y, 4, test::is_gained_blue), kInside) << w.name;
    EXPECT_EQ(hits_around(png, *map, w.x, w.y, 1, test::is_lost_red), 0u) << w.name;
  }
  EXPECT_EQ(hits_around(png, *map, kPlain.x, kPlain.y, 4, test::is_lost_red), 0u);
}

TEST(CheckMaps, NatureUnchangedShowsTheReclassifiedPieces) {
  const CheckResult& r = sample_results()[3];  // check 4: HXLX of the red line
  ASSERT_EQ(r.kind, CheckKind::NatureUnchanged);
  ASSERT_FALSE(r.passed);
  const std::optional<MapSpec> map = map_of_check(r);
  ASSERT_TRUE(map);
  EXPECT_NE(map->title.find("未达标"), std::string::npos);
  const Png png = drawn(*map);
  for (const Where& w : kReclassified) {
    EXPECT_GE(hits_around(png, *map, w.x, w.y, 4, test::is_reclassified_amber), kInside) << w.name;
  }
  EXPECT_EQ(hits_around(png, *map, kPlain.x, kPlain.y, 4, test::is_reclassified_amber), 0u);
  for (const Where& w : kRemoved) {  // lost is not reclassified
    EXPECT_EQ(hits_around(png, *map, w.x, w.y, 1, test::is_reclassified_amber), 0u) << w.name;
  }
}

TEST(CheckMaps, MinShareShowsThePartsOutside) {
  const CheckResult& sample = sample_results()[9];  // check 10: wetlands in reserves ≥ 52 %
  ASSERT_EQ(sample.kind, CheckKind::MinShare);
  const std::optional<MapSpec> map = map_of_check(sample);
  ASSERT_TRUE(map);
  const Png png = drawn(*map);
  for (const Where& w : kWetlandsOutside) {
    EXPECT_GE(hits_around(png, *map, w.x, w.y, 4, test::is_lost_red), kInside) << "wetland " << w.name;
  }
  EXPECT_GE(hits_around(png, *map, kWetlandsInside.x, kWetlandsInside.y, 4, test::is_counted_green), kInside);
  EXPECT_EQ(hits_around(png, *map, kWetlandsInside.x, kWetlandsInside.y, 1, test::is_lost_red), 0u);
}

TEST(CheckMaps, NoOverlapShowsTheOverlaps) {
  const CheckResult& r = sample_results()[11];  // check 12: red line × farmland, urban
  ASSERT_EQ(r.kind, CheckKind::NoOverlap);
  ASSERT_FALSE(r.passed);
  const std::optional<MapSpec> map = map_of_check(r);
  ASSERT_TRUE(map);
  const Png png = drawn(*map);
  for (const Where& w : kOverlaps) {
    EXPECT_GE(hits_around(png, *map, w.x, w.y, 4, test::is_lost_red), kInside) << w.name;
  }
  EXPECT_EQ(hits_around(png, *map, kPlain.x, kPlain.y, 4, test::is_lost_red), 0u);
}

TEST(CheckMaps, NoGeometryKeptNoMap) {
  CheckResult r = sample_results()[3];
  r.geometries.reset();
  EXPECT_FALSE(map_of_check(r).has_value());
}

}  // namespace
}  // namespace redline
