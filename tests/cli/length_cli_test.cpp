// `redline length` end to end: table, JSON keys, Chinese units, and each refusal (exit 2, one
// stderr line, the input byte-identical). Figures: tests/oracles/shoreline_length.py (total
// 192015.491352 m; 岸线保护区 64407.566753 m).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::contains;
using test::run_cli;
using test::snapshot_files;

const std::string kSampleDir = test::source_path("samples/huichang");
const std::string kSample = kSampleDir + "/huichang.gpkg";

// Runs the CLI on the sample and checks the sample is byte-identical afterwards.
CliResult run_on_sample(const std::vector<std::string>& args) {
  const auto before = snapshot_files(kSampleDir, "huichang.gpkg");
  CliResult r = run_cli(args);
  EXPECT_EQ(snapshot_files(kSampleDir, "huichang.gpkg"), before) << "the sample was modified";
  return r;
}

TEST(LengthCli, TableByZone) {
  const CliResult r = run_on_sample({"length", kSample, "--layer", "shoreline_line", "--by", "GNFQ"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "total length (km)  192.0155")) << r.out;
  EXPECT_TRUE(contains(r.out, "64.4076")) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(LengthCli, JsonKeysAndFigures) {
  const CliResult r =
      run_on_sample({"length", kSample, "--layer", "shoreline_line", "--by", "GNFQ", "--unit", "米",
                     "--features", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["unit"], "m");
  EXPECT_EQ(j["method"], "ellipsoidal");
  EXPECT_NEAR(j["total"].get<double>(), 192015.491352, 1e-3);
  EXPECT_EQ(j["features"], 129);
  ASSERT_EQ(j["groups"].size(), 4u);
  EXPECT_EQ(j["groups"][0]["key"], "岸线保护区");
  EXPECT_NEAR(j["groups"][0]["length"].get<double>(), 64407.566753, 1e-3);
  EXPECT_EQ(j["feature_lengths"].size(), 129u);
  EXPECT_TRUE(j["read"].contains("issues"));
  EXPECT_EQ(j["source"], kSample);
}

TEST(LengthCli, ChineseKilometres) {
  const CliResult r =
      run_on_sample({"length", kSample, "--layer", "shoreline_line", "--unit", "公里", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NEAR(nlohmann::json::parse(r.out)["total"].get<double>(), 192.015491352, 1e-6);
}

void expect_refusal(const CliResult& r, const std::string& message) {
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.err, "redline: error: " + message + "\n");
}

TEST(LengthCli, RefusesAPolygonLayer) {
  expect_refusal(run_on_sample({"length", kSample, "--layer", "county"}),
                 kSample + ": layer county: the layer holds polygons (Multi Polygon), not lines: lengths are "
                           "measured on lines; measure polygons by area (redline area)");
}

TEST(LengthCli, AreaRefusesALineLayer) {
  expect_refusal(run_on_sample({"area", kSample, "--layer", "shoreline_line"}),
                 kSample + ": layer shoreline_line: the layer holds lines (Multi Line String), not polygons: "
                           "areas are measured on polygons; measure lines by length (redline length, or "
                           "measure = \"length\" in a check)");
}

TEST(LengthCli, RefusesAnUnknownUnit) {
  const CliResult r = run_on_sample({"length", kSample, "--layer", "shoreline_line", "--unit", "ha"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "unknown length unit 'ha' (expected m or km; or 米, 公里)")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(LengthCli, RefusesPlanarOnAGeographicCrs) {
  const std::string lines = test::data_path("lines/lines_4490.gpkg");
  const auto before = snapshot_files(test::data_path("lines"), "lines_4490");
  const CliResult planar = run_cli({"length", lines, "--layer", "lines", "--method", "planar"});
  EXPECT_EQ(planar.exit_code, 2);
  EXPECT_TRUE(contains(planar.err, "method planar needs a projected CRS")) << planar.err;
  EXPECT_EQ(snapshot_files(test::data_path("lines"), "lines_4490"), before);
}

TEST(LengthCli, InfoDescribesALineLayer) {
  const CliResult r = run_on_sample({"info", kSample, "--layer", "shoreline_line"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "lines, by length (redline length)")) << r.out;
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// Coverage of lines: tests/oracles/line_coverage.py (shoreline_line within redline: inside
// 13625.892973 m of 192015.491352 m, 12 features inside).
TEST(LineCoverageCli, LengthsInsideTheCoverInKilometres) {
  const CliResult r = run_on_sample({"coverage", kSample, "--layer", "shoreline_line", "--within", kSample,
                                     "--within-layer", "redline", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["unit"], "km");
  EXPECT_EQ(j["measure"], "length");
  EXPECT_NEAR(j["total"]["length"].get<double>(), 192.015491352, 1e-6);
  EXPECT_NEAR(j["total"]["inside"].get<double>(), 13.625892973, 1e-3);
  EXPECT_EQ(j["features_inside"], 12);
  EXPECT_EQ(j["inside"].size(), 12u);
}

TEST(LineCoverageCli, TableByZoneInMetres) {
  const CliResult r = run_on_sample({"coverage", kSample, "--layer", "shoreline_line", "--by", "GNFQ", "--within",
                                     kSample, "--within-layer", "redline", "--unit", "米"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "inside (m)")) << r.out;
  EXPECT_TRUE(contains(r.out, "192015.49")) << r.out;
}

TEST(LineCoverageCli, RefusesPolygonOnlyOptionsAndAreaUnits) {
  const CliResult out = run_on_sample({"coverage", kSample, "--layer", "shoreline_line", "--within", kSample,
                                       "--within-layer", "redline", "--out", "/tmp/never_written_lines.gpkg"});
  expect_refusal(out, "--out applies to polygon targets; shoreline_line holds lines");
  const CliResult unit = run_on_sample({"coverage", kSample, "--layer", "shoreline_line", "--within", kSample,
                                        "--within-layer", "redline", "--unit", "ha"});
  EXPECT_EQ(unit.exit_code, 2);
  EXPECT_TRUE(contains(unit.err, "unknown length unit 'ha'")) << unit.err;
}

// share-of-zones by length in the quick form: 84.220028 % (tests/oracles/line_coverage.py).
TEST(CheckByLengthCli, ShareOfZonesPassesAndFails) {
  const CliResult pass = run_on_sample({"check", "share-of-zones", kSample, "--layer", "shoreline_line", "--measure",
                                        "length", "--min-percent", "84", "--format", "json"});
  ASSERT_EQ(pass.exit_code, 0) << pass.err << pass.out;
  EXPECT_TRUE(contains(pass.out, "84.22")) << pass.out;
  const CliResult fail = run_on_sample({"check", "share-of-zones", kSample, "--layer", "shoreline_line", "--measure",
                                        "length", "--min-percent", "84.7", "--unit", "公里"});
  EXPECT_EQ(fail.exit_code, 1) << fail.err;
  EXPECT_TRUE(contains(fail.out, "未达标")) << fail.out;
  EXPECT_TRUE(contains(fail.out, "161.7155 km of 192.0155 km of line")) << fail.out;
}

TEST(CheckByLengthCli, ByAreaOnTheLineLayerIsRefused) {
  const CliResult r = run_on_sample({"check", "share-of-zones", kSample, "--layer", "shoreline_line", "--min-percent",
                                     "84"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "the layer holds lines (Multi Line String), not polygons")) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// A rules file with a check by area and one by length: --unit overrides the checks of its own
// kind (an area unit the area check, m or km the length check), never refusing the other.
TEST(CheckByLengthCli, UnitOfTheCommandLineGoesToTheChecksOfItsKind) {
  const std::string dir = test::work_dir("check_by_length_units");
  const std::string rules = dir + "/rules.toml";
  {
    std::ofstream out(rules);
    out << "[[check]]\nname = \"by area\"\nkind = \"share-of-zones\"\nlayer = \"" << kSample
        << "\"\nlayer_name = \"shoreline\"\nmin_percent = 80\n\n"
        << "[[check]]\nname = \"by length\"\nkind = \"share-of-zones\"\nlayer = \"" << kSample
        << "\"\nlayer_name = \"shoreline_line\"\nmeasure = \"length\"\nmin_percent = 80\n";
  }
  const CliResult mu = run_on_sample({"check", rules, "--unit", "mu", "--format", "json"});
  ASSERT_EQ(mu.exit_code, 0) << mu.err;
  auto j = nlohmann::json::parse(mu.out);
  EXPECT_EQ(j["checks"][0]["details"]["area_unit"], "mu");
  EXPECT_EQ(j["checks"][1]["details"]["length_unit"], "km");  // the length check keeps its default
  const CliResult m = run_on_sample({"check", rules, "--unit", "米", "--format", "json"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  j = nlohmann::json::parse(m.out);
  EXPECT_EQ(j["checks"][0]["details"]["area_unit"], "ha");
  EXPECT_EQ(j["checks"][1]["details"]["length_unit"], "m");
  const CliResult bad = run_on_sample({"check", rules, "--unit", "furlong"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "unknown area unit 'furlong'")) << bad.err;
}

}  // namespace
}  // namespace redline
