// no-overlap, max-inside and no-gaps (lib/checks/conflict_checks.cpp) on the hand-made layers of
// tests/data/checks/conflicts.gpkg and on the sample county.
//
// Figures: /usr/bin/python3 tests/oracles/checks_make_conflicts.py (which also writes the file;
// shapely overlays, pyproj geodesic areas on GRS80, slivers thinner than 5 cm left out):
//   redline x farmland: (R1, F1) 9.999999857 ha, (R2, F2) 0.999999785 ha, union 10.999999642 ha
//   (F3 only touches, F4 is a 1 cm sliver); redline x development: none; redline with itself:
//   (R1, R3) 0.999999978 ha; mines inside redline: M1 0.999999975 ha of 1.999999346 ha, 50.000015 %;
//   county - cover: one gap, 1.399999916 ha; county - cover_full: none.
// And /usr/bin/python3 tests/oracles/conflicts_geopandas.py samples/huichang/huichang.gpkg:
//   red line x mines: 6 pairs, 4.086990 ha (largest: red line FID 39 x mine FID 3, 0.992791 ha);
//   mines inside the red line: 6 mines, 4.086990 ha.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "checks/check_test_support.h"
#include "redline/checks/check.h"
#include "redline/checks/check_spec_builder.h"
#include "redline/error.h"

namespace redline {
namespace {

using namespace test;  // kSample, details

const std::string kConflicts = data_path("checks/conflicts.gpkg");

CheckSpec conflict(CheckKind kind, const std::string& layer) {
  CheckSpec s;
  s.kind = kind;
  s.layer = {kConflicts, layer};
  s.key = "BSM";
  return s;
}

TEST(NoOverlap, AgainstAnotherLayerFailsWithThePairsListed) {
  CheckSpec s = conflict(CheckKind::NoOverlap, "redline");
  s.with = {LayerRef{kConflicts, "farmland"}};
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.comparison, "<=");
  EXPECT_EQ(r.unit, "ha");
  EXPECT_NEAR(r.value, 10.999999642, 0.01);
  EXPECT_EQ(r.threshold, 0.0);
  const auto d = details(r);
  EXPECT_EQ(d["pairs_total"], 2);
  ASSERT_EQ(d["pairs"].size(), 2u);
  EXPECT_EQ(d["pairs"][0]["first"], "R1");  // largest first
  EXPECT_EQ(d["pairs"][0]["second"], "F1");
  EXPECT_EQ(d["pairs"][0]["layer"], kConflicts + " (farmland)");
  EXPECT_NEAR(d["pairs"][0]["area"].get<double>(), 9.999999857, 0.01);
  EXPECT_EQ(d["pairs"][1]["first"], "R2");
  EXPECT_EQ(d["pairs"][1]["second"], "F2");
  EXPECT_NEAR(d["pairs"][1]["area"].get<double>(), 0.999999785, 0.01);
  EXPECT_EQ(d["slivers"], 1);  // F4's 1 cm strip inside R2
  EXPECT_NEAR(d["sliver_area"].get<double>(), 5e-4, 1e-5);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_TRUE(contains(r.findings[0], "2 feature(s) of " + kConflicts + " (redline) overlap 2 feature(s)"));
  EXPECT_TRUE(contains(r.findings[0], "11.00 ha"));
}

TEST(NoOverlap, PassesUnderItsLimitAndSumsTheWithLayers) {
  CheckSpec s = conflict(CheckKind::NoOverlap, "redline");
  s.with = {LayerRef{kConflicts, "farmland"}, LayerRef{kConflicts, "development"}};
  s.max_overlap_m2 = parse_area("11ha");
  CheckResult r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_NEAR(r.value, 10.999999642, 0.01);  // + 0 for development
  const auto d = details(r);
  ASSERT_EQ(d["by_layer"].size(), 2u);
  EXPECT_EQ(d["by_layer"][1]["pairs"], 0);
  s.max_overlap_m2 = parse_area("10.99ha");
  EXPECT_FALSE(run_checks({s})[0].passed);
}

TEST(NoOverlap, AgainstItselfFindsTheDoubleDrawnPart) {
  CheckSpec s = conflict(CheckKind::NoOverlap, "redline");
  CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 0.999999978, 0.01);
  const auto d = details(r);
  EXPECT_TRUE(d["with"].empty());
  ASSERT_EQ(d["pairs"].size(), 1u);
  EXPECT_EQ(d["pairs"][0]["first"], "R1");
  EXPECT_EQ(d["pairs"][0]["second"], "R3");
  // A layer without overlaps passes.
  s.layer.layer = "cover_full";
  r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.value, 0.0);
}

TEST(NoOverlap, TheSampleRedLineOverlapsSixMines) {
  CheckSpec s;
  s.kind = CheckKind::NoOverlap;
  s.layer = {kSample, "redline"};
  s.with = {LayerRef{kSample, "mines"}};
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 4.086990, 0.01);
  const auto d = details(r);
  EXPECT_EQ(d["key"], "fid");
  ASSERT_EQ(d["pairs"].size(), 6u);
  EXPECT_EQ(d["pairs"][0]["first"], "39");
  EXPECT_EQ(d["pairs"][0]["second"], "3");
  EXPECT_NEAR(d["pairs"][0]["area"].get<double>(), 0.992791, 0.01);
}

TEST(NoOverlap, ARealOverlapThatPrintsAsZeroFailsALimitOfZero) {
  // F4 against the red line with sliver detection off: its 1 cm × 500 m strip inside R2, 5 m²,
  // 0.0005 ha, prints as 0.00 ha.
  CheckSpec s = conflict(CheckKind::NoOverlap, "farmland");
  s.with = {LayerRef{kConflicts, "redline"}};
  s.where = {{"BSM", {"F4"}}};
  s.sliver_width_m = 0.0;
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 5e-4, 1e-5);
  EXPECT_GE(r.decimals, 4);  // shown as 0.0005 ha, not 0.00 ha
}

TEST(MaxInside, MinesInsideTheRedLineAreListed) {
  CheckSpec s = conflict(CheckKind::MaxInside, "mines");
  s.within = LayerRef{kConflicts, "redline"};
  s.max_area_m2 = 0.0;
  CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.comparison, "<=");
  EXPECT_NEAR(r.value, 0.999999975, 0.01);
  auto d = details(r);
  EXPECT_EQ(d["features_inside"], 1);
  ASSERT_EQ(d["features"].size(), 1u);
  EXPECT_EQ(d["features"][0]["key"], "M1");
  EXPECT_NEAR(d["features"][0]["percent"].get<double>(), 100.0, 1e-6);
  // By percent of the layer's area: 50.000015 %.
  s.max_area_m2.reset();
  s.max_percent = 50.01;
  r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.unit, "%");
  EXPECT_NEAR(r.value, 50.000015, 1e-3);
  s.max_percent = 49.99;
  EXPECT_FALSE(run_checks({s})[0].passed);
}

TEST(MaxInside, TheSampleMinesInsideTheRedLine) {
  CheckSpec s;
  s.kind = CheckKind::MaxInside;
  s.layer = {kSample, "mines"};
  s.within = LayerRef{kSample, "redline"};
  s.max_area_m2 = 0.0;
  const CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 4.086990, 0.01);
  EXPECT_EQ(details(r)["features_inside"], 6);
}

TEST(NoGaps, AGapBetweenNeighboursFails) {
  CheckSpec s = conflict(CheckKind::NoGaps, "cover");
  s.within = LayerRef{kConflicts, "county"};
  CheckResult r = run_checks({s})[0];
  EXPECT_FALSE(r.passed);
  EXPECT_NEAR(r.value, 1.399999916, 0.01);
  const auto d = details(r);
  EXPECT_EQ(d["gaps_total"], 1);
  ASSERT_EQ(d["gaps"].size(), 1u);
  const double x = d["gaps"][0]["x"].get<double>() - 39500000.0;
  EXPECT_GT(x, 1600);
  EXPECT_LT(x, 1610);
  s.max_gap_m2 = parse_area("1.4ha");
  EXPECT_TRUE(run_checks({s})[0].passed);
  s.max_gap_m2.reset();
  s.layer.layer = "cover_full";
  r = run_checks({s})[0];
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.value, 0.0);
}

TEST(ConflictChecks, KeptPiecesFollowTheDetails) {
  CheckSpec s = conflict(CheckKind::NoOverlap, "redline");
  s.with = {LayerRef{kConflicts, "farmland"}};
  CheckRunOptions o;
  o.keep_geometries = true;
  const CheckResult r = run_checks({s}, o)[0];
  ASSERT_TRUE(r.geometries);
  ASSERT_EQ(r.geometries->overlaps.size(), 2u);
  EXPECT_EQ(r.geometries->overlaps[0].first, "R1");
  EXPECT_NEAR(r.geometries->overlaps[0].piece.planar_area(), 100000.0, 1e-3);  // 500 x 200 m
  EXPECT_FALSE(run_checks({s})[0].geometries);  // not kept unless asked
}

// --- thresholds that make no sense ------------------------------------------------------

CheckParameter word(const char* key, const std::string& value) { return {key, CheckValue::word(value), ""}; }

std::vector<CheckParameter> quick(const char* kind, const char* layer) {
  return {word("kind", kind), word("layer", kConflicts), word("layer_name", layer)};
}

void expect_refused(std::vector<CheckParameter> p, const std::string& part) {
  try {
    build_check_spec(p);
    ADD_FAILURE() << "accepted; expected a refusal with: " << part;
  } catch (const UsageError& e) {
    EXPECT_TRUE(contains(e.what(), part)) << e.what();
  }
}

TEST(ConflictChecks, ThresholdsThatMakeNoSenseAreRefused) {
  auto inside = [](std::vector<CheckParameter> more) {
    std::vector<CheckParameter> p = quick("max-inside", "mines");
    p.push_back(word("within", kConflicts));
    p.push_back(word("within_layer", "redline"));
    p.insert(p.end(), more.begin(), more.end());
    return p;
  };
  auto with_more = [](std::vector<CheckParameter> p, CheckParameter more) {
    p.push_back(std::move(more));
    return p;
  };
  expect_refused(with_more(quick("no-overlap", "redline"), word("max_overlap", "-1ha")), "negative");
  expect_refused(with_more(quick("no-overlap", "redline"), word("max_overlap", "nanha")), "max_overlap");
  expect_refused(with_more(quick("no-overlap", "redline"), word("sliver_width", "-0.1")), "sliver width");
  expect_refused(with_more(quick("no-overlap", "redline"), word("sliver_width", "nan")), "sliver");
  expect_refused(inside({word("max_area", "0ha"), word("max_percent", "5")}), "not both");
  expect_refused(inside({}), "needs 'max_area'");
  expect_refused(inside({word("max_percent", "101")}), "above 100");
  expect_refused(inside({word("max_percent", "-1")}), "negative");
  expect_refused(quick("no-gaps", "cover"), "needs 'within'");
  expect_refused(with_more(quick("min-share", "redline"), word("max_gap", "0ha")), "'max_gap' does not apply");
  // with = the layer itself
  CheckValue table;
  table.type = CheckValue::Type::Table;
  table.items = {word("layer", kConflicts), word("layer_name", "redline")};
  CheckValue list;
  list.type = CheckValue::Type::List;
  list.items = {{"", table, ""}};
  expect_refused(with_more(quick("no-overlap", "redline"), {"with", list, ""}), "the layer checked itself");
  // with on a kind that has none
  CheckValue other = list;
  other.items[0].value.items[1] = word("layer_name", "farmland");
  expect_refused(with_more(quick("max-inside", "redline"), {"with", other, ""}), "'with' does not apply");
}

TEST(ConflictChecks, ALimitOfZeroAndAZeroPercentAreAccepted) {
  std::vector<CheckParameter> p = quick("max-inside", "mines");
  p.push_back(word("within", kConflicts));
  p.push_back(word("within_layer", "redline"));
  p.push_back(word("max_percent", "0"));
  EXPECT_EQ(build_check_spec(p).max_percent, 0.0);
  std::vector<CheckParameter> q = quick("no-overlap", "redline");
  q.push_back(word("max_overlap", "0ha"));
  EXPECT_EQ(build_check_spec(q).max_overlap_m2, 0.0);
}

}  // namespace
}  // namespace redline
