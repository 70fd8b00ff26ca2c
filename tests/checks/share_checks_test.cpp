// min-share and share-of-zones (lib/checks/share_checks.cpp) on the sample county.
//
// Figures: /usr/bin/python3 tests/oracles/drift_checks_oracle.py samples/huichang/huichang.gpkg
// (GeoPandas overlays, pyproj geodesic areas): redline_share_of_county 27.891752 %, shoreline
// share of 岸线保护区 + 岸线保留区 84.254706 %, wetlands inside reserves 61.387210 %.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"

namespace redline {
namespace {

using namespace test;  // kSample, kVersions, details, not_reduced

CheckSpec share(CheckKind kind, const std::string& layer, double min_percent) {
  CheckSpec s;
  s.kind = kind;
  s.layer = {kSample, layer};
  s.min_percent = min_percent;
  return s;
}

TEST(ShareChecks, MinShareOfTheWithinLayer) {
  CheckSpec s = share(CheckKind::MinShare, "redline", 27.87);
  s.within = LayerRef{kSample, "county"};
  s.share_of = ShareOf::Within;
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.unit, "%");
  EXPECT_EQ(r.comparison, ">=");
  EXPECT_NEAR(r.value, 27.891752, 1e-4);
  EXPECT_DOUBLE_EQ(r.threshold, 27.87);
  const auto d = details(r);
  EXPECT_EQ(d["share_of"], kSample + " (county)");  // the share is of the county's area
  EXPECT_NEAR(100.0 * d["inside"].get<double>() / d["of"].get<double>(), r.value, 1e-9);
}

TEST(ShareChecks, MinShareOfTheLayerFailsBelowItsThreshold) {
  CheckSpec s = share(CheckKind::MinShare, "wetlands", 52);
  s.within = LayerRef{kSample, "reserves"};
  EXPECT_EQ(s.share_of, kDefaultShareOf);
  CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 61.387210, 1e-4);
  EXPECT_EQ(details(r)["share_of"], kSample + " (wetlands)");
  s.min_percent = 61.39;  // 61.387210 prints as 61.39: passes as printed
  EXPECT_TRUE(run_checks({s})[0].passed);
  s.min_percent = 61.40;
  r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.margin(), 61.387210 - 61.40, 1e-4);
}

TEST(ShareChecks, ShareOfZonesWithTheDefaultFieldAndZones) {
  // indicators.toml names field GNFQ and zones 岸线保护区, 岸线保留区: the defaults.
  const CheckResult r = run_checks({share(CheckKind::ShareOfZones, "shoreline", 84.7)})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 84.254706, 1e-4);
  const auto d = details(r);
  EXPECT_EQ(d["field"], std::string(kDefaultZoneField));
  EXPECT_EQ(d["zones"], (std::vector<std::string>{"岸线保护区", "岸线保留区"}));
  EXPECT_NEAR(100.0 * d["counted_area"].get<double>() / d["total_area"].get<double>(), r.value, 1e-9);
}

TEST(ShareChecks, ShareOfZonesCountsOnlyTheZonesGiven) {
  CheckSpec s = share(CheckKind::ShareOfZones, "shoreline", 1);
  s.field = "GNFQ";
  s.zones = std::vector<std::string>{"岸线保护区"};
  const CheckResult one = run_checks({s})[0];
  s.zones = std::vector<std::string>{"岸线保留区"};
  const CheckResult other = run_checks({s})[0];
  // The two zones share no feature: their shares add up to the share of both.
  EXPECT_NEAR(one.value + other.value, 84.254706, 1e-4);
  EXPECT_GT(one.value, 0.0);
  EXPECT_GT(other.value, 0.0);
}

}  // namespace
}  // namespace redline
