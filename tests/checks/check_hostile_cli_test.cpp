// `redline check` under hostile rules and options: every threshold or parameter that makes no
// sense is exit 2 with one line naming the rules file, the check and the line; a check with
// both a baseline and a previous version fails when either fails; a check that measures
// nothing, or whose losses nothing compensates, never passes. Inputs are left byte-identical.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

const std::string kVersions = test::data_path("drift/versions.gpkg");
const std::string kPadded = test::data_path("checks/padded.gpkg");
const std::string kSample = test::source_path("samples/huichang/huichang.gpkg");

// Writes `text` as RULES.toml in a fresh folder and returns its path.
std::string write_rules(const std::string& test_name, const std::string& text) {
  const std::string path = test::work_dir("hostile_" + test_name) + "/RULES.toml";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// A check of versions.gpkg:edited; `more` starts at line 5.
std::string check(const std::string& name, const std::string& more) {
  return "[[check]]\nname = \"" + name + "\"\nlayer = \"" + kVersions + "\"\nlayer_name = \"edited\"\n" + more;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

struct Case {
  const char* name;
  std::string rules;
  std::string expected;  // what the one line holds after "redline: error: RULES.toml: "
};

TEST(CheckHostileCli, RulesThatMakeNoSenseExitTwoWithOneLine) {
  const std::string nr = "kind = \"not-reduced\"\n";  // line 5
  const std::string ms = "kind = \"min-share\"\nwithin = \"" + kVersions + "\"\nwithin_layer = \"base\"\n";  // 5-7
  const std::vector<Case> cases = {
      {"nan", check("c", nr + "baseline = \"nanha\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area 'nanha' is not a number"},
      {"inf", check("c", nr + "baseline = \"inf ha\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area 'inf ha' is not a number"},
      {"negative", check("c", nr + "baseline = \"-1ha\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area '-1ha' is negative"},
      {"overflow", check("c", nr + "baseline = \"1e400ha\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area '1e400ha' is out of range"},
      {"hex", check("c", nr + "baseline = \"0x10ha\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area '0x10ha' is not a decimal number"},
      {"junk", check("c", nr + "baseline = \"75ha x\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area '75ha x': unknown unit 'ha x'"},
      {"empty", check("c", nr + "baseline = \"\"\n"), "check 'c' (check 1, line 1): line 6: baseline: area '' is not a number"},
      {"percent_hex", check("c", ms + "min_percent = 0x10\n"), "check 'c' (check 1, line 1): line 8: 'min_percent' must be a decimal number"},
      {"percent_nan", check("c", ms + "min_percent = nan\n"), "check 'c' (check 1, line 1): line 8: 'min_percent': percentage nan is not a finite number"},
      {"percent_101", check("c", ms + "min_percent = 101\n"), "check 'c' (check 1, line 1): line 8: 'min_percent': percentage 101 is above 100"},
      {"zones_empty", check("c", "kind = \"share-of-zones\"\nmin_percent = 5\nzones = []\n"), "check 'c' (check 1, line 1): line 7: 'zones' is an empty list"},
      {"order_twice", check("c", "kind = \"function-not-lowered\"\nprevious = \"" + kVersions + "\"\nprevious_layer = \"base\"\nfield = \"HXLX\"\norder = [\"a\", \"b\", \"a\"]\n"),
       "check 'c' (check 1, line 1): line 9: 'order' holds 'a' twice"},
      {"missing_kind", check("c", "baseline = \"1ha\"\n"), "check 'c' (check 1, line 1): 'kind' is missing"},
      {"wrong_type", check("c", nr + "baseline = \"1ha\"\nkey = 5\n"), "check 'c' (check 1, line 1): line 7: 'key' must be a text in quotes"},
      {"same_name", check("c", nr + "baseline = \"1ha\"\n") + check("c", nr + "baseline = \"2ha\"\n"),
       "check 'c' (check 2, line 7): line 8: the name is already that of the check at line 1"},
      {"previous_itself", check("c", nr + "previous = \"" + kVersions + "\"\nprevious_layer = \"edited\"\n"),
       "check 'c' (check 1, line 1): line 6: 'previous' is the layer checked itself"},
      {"where_nothing", check("c", nr + "baseline = \"1ha\"\nwhere = { HXLX = [] }\n"), "check 'c' (check 1, line 1): line 7: 'where.HXLX' is an empty list"},
  };
  const auto versions_before = test::snapshot_files(fs::path(kVersions).parent_path().string(), "versions");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string rules = write_rules(c.name, c.rules);
    const std::string rules_before = test::read_file(rules);
    const test::CliResult r = test::run_cli({"check", rules});
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("redline: error: " + rules + ": " + c.expected, 0), 0u) << r.err;
    EXPECT_EQ(test::read_file(rules), rules_before);
  }
  EXPECT_EQ(test::snapshot_files(fs::path(kVersions).parent_path().string(), "versions"), versions_before);
}

TEST(CheckHostileCli, QuickFormThresholdsThatMakeNoSenseExitTwoWithOneLine) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"not-reduced", "--baseline", "nanha"}, "--baseline: area 'nanha' is not a number"},
      {{"not-reduced", "--baseline", "0x10ha"}, "--baseline: area '0x10ha' is not a decimal number"},
      {{"not-reduced", "--baseline", "1e400ha"}, "--baseline: area '1e400ha' is out of range"},
      {{"not-reduced", "--baseline", "75ha x"}, "--baseline: area '75ha x': unknown unit 'ha x'"},
      {{"not-reduced", "--baseline", "-5ha"}, "--baseline: area '-5ha' is negative"},
      {{"not-reduced", "--baseline", "0ha"}, "--baseline: baseline '0ha' is 0"},
      {{"not-reduced", "--baseline", ""}, "--baseline: area '' is not a number"},
      {{"share-of-zones", "--min-percent", "101"}, "--min-percent: percentage '101': percentage 101 is above 100"},
      {{"share-of-zones", "--min-percent", "nan"}, "--min-percent: percentage 'nan' is not a number"},
      {{"share-of-zones", "--min-percent", "0x10"}, "--min-percent: percentage '0x10' is not a decimal number"},
      {{"share-of-zones", "--min-percent", "50", "--zones", ""}, "check 'share-of-zones': 'zones' is an empty list"},
      {{"share-of-zones", "--min-percent", "50", "--zones", "a,,b"}, "check 'share-of-zones': 'zones' holds an empty value"},
      {{"function-not-lowered", "--previous", kVersions, "--previous-layer", "base", "--field", "HXLX", "--order", "a,b,a"},
       "check 'function-not-lowered': 'order' holds 'a' twice"},
      {{"not-reduced", "--baseline", "1ha", "--where", "HXLX="}, "check 'not-reduced': 'where.HXLX' is an empty list"},
      {{"not-reduced", "--previous", kVersions, "--previous-layer", "edited"}, "check 'not-reduced': 'previous' is the layer checked itself"},
  };
  const auto before = test::snapshot_files(fs::path(kVersions).parent_path().string(), "versions");
  for (const auto& [args, expected] : cases) {
    std::vector<std::string> argv = {"check", args[0], kVersions, "--layer", "edited"};
    argv.insert(argv.end(), args.begin() + 1, args.end());
    SCOPED_TRACE(expected);
    const test::CliResult r = test::run_cli(argv);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("redline: error: " + expected, 0), 0u) << r.err;
  }
  EXPECT_EQ(test::snapshot_files(fs::path(kVersions).parent_path().string(), "versions"), before);
}

TEST(CheckHostileCli, PreviousThatIsTheLayerByAnotherPathExitsTwo) {
  // A symlink names the same file: only the file on disk tells.
  const std::string dir = test::work_dir("hostile_symlink");
  const std::string link = dir + "/again.gpkg";
  fs::create_symlink(kVersions, link);
  const test::CliResult r = test::run_cli({"check", "not-reduced", kVersions, "--layer", "edited", "--previous", link,
                                           "--previous-layer", "edited"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("'previous' (" + link + " (edited)) is the layer checked itself"), std::string::npos) << r.err;
}

TEST(CheckHostileCli, BaselineAndPreviousFailWhenEitherFails) {
  ASSERT_TRUE(fs::exists(kSample)) << "committed sample missing: " << kSample;
  // Oracle (tests/oracles/drift_checks_oracle.py, pyproj geodesic, ha): redline 75606.015778,
  // redline_2024_cut 74351.424875; lost 3534.051100, gained 2279.460198, uncompensated =
  // lost - gained = redline - cut = 1254.590903 (the layers hold no overlaps).
  const auto before = test::snapshot_files(fs::path(kSample).parent_path().string(), "huichang");
  for (const std::string baseline : {"74000ha", "75587.98ha"}) {
    SCOPED_TRACE(baseline);
    const test::CliResult r = test::run_cli({"check", "not-reduced", kSample, "--layer", "redline_2024_cut",
                                             "--previous", kSample, "--previous-layer", "redline", "--baseline",
                                             baseline, "--key", "BSM", "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << r.err;  // the previous version fails in both; the baseline only in the second
    const nlohmann::json j = nlohmann::json::parse(r.out);
    const nlohmann::json& c = j["checks"][0];
    EXPECT_EQ(c["passed"], false);
    EXPECT_NEAR(c["value"].get<double>(), 74351.424875, 1e-3);
    EXPECT_NEAR(c["threshold"].get<double>(), 75606.015778, 1e-3);  // the larger of the two
    ASSERT_EQ(c["details"]["parts"].size(), 2u);
    const nlohmann::json& base_part = c["details"]["parts"][0];
    const nlohmann::json& previous_part = c["details"]["parts"][1];
    EXPECT_EQ(base_part["against"], "the baseline");
    EXPECT_NEAR(base_part["threshold"].get<double>(), baseline == "74000ha" ? 74000.0 : 75587.98, 1e-9);
    EXPECT_EQ(base_part["passed"], baseline == "74000ha");
    EXPECT_NE(previous_part["against"].get<std::string>().find("previous version"), std::string::npos);
    EXPECT_NEAR(previous_part["threshold"].get<double>(), 75606.015778, 1e-3);
    EXPECT_EQ(previous_part["passed"], false);
    EXPECT_NEAR(c["details"]["uncompensated"].get<double>(), 1254.590903, 1e-2);
    EXPECT_EQ(c["details"]["compensated"], false);
    // The findings say which part failed, and the part that passed is a note, not a verdict.
    const std::string findings = c["findings"].dump();
    EXPECT_NE(findings.find("1254.59 ha below the previous version"), std::string::npos) << findings;
    EXPECT_EQ(findings.find("below the baseline") != std::string::npos, baseline != "74000ha") << findings;
    if (baseline == "74000ha") {
      EXPECT_NE(c["notes"].dump().find("not below the baseline (74000.00 ha)"), std::string::npos) << c["notes"];
    }
  }
  // The text report: 未达标 on the row, nothing reads as a pass beside it unmarked.
  const test::CliResult t = test::run_cli({"check", "not-reduced", kSample, "--layer", "redline_2024_cut",
                                           "--previous", kSample, "--previous-layer", "redline", "--baseline",
                                           "74000ha"});
  EXPECT_EQ(t.exit_code, 1);
  EXPECT_NE(t.out.find("≥ 75606.02 ha  -1254.59 ha  未达标"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("[1] 未达标: lost 3534.04 ha"), std::string::npos) << t.out;
  EXPECT_EQ(test::snapshot_files(fs::path(kSample).parent_path().string(), "huichang"), before);
}

TEST(CheckHostileCli, LossHiddenByOverlappingFeaturesFails) {
  // padded.gpkg (tests/oracles/checks_make_padded.sh): base without one feature, another one
  // doubled. Oracle (tests/oracles/checks_padded_oracle.py, m²): sum 559719.031424 ≥ base
  // 558160.145024, lost 38822.408927, gained 0. The sum passes; the loss must fail it.
  const test::CliResult r = test::run_cli({"check", "not-reduced", kPadded, "--layer", "padded", "--previous",
                                           kVersions, "--previous-layer", "base", "--unit", "m2", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const nlohmann::json c = nlohmann::json::parse(r.out)["checks"][0];
  EXPECT_EQ(c["passed"], false);
  EXPECT_NEAR(c["value"].get<double>(), 559719.031424, 1e-2);
  EXPECT_NEAR(c["threshold"].get<double>(), 558160.145024, 1e-2);
  EXPECT_NEAR(c["details"]["uncompensated"].get<double>(), 38822.408927, 1e-2);
  EXPECT_NEAR(c["details"]["gained"].get<double>(), 0.0, 1e-2);
  EXPECT_NE(c["findings"].dump().find("nothing gained compensates it"), std::string::npos) << c["findings"];
}

TEST(CheckHostileCli, EmptyLayersMeasureNothingAndFail) {
  // padded.gpkg: "empty" and "empty_too" hold no feature; 0 ha ≥ 0 ha must not pass.
  const auto before = test::snapshot_files(fs::path(kPadded).parent_path().string(), "padded");
  const test::CliResult r = test::run_cli({"check", "not-reduced", kPadded, "--layer", "empty", "--previous", kPadded,
                                           "--previous-layer", "empty_too"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("0.00 ha  ≥ 0.00 ha  0.00 ha  未达标"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[1] 未达标: " + kPadded + " (empty) holds no feature: the check measures nothing"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(empty_too) holds no feature"), std::string::npos) << r.out;
  EXPECT_EQ(test::snapshot_files(fs::path(kPadded).parent_path().string(), "padded"), before);
}

TEST(CheckHostileCli, WhereThatKeepsNothingFailsSayingSo) {
  // Without the rule, both versions filtered to nothing would compare 0 ≥ 0 and pass.
  const std::string rules = write_rules(
      "where_keeps_nothing", check("restored", "kind = \"not-reduced\"\nprevious = \"" + kVersions +
                                                   "\"\nprevious_layer = \"base\"\nwhere = { HXLX = \"不存在\" }\n"));
  const test::CliResult r = test::run_cli({"check", rules, "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const nlohmann::json c = nlohmann::json::parse(r.out)["checks"][0];
  EXPECT_EQ(c["passed"], false);
  EXPECT_EQ(c["value"], 0.0);
  EXPECT_EQ(c["details"]["where_matches"][kVersions + " (edited)"], 0);
  EXPECT_EQ(c["details"]["where_matches"][kVersions + " (base)"], 0);
  EXPECT_NE(c["findings"][0].get<std::string>().find("where HXLX in {不存在} keeps none of the 14 feature(s) of"),
            std::string::npos)
      << c["findings"];
  // ... and the text report says it as a note under the table.
  const test::CliResult t = test::run_cli({"check", rules});
  EXPECT_NE(t.out.find("[1] 未达标: where HXLX in {不存在} keeps none"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace redline
