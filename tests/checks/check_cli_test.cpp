// `redline check` as a pipeline runs it: exit codes 0 / 1 / 2, the JSON contract, deliveries.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace redline {
namespace {

const std::string kVersions = test::data_path("drift/versions.gpkg");
const std::string kSample = test::source_path("samples/huichang/huichang.gpkg");

TEST(CheckCli, QuickFormPassesWithExitZero) {
  // versions.gpkg:edited measures 59.502234 ha (tests/oracles/drift_geopandas.py).
  test::CliResult r = test::run_cli({"check", "not-reduced", kVersions, "--layer", "edited", "--baseline", "59.50ha"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  达标\n"), std::string::npos) << r.out;  // the row's result cell
  EXPECT_EQ(r.out.find("  未达标\n"), std::string::npos) << r.out;
}

TEST(CheckCli, CutVersionFailsWithExitOneAndNamesWhatWasLost) {
  test::CliResult r = test::run_cli({"check", "not-reduced", kSample, "--layer", "redline_2024_cut", "--previous",
                                     kSample, "--previous-layer", "redline", "--key", "BSM", "--label", "HXMC"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("未达标"), std::string::npos) << r.out;
  // The largest polygon lost (oracle: 1245.3134 ha).
  EXPECT_NE(r.out.find("36073321000057 白鹅生物多样性维护生态保护红线 (removed, 1245.31 ha)"), std::string::npos) << r.out;
}

TEST(CheckCli, QuickFormNeedsItsParameters) {
  test::CliResult r = test::run_cli({"check", "not-reduced", kVersions, "--layer", "edited"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baseline"), std::string::npos) << r.err;
}

TEST(CheckCli, RulesErrorsExitTwoNamingFileAndCheck) {
  test::CliResult r = test::run_cli({"check", test::data_path("checks/unknown_key.toml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown_key.toml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'typo in a key'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");

  r = test::run_cli({"check", test::data_path("checks/missing_layer_file.toml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nowhere.gpkg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'no such file'"), std::string::npos) << r.err;
}

TEST(CheckCli, JsonFollowsTheContract) {
  test::CliResult r = test::run_cli({"check", test::data_path("checks/small.toml"), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // "edited above 60 ha" fails
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(j.begin().key(), "passed");
  EXPECT_EQ(j["passed"], false);
  ASSERT_EQ(j["checks"].size(), 4u);
  const std::vector<std::string> keys = {"name", "kind", "passed", "value", "threshold", "unit", "details"};
  for (const auto& c : j["checks"]) {
    auto it = c.begin();
    for (const std::string& k : keys) {
      ASSERT_NE(it, c.end());
      EXPECT_EQ(it.key(), k);
      ++it;
    }
  }
  EXPECT_EQ(j["checks"][0]["passed"], true);
  EXPECT_EQ(j["checks"][1]["passed"], false);
  EXPECT_NEAR(j["checks"][1]["value"].get<double>(), 59.502234, 1e-5);  // oracle, ha
  EXPECT_EQ(j["checks"][2]["kind"], "nature-unchanged");
  EXPECT_NEAR(j["checks"][2]["value"].get<double>(), 3.9961915, 1e-5);  // oracle: 水源涵养 → 水土保持
}

TEST(CheckCli, DeliveriesAreCheckedInOneCall) {
  test::CliResult r = test::run_cli({"check", test::data_path("checks/deliveries.toml"), "--deliveries",
                                     test::data_path("checks/deliveries"), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  ASSERT_EQ(j["checks"].size(), 5u);
  EXPECT_EQ(j["checks"][0]["delivery"], nullptr);
  EXPECT_EQ(j["checks"][1]["delivery"], "2024-01.gpkg");
  EXPECT_EQ(j["checks"][1]["passed"], true);   // the 1 mm re-export keeps its area
  EXPECT_EQ(j["checks"][2]["passed"], true);   // ... and its classes
  EXPECT_EQ(j["checks"][3]["delivery"], "2024-02.gpkg");
  EXPECT_EQ(j["checks"][3]["passed"], false);  // two polygons gone
  // pyproj geodesic areas of the two: 38822.408927 + 39962.002775 m².
  EXPECT_NEAR(j["checks"][3]["details"]["lost"].get<double>(), (38822.408927 + 39962.002775) / 1e4, 1e-5);
  EXPECT_EQ(j["checks"][3]["details"]["lost_features"].size(), 2u);

  // The placeholder without deliveries is a usage error.
  r = test::run_cli({"check", test::data_path("checks/deliveries.toml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("{delivery}"), std::string::npos) << r.err;
}

TEST(CheckCli, MarkdownReport) {
  test::CliResult r = test::run_cli({"check", test::data_path("checks/small.toml"), "--format", "md"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("| 未达标 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| 达标 |"), std::string::npos) << r.out;
}

TEST(CheckCli, SampleIndicatorTable) {
  test::CliResult r = test::run_cli({"check", test::source_path("samples/huichang/indicators.toml")});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the sample fails eight indicators on purpose
  EXPECT_NE(r.out.find("14 check(s): 6 达标 (passed), 8 未达标 (failed)"), std::string::npos) << r.out;
  // Issue 10's indicators, against the sample's independent figures (samples/huichang/README.md,
  // computed with shapely + pyproj Geod on CGCS2000 by tests/sample/test_sample_invariants.py and
  // tests/oracles/shoreline_length.py, tests/oracles/conflicts_geopandas.py): shoreline by length 161.7155 of 192.0155 km = 84.22 %;
  // red line x farmland 41.229859 ha + red line x urban 4.000138 ha; farmland x urban 50.005855
  // ha; mines inside the red line 4.086990 ha.
  for (const char* row : {"84.22 %      ≥ 84.70 %      -0.48 %  未达标", "45.23 ha      ≤ 0.00 ha    -45.23 ha  未达标",
                          "50.01 ha      ≤ 0.00 ha    -50.01 ha  未达标", "4.09 ha      ≤ 0.00 ha     -4.09 ha  未达标"}) {
    EXPECT_NE(r.out.find(row), std::string::npos) << row << "\n" << r.out;
  }
}

}  // namespace
}  // namespace redline
