// The coverage, tabulate and overlay tools: options, JSON contracts, --out, errors, threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::run_cli;

std::string cases() { return test::data_path("overlay/cases.gpkg"); }
std::string sample() { return test::source_path("samples/huichang/huichang.gpkg"); }

TEST(CoverageCli, HelpNamesOptionsAndDefaults) {
  auto r = run_cli({"coverage", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* s : {"--within", "--within-layer", "--within-assume-crs", "--within-encoding", "--by",
                        "--sliver-width", "0.05", "--out", "--method", "--unit", "--format", "--threads",
                        "--crs", "--grid", "Examples"}) {
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  }
}

TEST(CoverageCli, JsonHasTheIssuesShape) {
  auto r = run_cli({"coverage", cases(), "--layer", "targets", "--within", cases(), "--within-layer", "cover",
                    "--by", "KIND", "--format", "json", "--unit", "m2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["unit"], "m2");
  EXPECT_EQ(j["method"], "ellipsoidal");
  for (const char* k : {"area", "inside", "outside", "percent"}) EXPECT_TRUE(j["total"].contains(k)) << k;
  ASSERT_EQ(j["groups"].size(), 5u);
  for (const char* k : {"key", "area", "inside", "outside", "percent"}) EXPECT_TRUE(j["groups"][0].contains(k)) << k;
  // Oracle (tests/oracles/overlay_small_oracle.py): the "overlap" group is the plain square,
  // 8999.999999 of 9999.999999 m² inside.
  for (const auto& g : j["groups"]) {
    if (g["key"] == "overlap") {
      EXPECT_NEAR(g["inside"].get<double>(), 8999.999999, 1e-3);
    }
  }
  EXPECT_EQ(j["features_inside"], 3);
  EXPECT_EQ(j["slivers"]["features"], 1);
  EXPECT_EQ(j["cover_overlaps"]["features"], 2);
  EXPECT_EQ(j["cover_overlaps"]["groups"], 1);
}

TEST(CoverageCli, TextListsTheConflictsAndStatesTheSliverWidth) {
  auto r = run_cli({"coverage", cases(), "--layer", "targets", "--id-field", "NAME", "--within", cases(),
                    "--within-layer", "cover"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("features inside the cover (3 of 7)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("thinner than 0.05 m"), std::string::npos);
  EXPECT_NE(r.out.find("plain"), std::string::npos);
  EXPECT_EQ(r.out.find("touching"), std::string::npos);  // 0 inside: not a conflict
}

TEST(CoverageCli, OutWritesInsideAndOutsideLayersAndLeavesInputsAlone) {
  const std::string dir = test::work_dir("coverage_out");
  const std::string input = dir + "/cases.gpkg";
  std::filesystem::copy_file(cases(), input);
  const auto before = test::snapshot_files(dir, "cases");
  const std::string out = dir + "/conflicts.gpkg";
  auto r = run_cli({"coverage", input, "--layer", "targets", "--within", input, "--within-layer", "cover",
                    "--out", out, "--unit", "m2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::snapshot_files(dir, "cases"), before);
  ReadOptions o;
  o.layer = "inside";
  Layer inside = read_layer(out, o);
  ASSERT_EQ(inside.features.size(), 3u);  // plain, holed, bowtie
  EXPECT_EQ(inside.fields.back().name, "pct");
  EXPECT_EQ(to_string(inside.features[0].values[0]), "plain");
  EXPECT_NEAR(std::get<double>(inside.features[0].values[2]), 8999.999999, 1e-3);  // area_m2
  o.layer = "outside";
  EXPECT_EQ(read_layer(out, o).features.size(), 7u);
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();  // no temp left
  }
}

TEST(CoverageCli, MissingCoverIsAnInputErrorNamingTheFile) {
  auto r = run_cli({"coverage", cases(), "--layer", "targets", "--within", "/nonexistent/cover.shp"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/cover.shp"), std::string::npos) << r.err;
  // One error line; the target's bow tie (feature 6) adds a "redline: warning:" line before it.
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
  EXPECT_EQ(r.err.find("redline: error: "), r.err.rfind("redline: error: ")) << r.err;
}

TEST(CoverageCli, FailPolicyNamesTheInvalidFeature) {
  auto r = run_cli({"coverage", cases(), "--layer", "targets", "--invalid", "fail", "--within", cases(),
                    "--within-layer", "cover"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("feature 6"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("targets"), std::string::npos) << r.err;
}

TEST(CoverageCli, SameOutputWithOneAndTwoThreads) {
  ASSERT_TRUE(std::filesystem::exists(sample())) << "committed sample missing: " << sample();
  auto one = run_cli({"coverage", sample(), "--layer", "parcels", "--by", "DLBM", "--within", sample(),
                      "--within-layer", "redline", "--format", "json", "--threads", "1"});
  auto two = run_cli({"coverage", sample(), "--layer", "parcels", "--by", "DLBM", "--within", sample(),
                      "--within-layer", "redline", "--format", "json", "--threads", "2"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
}

TEST(TabulateCli, JsonHasTheIssuesShapeAndThreadsAgree) {
  std::vector<std::string> args = {"tabulate", cases(), cases(), "--layer", "zones", "--zone-field", "ZONE",
                                   "--classes-layer", "classes", "--class-field", "CLASS", "--format", "json",
                                   "--unit", "m2"};
  auto r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["unit"], "m2");
  ASSERT_EQ(j["rows"].size(), 4u);
  for (const char* k : {"zone", "class", "area", "percent"}) EXPECT_TRUE(j["rows"][0].contains(k)) << k;
  EXPECT_EQ(j["rows"][0]["zone"], "A");
  EXPECT_EQ(j["rows"][0]["class"], "01");
  EXPECT_NEAR(j["rows"][0]["area"].get<double>(), 7499.999999, 1e-3);  // overlay_small_oracle.py
  ASSERT_TRUE(std::filesystem::exists(sample())) << "committed sample missing: " << sample();
  std::vector<std::string> s = {"tabulate", sample(), sample(), "--layer", "redline", "--zone-field", "HXLX",
                                "--classes-layer", "parcels", "--class-field", "DLBM", "--format", "json"};
  s.push_back("--threads");
  s.push_back("1");
  auto one = run_cli(s);
  s.back() = "2";
  auto two = run_cli(s);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
}

TEST(TabulateCli, ClassFieldIsRequired) {
  auto r = run_cli({"tabulate", cases(), cases(), "--layer", "zones", "--classes-layer", "classes"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(OverlayCli, WritesTheResultLayerWithBothAttributes) {
  const std::string out = test::work_dir("overlay_cli") + "/u.gpkg";
  auto r = run_cli({"overlay", cases(), cases(), "--layer", "targets", "--b-layer", "cover", "--op", "union",
                    "--out", out, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["op"], "union");
  EXPECT_EQ(j["from_both"], 5);
  EXPECT_EQ(j["a_only"], 7);
  EXPECT_EQ(j["b_only"], 6);  // c1, c2 lie wholly inside the plain square
  ReadOptions o;
  o.layer = "union";
  Layer u = read_layer(out, o);
  EXPECT_EQ(u.features.size(), 18u);
  EXPECT_EQ(u.fields[2].name, "NAME_2");
}

TEST(OverlayCli, BadOpIsAUsageError) {
  auto r = run_cli({"overlay", cases(), cases(), "--layer", "targets", "--b-layer", "cover", "--op", "xor",
                    "--out", test::work_dir("overlay_bad") + "/x.gpkg"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("op takes intersection, difference, identity or union, not 'xor'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace redline
