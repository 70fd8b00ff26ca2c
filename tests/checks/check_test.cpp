// run_checks() on the sample county and on tests/data/drift/versions.gpkg.
//
// Sample figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas). Small-data figures: pyproj geodesic areas of the
// features of versions.gpkg (tests/oracles/drift_geopandas.py), summed by hand where noted.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "redline/checks/check.h"
#include "redline/checks/rules.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

const std::string kVersions = test::data_path("drift/versions.gpkg");
const std::string kSample = test::source_path("samples/huichang/huichang.gpkg");

#define REQUIRE_SAMPLE() \
  ASSERT_TRUE(std::filesystem::exists(kSample)) << "committed sample missing: " << kSample

CheckSpec not_reduced(const std::string& path, const std::string& layer) {
  CheckSpec s;
  s.kind = CheckKind::NotReduced;
  s.layer = {path, layer};
  return s;
}

TEST(Checks, CutRedlineFailsNotReducedAndNamesWhatWasLost) {
  REQUIRE_SAMPLE();
  CheckSpec s = not_reduced(kSample, "redline_2024_cut");
  s.previous = LayerRef{kSample, "redline"};
  s.key = "BSM";
  s.label = "HXMC";
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  // Oracle: redline_2024_cut 74351.424875 ha, redline 75606.015778 ha.
  EXPECT_NEAR(r.value, 74351.424875, 0.01);
  EXPECT_NEAR(r.threshold, 75606.015778, 0.01);
  EXPECT_EQ(r.unit, "ha");
  // Oracle: each redline feature minus union(redline_2024_cut), over 1 ha.
  const std::map<std::string, double> lost = {{"36073321000010", 723.9009}, {"36073321000018", 480.3343},
                                              {"36073321000039", 634.9735}, {"36073321000055", 379.6005},
                                              {"36073321000056", 69.9166}, {"36073321000057", 1245.3134}};
  ASSERT_EQ(r.details["lost_features"].size(), lost.size());
  for (const auto& f : r.details["lost_features"]) {
    const std::string key = f["key"];
    ASSERT_TRUE(lost.count(key)) << key;
    EXPECT_NEAR(f["area"].get<double>(), lost.at(key), 0.01) << key;
    EXPECT_EQ(f["change"], "removed");
  }
  // Oracle: union(redline) − union(redline_2024_cut), noise included.
  EXPECT_NEAR(r.details["lost"].get<double>() + r.details["lost_noise"].get<double>(), 3534.051100, 0.01);
  EXPECT_GT(r.details["lost_noise"].get<double>(), 0.0);  // the cut version is a 1 mm re-export too
  // The report names the lost features by key and name.
  std::string text;
  for (const std::string& line : r.findings) text += line + "\n";
  EXPECT_NE(text.find("36073321000057 白鹅生物多样性维护生态保护红线 (removed, 1245.31 ha)"), std::string::npos) << text;
  EXPECT_NE(text.find("that nothing compensates"), std::string::npos) << text;
}

TEST(Checks, RedlineVersionPassesNotReducedAgainstThePrevious) {
  REQUIRE_SAMPLE();
  CheckSpec s = not_reduced(kSample, "redline_2024");
  s.previous = LayerRef{kSample, "redline"};
  s.key = "BSM";
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 76005.177268, 0.01);  // oracle
  EXPECT_NEAR(r.margin(), 76005.177268 - 75606.015778, 0.01);
}

TEST(Checks, SampleRedlineMeetsThePlanFigureAsWritten) {
  REQUIRE_SAMPLE();
  CheckSpec s = not_reduced(kSample, "redline");
  s.baseline_m2 = parse_area("75587.98ha");
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.margin(), 75606.015778 - 75587.98, 0.01);  // oracle: redline 75606.015778 ha
}

TEST(Checks, SampleIndicatorsPassAndFailAsDesigned) {
  REQUIRE_SAMPLE();
  const RuleSet rules = load_rules(test::source_path("samples/huichang/indicators.toml"));
  const std::vector<CheckResult> r = run_checks(expand_deliveries(rules, {}));
  ASSERT_EQ(r.size(), 10u);
  // Oracle figures (tests/oracles/drift_checks_oracle.py):
  EXPECT_TRUE(r[0].passed);   // red line ≥ 75587.98 ha
  EXPECT_NEAR(r[0].value, 75606.015778, 0.01);
  EXPECT_TRUE(r[1].passed);   // red line 2024 not reduced
  EXPECT_NEAR(r[1].value, 76005.177268, 0.01);
  EXPECT_TRUE(r[2].passed);   // red line share of the county ≥ 27.87 %
  EXPECT_NEAR(r[2].value, 27.891752, 1e-4);
  EXPECT_FALSE(r[3].passed);  // HXLX changed on the reclassified polygons
  EXPECT_NEAR(r[3].value, 2985.532519, 0.01);
  EXPECT_FALSE(r[4].passed);  // 会昌山 shrunk
  EXPECT_NEAR(r[4].value, 17953.046265, 0.01);
  EXPECT_NEAR(r[4].threshold, 18121.120278, 0.01);
  EXPECT_NEAR(r[4].details["lost"].get<double>(), 168.074013, 0.01);
  EXPECT_TRUE(r[5].passed);   // BHDLX unchanged
  EXPECT_NEAR(r[5].value, 0.0, 0.01);
  EXPECT_FALSE(r[6].passed);  // 湘江源 core zone partly downgraded to buffer
  EXPECT_NEAR(r[6].value, 297.457699, 0.01);
  EXPECT_TRUE(r[7].passed);   // restored mines vs 2070 亩
  EXPECT_EQ(r[7].unit, "mu");
  EXPECT_NEAR(r[7].value, 2435.821450, 0.01);
  EXPECT_NEAR(r[7].margin(), 2435.821450 - 2070.0, 0.01);
  EXPECT_FALSE(r[8].passed);  // shoreline 84.25 % < 84.7 %
  EXPECT_NEAR(r[8].value, 84.254706, 1e-4);
  EXPECT_TRUE(r[9].passed);   // wetlands inside reserves
  EXPECT_NEAR(r[9].value, 61.387210, 1e-4);
}

TEST(Checks, RoundingOnlyVersionKeepsAreaAndClasses) {
  CheckSpec area = not_reduced(kVersions, "rounded");
  area.previous = LayerRef{kVersions, "base"};
  CheckSpec nature = area;
  nature.kind = CheckKind::NatureUnchanged;
  nature.field = "HXLX";
  const std::vector<CheckResult> r = run_checks({area, nature});
  EXPECT_TRUE(r[0].passed);
  EXPECT_TRUE(r[1].passed);
  EXPECT_EQ(r[1].value, 0.0);  // the 1 mm slivers where classes meet are noise, not change
}

TEST(Checks, NotReducedPerGroupNamesTheGroupThatShrank) {
  CheckSpec s = not_reduced(kVersions, "edited");
  s.previous = LayerRef{kVersions, "base"};
  s.by = "HXLX";
  s.unit = AreaUnit::SquareMetre;
  const CheckResult r = run_checks({s})[0];
  // pyproj geodesic sums by HXLX: 水源涵养 199728.130227 m² before, 199554.550152 m² after;
  // the others grow. The total grows (558160.145024 → 595022.339959 m²), the group fails.
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 595022.339959, 1e-3);
  for (const auto& g : r.details["groups"]) {
    const bool shrank = g["group"] == "水源涵养";
    EXPECT_EQ(g["passed"].get<bool>(), !shrank) << g.dump();
    if (shrank) {
      EXPECT_NEAR(g["value"].get<double>(), 199554.550152, 1e-3);
      EXPECT_NEAR(g["threshold"].get<double>(), 199728.130227, 1e-3);
    }
  }
}

TEST(Checks, WhereKeepsOnlyMatchingFeatures) {
  CheckSpec s = not_reduced(kVersions, "base");
  s.where["HXLX"] = {"水土保持"};
  s.baseline_m2 = 1;
  s.unit = AreaUnit::SquareMetre;
  const CheckResult r = run_checks({s})[0];
  EXPECT_NEAR(r.value, 198930.039236, 1e-3);  // pyproj geodesic sum of the 水土保持 features
}

TEST(Checks, ComparedAsPrinted) {
  // 55.816014502 ha (oracle) prints as 55.82: a baseline of 55.82 ha passes, 55.83 fails.
  CheckSpec s = not_reduced(kVersions, "base");
  s.baseline_m2 = parse_area("55.82ha");
  EXPECT_TRUE(run_checks({s})[0].passed);
  s.baseline_m2 = parse_area("55.83ha");
  EXPECT_FALSE(run_checks({s})[0].passed);
}

TEST(Checks, UnitDoesNotWidenTheTolerance) {
  REQUIRE_SAMPLE();
  // redline measures 75606.015778 ha (oracle). Against 75606.03 ha it is 0.014 ha short. In 万亩
  // at 4 decimals both print 113.4090 (75606.015778 × 15 / 1e4 = 113.40902, 75606.03 → 113.40905)
  // and the shortfall would pass; compared at 5 decimals it fails, as it does in ha.
  CheckSpec s = not_reduced(kSample, "redline");
  s.baseline_m2 = parse_area("75606.03ha");
  for (AreaUnit u : {AreaUnit::Hectare, AreaUnit::WanMu, AreaUnit::SquareKilometre, AreaUnit::Mu}) {
    s.unit = u;
    const CheckResult r = run_checks({s})[0];
    EXPECT_FALSE(r.passed) << unit_name(u);
  }
  s.unit = AreaUnit::WanMu;
  EXPECT_EQ(run_checks({s})[0].decimals, 5);
  s.baseline_m2 = parse_area("75606.01ha");  // 0.006 ha below the area: passes in every unit
  for (AreaUnit u : {AreaUnit::Hectare, AreaUnit::WanMu, AreaUnit::SquareKilometre, AreaUnit::Mu}) {
    s.unit = u;
    EXPECT_TRUE(run_checks({s})[0].passed) << unit_name(u);
  }
}

TEST(Checks, ValuesOutsideTheOrderAreReported) {
  REQUIRE_SAMPLE();
  // ogrinfo -sql "SELECT GNFQ, COUNT(*) FROM reserves GROUP BY GNFQ" (and reserves_2024): each
  // holds 3 × 一般控制区 and 1 × NULL beside 核心区, 缓冲区, 实验区 once each.
  CheckSpec s = not_reduced(kSample, "reserves_2024");
  s.kind = CheckKind::FunctionNotLowered;
  s.previous = LayerRef{kSample, "reserves"};
  s.field = "GNFQ";
  s.order = {"核心区", "缓冲区", "实验区"};
  const CheckResult r = run_checks({s})[0];
  ASSERT_EQ(r.details["outside_order"].size(), 2u) << r.details.dump();
  EXPECT_EQ(r.details["outside_order"][0]["value"], "");
  EXPECT_EQ(r.details["outside_order"][0]["features"], 2);
  EXPECT_EQ(r.details["outside_order"][1]["value"], "一般控制区");
  EXPECT_EQ(r.details["outside_order"][1]["features"], 6);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("一般控制区 (6 feature(s))"), std::string::npos) << r.notes[0];
}

TEST(Checks, GroupsAreCheckedAgainstTheirBaselineAndThePreviousVersion) {
  // pyproj geodesic sums by HXLX (m²), base → edited: 水源涵养 199728.130227 → 199554.550152,
  // 水土保持 198930.039236 → 200069.640445, 生物多样性维护 159501.975562 → 195398.149361.
  CheckSpec s = not_reduced(kVersions, "edited");
  s.previous = LayerRef{kVersions, "base"};
  s.by = "HXLX";
  s.unit = AreaUnit::SquareMetre;
  s.group_baselines_m2["水源涵养"] = 190000.0;  // passes its baseline, fails its previous area
  s.group_baselines_m2["水土保持"] = 210000.0;  // fails its baseline, passes its previous area
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  std::map<std::string, nlohmann::ordered_json> groups;
  for (const auto& g : r.details["groups"]) groups[g["group"].get<std::string>()] = g;
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups["水源涵养"]["passed"], false);
  EXPECT_NEAR(groups["水源涵养"]["baseline"].get<double>(), 190000.0, 1e-6);
  EXPECT_NEAR(groups["水源涵养"]["previous"].get<double>(), 199728.130227, 1e-3);
  EXPECT_NEAR(groups["水源涵养"]["threshold"].get<double>(), 199728.130227, 1e-3);
  EXPECT_EQ(groups["水土保持"]["passed"], false);
  EXPECT_NEAR(groups["水土保持"]["threshold"].get<double>(), 210000.0, 1e-6);
  EXPECT_NEAR(groups["水土保持"]["previous"].get<double>(), 198930.039236, 1e-3);
  EXPECT_EQ(groups["生物多样性维护"]["passed"], true);  // no baseline: its previous area alone
  EXPECT_NEAR(groups["生物多样性维护"]["threshold"].get<double>(), 159501.975562, 1e-3);
  // The total passes both its parts: 595022.339959 ≥ 400000 (the group baselines) and ≥ 558160.145024.
  ASSERT_EQ(r.details["parts"].size(), 2u);
  EXPECT_EQ(r.details["parts"][0]["passed"], true);
  EXPECT_EQ(r.details["parts"][1]["passed"], true);
  EXPECT_NEAR(r.threshold, 558160.145024, 1e-3);
}

TEST(Checks, ParametersMustSuitTheKind) {
  CheckSpec s = not_reduced(kVersions, "edited");  // no baseline, no previous
  EXPECT_THROW(validate_check(s), UsageError);
  s.kind = CheckKind::FunctionNotLowered;
  s.previous = LayerRef{kVersions, "base"};
  s.field = "HXLX";
  EXPECT_THROW(validate_check(s), UsageError);  // no order
  s.order = {"a", "b"};
  EXPECT_NO_THROW(validate_check(s));
  s.min_percent = 5;
  EXPECT_THROW(validate_check(s), UsageError);  // min_percent is not for this kind
}

TEST(Checks, UnknownFieldNamesTheCheck) {
  CheckSpec s = not_reduced(kVersions, "base");
  s.name = "my check";
  s.baseline_m2 = 1e4;
  s.by = "NOPE";
  s.group_baselines_m2["x"] = 1e4;
  try {
    run_checks({s});
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("my check"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("NOPE"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace redline
