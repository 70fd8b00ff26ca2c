// run_checks() (lib/checks/check.cpp): a run of several checks, where, errors naming the check.
//
// Sample figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas). Small-data figures: pyproj geodesic areas of the
// features of versions.gpkg (tests/oracles/drift_geopandas.py), summed by hand where noted.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/checks/rules.h"

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/error.h"

namespace redline {
namespace {

using namespace test;  // kSample, kVersions, details, not_reduced

TEST(Checks, SampleIndicatorsPassAndFailAsDesigned) {
  const RuleSet rules = load_rules(test::source_path("samples/huichang/indicators.toml"));
  const std::vector<CheckResult> r = run_checks(expand_deliveries(rules, {}));
  ASSERT_EQ(r.size(), 14u);
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
  EXPECT_NEAR(details(r[4])["lost"].get<double>(), 168.074013, 0.01);
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
  // Issue 10's indicators. Oracles: tests/oracles/shoreline_length.py (pyproj Geod, CGCS2000)
  // for the shoreline by length; tests/sample/test_sample_invariants.py (shapely intersections,
  // pyproj geodesic areas) for the control-line conflicts, tests/oracles/conflicts_geopandas.py
  // for the mines inside the red line.
  EXPECT_FALSE(r[10].passed);  // shoreline by length 161.7155 of 192.0155 km
  EXPECT_NEAR(r[10].value, 84.220028, 1e-4);
  EXPECT_FALSE(r[11].passed);  // red line x farmland (4 pairs) + red line x urban (1 pair)
  EXPECT_NEAR(r[11].value, 41.229859 + 4.000138, 0.01);
  EXPECT_FALSE(r[12].passed);  // farmland x urban: 3 parcels in the town's 集中建设区
  EXPECT_NEAR(r[12].value, 50.005855, 0.01);
  EXPECT_FALSE(r[13].passed);  // six mines half inside the red line
  EXPECT_NEAR(r[13].value, 4.086990, 0.01);
}

TEST(Checks, WhereKeepsOnlyMatchingFeatures) {
  CheckSpec s = not_reduced(kVersions, "base");
  s.where["HXLX"] = {"水土保持"};
  s.baseline_m2 = 1;
  s.unit = AreaUnit::SquareMetre;
  const CheckResult r = run_checks({s})[0];
  EXPECT_NEAR(r.value, 198930.039236, 1e-3);  // pyproj geodesic sum of the 水土保持 features
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
