// nature-unchanged and function-not-lowered (lib/checks/class_checks.cpp).
//
// Sample figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas). Small-data figures: pyproj geodesic areas of the
// features of versions.gpkg (tests/oracles/drift_geopandas.py), summed by hand where noted.
#include <gtest/gtest.h>

#include <string>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/error.h"

namespace redline {
namespace {

using namespace test;  // kSample, kVersions, details, not_reduced

TEST(ClassChecks, RoundingOnlyVersionKeepsAreaAndClasses) {
  CheckSpec area = not_reduced_since(kVersions, "rounded", "base");
  CheckSpec nature = area;
  nature.kind = CheckKind::NatureUnchanged;
  nature.field = "HXLX";
  const std::vector<CheckResult> r = run_checks({area, nature});
  EXPECT_TRUE(r[0].passed);
  EXPECT_TRUE(r[1].passed);
  EXPECT_EQ(r[1].value, 0.0);  // the 1 mm slivers where classes meet are noise, not change
}

TEST(ClassChecks, ValuesOutsideTheOrderAreReported) {
  // ogrinfo -sql "SELECT GNFQ, COUNT(*) FROM reserves GROUP BY GNFQ" (and reserves_2024): each
  // holds 3 × 一般控制区 and 1 × NULL beside 核心区, 缓冲区, 实验区 once each.
  CheckSpec s = not_reduced(kSample, "reserves_2024");
  s.kind = CheckKind::FunctionNotLowered;
  s.previous = LayerRef{kSample, "reserves"};
  s.field = "GNFQ";
  s.order = {"核心区", "缓冲区", "实验区"};
  const CheckResult r = run_checks({s})[0];
  ASSERT_EQ(details(r)["outside_order"].size(), 2u) << r.details_json;
  EXPECT_EQ(details(r)["outside_order"][0]["value"], "");
  EXPECT_EQ(details(r)["outside_order"][0]["features"], 2);
  EXPECT_EQ(details(r)["outside_order"][1]["value"], "一般控制区");
  EXPECT_EQ(details(r)["outside_order"][1]["features"], 6);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("一般控制区 (6 feature(s))"), std::string::npos) << r.notes[0];
}

}  // namespace
}  // namespace redline
