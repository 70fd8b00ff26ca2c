// `redline drift` as a user runs it: exit codes, the JSON contract, --out.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace redline {
namespace {

const std::string kVersions = test::data_path("drift/versions.gpkg");

test::CliResult drift(std::vector<std::string> extra) {
  std::vector<std::string> args = {"drift", kVersions, kVersions, "--before-layer", "base", "--after-layer", "edited"};
  args.insert(args.end(), extra.begin(), extra.end());
  return test::run_cli(args);
}

TEST(DriftCli, JsonFollowsTheContract) {
  test::CliResult r = drift({"--key", "BSM", "--class-field", "HXLX", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  // The keys, first and in this order.
  const std::vector<std::string> keys = {"unit",  "before", "after",        "delta",      "delta_percent", "gained",
                                         "lost",  "gained_noise", "lost_noise", "features", "reclassified"};
  auto it = j.begin();
  for (const std::string& k : keys) {
    ASSERT_NE(it, j.end());
    EXPECT_EQ(it.key(), k);
    ++it;
  }
  EXPECT_EQ(j["unit"], "ha");
  for (const char* k : {"matched", "added", "removed", "modified"}) EXPECT_TRUE(j["features"].contains(k)) << k;
  EXPECT_EQ(j["features"]["added"], 1);
  EXPECT_EQ(j["features"]["removed"], 1);
  // Oracle (tests/oracles/drift_geopandas.py, base → edited): gained 7.9522315894 ha.
  EXPECT_NEAR(j["gained"].get<double>(), 7.9522315894, 1e-7);
  bool found = false;
  for (const auto& rc : j["reclassified"]) {
    EXPECT_TRUE(rc.contains("from") && rc.contains("to") && rc.contains("area"));
    if (rc["from"] == "水源涵养" && rc["to"] == "水土保持") {
      found = true;
      EXPECT_NEAR(rc["area"].get<double>(), 3.9961915208, 1e-7);
    }
  }
  EXPECT_TRUE(found);
}

TEST(DriftCli, TextReportShowsRealChangeAndNoise) {
  test::CliResult r = drift({"--key", "BSM", "--unit", "m2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("real change"), std::string::npos);
  EXPECT_NE(r.out.find("noise"), std::string::npos);
  EXPECT_NE(r.out.find("36073321000005  removed"), std::string::npos) << r.out;
}

TEST(DriftCli, UnknownKeyIsAUsageError) {
  test::CliResult r = drift({"--key", "NOPE"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NOPE"), std::string::npos) << r.err;
}

TEST(DriftCli, RefusalsExitTwoWithOneLineAndLeaveInputsAlone) {
  const std::string dir = test::work_dir("drift_cli_refusals");
  const std::string input = dir + "/versions.gpkg";
  std::filesystem::remove(input);
  std::filesystem::copy_file(kVersions, input);
  const auto before = test::snapshot_files(dir, "versions");
  struct Refusal {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Refusal> refusals = {
      {{"--key", "NOPE"}, input + ": layer base: no field 'NOPE' (fields: BSM, HXLX)"},
      {{"--class-field", "NOPE"}, input + ": layer base: no field 'NOPE' (fields: BSM, HXLX)"},
      {{"--grid", "nan"}, "grid size must be 0 or a number of metres up to 10, not nan"},
      {{"--sliver-width", "0"}, "sliver width must be a positive number of metres, not 0"},
      {{"--sliver-area", "1e5"}, "sliver area must be 0 or a number of m² up to 10000, not 100000"},
      {{"--fast-shift", "-1"}, "the fast shift must be 0 or a number of metres up to 100, not -1"},
      {{"--out", input}, input + ": is the input " + input + ": writing there would destroy it; write to another path"},
  };
  for (const Refusal& refusal : refusals) {
    std::vector<std::string> args = {"drift", input, input, "--before-layer", "base", "--after-layer", "edited"};
    args.insert(args.end(), refusal.args.begin(), refusal.args.end());
    const test::CliResult r = test::run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << refusal.args[0];
    EXPECT_EQ(r.err, "redline: error: " + refusal.message + "\n") << refusal.args[0];
    EXPECT_EQ(r.out, "") << refusal.args[0];
  }
  EXPECT_EQ(test::snapshot_files(dir, "versions"), before);
}

TEST(DriftCli, OutWritesLayersAndLeavesInputsUntouched) {
  const std::string dir = test::work_dir("drift_cli_out");
  std::filesystem::copy_file(kVersions, dir + "/versions.gpkg");
  const auto before = test::snapshot_files(dir, "versions");
  const std::string out = dir + "/drift.gpkg";
  test::CliResult r = test::run_cli({"drift", dir + "/versions.gpkg", dir + "/versions.gpkg", "--before-layer", "base",
                                     "--after-layer", "edited", "--key", "BSM", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_EQ(test::snapshot_files(dir, "versions"), before);
}

}  // namespace
}  // namespace redline
