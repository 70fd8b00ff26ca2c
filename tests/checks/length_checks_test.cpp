// share-of-zones and min-share by length (measure = "length") on the sample's shoreline_line.
//
// Figures: /usr/bin/python3 tests/oracles/line_coverage.py (GeoPandas/shapely, pyproj Geod on
// the CGCS2000 ellipsoid): shoreline_line share of 岸线保护区 + 岸线保留区 by length
// 84.220028 %; shoreline_line within redline: 192015.491352 m, inside 13625.892973 m,
// 7.096247 %. Zone lengths: tests/oracles/shoreline_length.py.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/checks/check_spec_builder.h"

namespace redline {
namespace {

using namespace test;  // kSample, details

CheckSpec by_length(CheckKind kind, double min_percent) {
  CheckSpec s;
  s.kind = kind;
  s.layer = {kSample, "shoreline_line"};
  s.min_percent = min_percent;
  s.measure = CheckMeasure::Length;
  return s;
}

TEST(LengthChecks, ShareOfZonesByLengthMatchesGeoPandas) {
  const CheckResult r = run_checks({by_length(CheckKind::ShareOfZones, 84)})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 84.220028, 1e-4);
  const auto d = details(r);
  EXPECT_EQ(d["measure"], "length");
  EXPECT_EQ(d["length_unit"], "km");
  EXPECT_NEAR(d["total_length"].get<double>(), 192.015491352, 1e-6);
  EXPECT_NEAR(d["counted_length"].get<double>(), (64407.566753 + 97307.933481) / 1000, 1e-6);
  ASSERT_EQ(d["by_zone"].size(), 4u);
  EXPECT_TRUE(d["by_zone"][0].contains("length"));
  EXPECT_FALSE(d.contains("area_unit"));
}

TEST(LengthChecks, ShareOfZonesByLengthFailsThePlansAreaFigure) {
  // The plan's 84.7 % was measured by area; by length the sample's shoreline holds 84.22 %.
  CheckSpec s = by_length(CheckKind::ShareOfZones, 84.7);
  s.length_unit = LengthUnit::Metre;
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.margin(), 84.220028 - 84.7, 1e-4);
  EXPECT_EQ(details(r)["length_unit"], "m");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_NE(r.findings[0].find("161715.50 m of 192015.49 m of line"), std::string::npos) << r.findings[0];
}

TEST(LengthChecks, MinShareByLengthIsTheLinesInsideWithin) {
  CheckSpec s = by_length(CheckKind::MinShare, 7.0);
  s.within = LayerRef{kSample, "redline"};
  const CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 7.096247, 1e-3);
  const auto d = details(r);
  EXPECT_EQ(d["measure"], "length");
  EXPECT_NEAR(d["inside"].get<double>(), 13.625892973, 1e-3);  // 1 m
  EXPECT_NEAR(d["of"].get<double>(), 192.015491352, 1e-6);
}

TEST(LengthChecks, ByAreaOnALineLayerIsRefusedPlainly) {
  CheckSpec s = by_length(CheckKind::ShareOfZones, 84);
  s.measure = CheckMeasure::Area;
  try {
    run_checks({s});
    FAIL() << "a line layer measured by area";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the layer holds lines (Multi Line String), not polygons"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("measure = \"length\""), std::string::npos) << e.what();
  }
}

TEST(LengthChecks, ByLengthOnAPolygonLayerIsRefusedPlainly) {
  CheckSpec s = by_length(CheckKind::ShareOfZones, 84);
  s.layer = {kSample, "shoreline"};
  try {
    run_checks({s});
    FAIL() << "a polygon layer measured by length";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the layer holds polygons (Multi Polygon), not lines"), std::string::npos)
        << e.what();
  }
}

TEST(LengthChecks, BuilderReadsMeasureAndALengthUnit) {
  const CheckSpec s = build_check_spec({{"kind", CheckValue::word("share-of-zones"), ""},
                                        {"layer", CheckValue::word(kSample), ""},
                                        {"layer_name", CheckValue::word("shoreline_line"), ""},
                                        {"min_percent", CheckValue::word("84.7"), ""},
                                        {"measure", CheckValue::word("length"), "--measure"},
                                        {"unit", CheckValue::word("公里"), "--unit"}});
  EXPECT_EQ(s.measure, CheckMeasure::Length);
  EXPECT_EQ(s.length_unit, LengthUnit::Kilometre);
}

std::string refusal(std::vector<CheckParameter> extra) {
  std::vector<CheckParameter> p = {{"kind", CheckValue::word("share-of-zones"), ""},
                                   {"layer", CheckValue::word(kSample), ""},
                                   {"min_percent", CheckValue::word("84.7"), ""}};
  p.insert(p.end(), extra.begin(), extra.end());
  try {
    build_check_spec(p);
  } catch (const UsageError& e) {
    return e.reason();
  }
  return "";
}

TEST(LengthChecks, BuilderRefusesWhatMakesNoSense) {
  EXPECT_NE(refusal({{"measure", CheckValue::word("volume"), ""}}).find("unknown measure 'volume' (expected area or length)"),
            std::string::npos);
  EXPECT_NE(refusal({{"measure", CheckValue::word("length"), ""}, {"unit", CheckValue::word("ha"), ""}})
                .find("unknown length unit 'ha'"),
            std::string::npos);
  EXPECT_NE(refusal({{"unit", CheckValue::word("km"), ""}}).find("unknown area unit 'km'"), std::string::npos);
  EXPECT_NE(refusal({{"measure", CheckValue::word("length"), ""}, {"method", CheckValue::word("survey"), ""}})
                .find("method survey measures areas"),
            std::string::npos);
}

TEST(LengthChecks, MeasureOnlyForShareKinds) {
  CheckSpec s;
  s.kind = CheckKind::NotReduced;
  s.layer = {kSample, "redline"};
  s.baseline_m2 = 1e6;
  s.measure = CheckMeasure::Length;
  try {
    validate_check(s);
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_NE(e.reason().find("'measure' does not apply to not-reduced"), std::string::npos) << e.reason();
  }
  CheckSpec m = by_length(CheckKind::MinShare, 5);
  m.within = LayerRef{kSample, "redline"};
  m.share_of = ShareOf::Within;
  EXPECT_THROW(validate_check(m), UsageError);
}

}  // namespace
}  // namespace redline
