// not-reduced (lib/checks/area_checks.cpp): the area against a baseline, a previous version, per group.
//
// Sample figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas). Small-data figures: pyproj geodesic areas of the
// features of versions.gpkg (tests/oracles/drift_geopandas.py), summed by hand where noted.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/error.h"

namespace redline {
namespace {

using namespace test;  // kSample, kVersions, details, not_reduced

TEST(NotReduced, CutRedlineFailsNotReducedAndNamesWhatWasLost) {
  CheckSpec s = not_reduced_since(kSample, "redline_2024_cut", "redline");
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
  ASSERT_EQ(details(r)["lost_features"].size(), lost.size());
  const nlohmann::ordered_json d = details(r);
  for (const auto& f : d["lost_features"]) {
    const std::string key = f["key"];
    ASSERT_TRUE(lost.count(key)) << key;
    EXPECT_NEAR(f["area"].get<double>(), lost.at(key), 0.01) << key;
    EXPECT_EQ(f["change"], "removed");
  }
  // Oracle: union(redline) − union(redline_2024_cut), noise included.
  EXPECT_NEAR(details(r)["lost"].get<double>() + details(r)["lost_noise"].get<double>(), 3534.051100, 0.01);
  EXPECT_GT(details(r)["lost_noise"].get<double>(), 0.0);  // the cut version is a 1 mm re-export too
  // The report names the lost features by key and name.
  std::string text;
  for (const std::string& line : r.findings) text += line + "\n";
  EXPECT_NE(text.find("36073321000057 白鹅生物多样性维护生态保护红线 (removed, 1245.31 ha)"), std::string::npos) << text;
  EXPECT_NE(text.find("that nothing compensates"), std::string::npos) << text;
}

TEST(NotReduced, RedlineVersionPassesNotReducedAgainstThePrevious) {
  CheckSpec s = not_reduced_since(kSample, "redline_2024", "redline");
  s.key = "BSM";
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 76005.177268, 0.01);  // oracle
  EXPECT_NEAR(r.margin(), 76005.177268 - 75606.015778, 0.01);
}

TEST(NotReduced, SampleRedlineMeetsThePlanFigureAsWritten) {
  CheckSpec s = not_reduced(kSample, "redline");
  s.baseline_m2 = parse_area("75587.98ha");
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.margin(), 75606.015778 - 75587.98, 0.01);  // oracle: redline 75606.015778 ha
}

TEST(NotReduced, NotReducedPerGroupNamesTheGroupThatShrank) {
  CheckSpec s = not_reduced_since(kVersions, "edited", "base");
  s.by = "HXLX";
  s.unit = AreaUnit::SquareMetre;
  const CheckResult r = run_checks({s})[0];
  // pyproj geodesic sums by HXLX: 水源涵养 199728.130227 m² before, 199554.550152 m² after;
  // the others grow. The total grows (558160.145024 → 595022.339959 m²), the group fails.
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 595022.339959, 1e-3);
  const nlohmann::ordered_json d = details(r);
  for (const auto& g : d["groups"]) {
    const bool shrank = g["group"] == "水源涵养";
    EXPECT_EQ(g["passed"].get<bool>(), !shrank) << g.dump();
    if (shrank) {
      EXPECT_NEAR(g["value"].get<double>(), 199554.550152, 1e-3);
      EXPECT_NEAR(g["threshold"].get<double>(), 199728.130227, 1e-3);
    }
  }
}

TEST(NotReduced, GroupsAreCheckedAgainstTheirBaselineAndThePreviousVersion) {
  // pyproj geodesic sums by HXLX (m²), base → edited: 水源涵养 199728.130227 → 199554.550152,
  // 水土保持 198930.039236 → 200069.640445, 生物多样性维护 159501.975562 → 195398.149361.
  CheckSpec s = not_reduced_since(kVersions, "edited", "base");
  s.by = "HXLX";
  s.unit = AreaUnit::SquareMetre;
  s.group_baselines_m2["水源涵养"] = 190000.0;  // passes its baseline, fails its previous area
  s.group_baselines_m2["水土保持"] = 210000.0;  // fails its baseline, passes its previous area
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  std::map<std::string, nlohmann::ordered_json> groups;
  const nlohmann::ordered_json d = details(r);
  for (const auto& g : d["groups"]) groups[g["group"].get<std::string>()] = g;
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
  ASSERT_EQ(details(r)["parts"].size(), 2u);
  EXPECT_EQ(details(r)["parts"][0]["passed"], true);
  EXPECT_EQ(details(r)["parts"][1]["passed"], true);
  EXPECT_NEAR(r.threshold, 558160.145024, 1e-3);
}

}  // namespace
}  // namespace redline
