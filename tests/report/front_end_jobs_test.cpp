// The jobs the CLI and the C API share (report/check_job.h, report/coverage_job.h): the rules a
// front end's unit and method follow over a rules file's checks, and a line target's refusals.
// Oracles: the rules as the CLI's --help states them ("an area unit the checks by area, a length
// unit (m, km) the checks by length; survey only areas"), checked by hand on two specs.
#include <gtest/gtest.h>

#include "redline/report/check_job.h"
#include "redline/report/coverage_job.h"
#include "support/test_support.h"

namespace redline {
namespace {

std::vector<CheckSpec> one_by_area_one_by_length() {
  CheckSpec by_area;
  by_area.measure = CheckMeasure::Area;
  CheckSpec by_length;
  by_length.measure = CheckMeasure::Length;
  return {by_area, by_length};
}

TEST(ApplyUnitAndMethod, AnAreaUnitGoesToTheChecksByAreaOnly) {
  std::vector<CheckSpec> specs = one_by_area_one_by_length();
  apply_unit_and_method(specs, std::string("mu"), std::nullopt);
  EXPECT_EQ(specs[0].unit, AreaUnit::Mu);
  EXPECT_EQ(specs[1].length_unit, kDefaultLengthUnit);
  EXPECT_EQ(specs[1].unit, kDefaultCheckUnit);
}

TEST(ApplyUnitAndMethod, ALengthUnitGoesToTheChecksByLengthOnly) {
  std::vector<CheckSpec> specs = one_by_area_one_by_length();
  apply_unit_and_method(specs, std::string("m"), std::nullopt);
  EXPECT_EQ(specs[0].unit, kDefaultCheckUnit);
  EXPECT_EQ(specs[1].length_unit, LengthUnit::Metre);
}

TEST(ApplyUnitAndMethod, SurveyGoesToTheChecksByAreaOnlyPlanarToAll) {
  std::vector<CheckSpec> specs = one_by_area_one_by_length();
  apply_unit_and_method(specs, std::nullopt, std::string("survey"));
  EXPECT_EQ(specs[0].method, AreaMethod::Survey);
  EXPECT_EQ(specs[1].method, kDefaultCheckMethod);
  apply_unit_and_method(specs, std::nullopt, std::string("planar"));
  EXPECT_EQ(specs[0].method, AreaMethod::Planar);
  EXPECT_EQ(specs[1].method, AreaMethod::Planar);
}

TEST(ApplyUnitAndMethod, AUnitOfNeitherKindIsRefusedEvenWithoutChecks) {
  std::vector<CheckSpec> none;
  EXPECT_THROW(apply_unit_and_method(none, std::string("acres"), std::nullopt), UsageError);
  EXPECT_THROW(apply_unit_and_method(none, std::nullopt, std::string("geodesic-ish")), UsageError);
}

TEST(RunCheckJob, OutWithoutAConflictCheckIsRefusedInTheFrontEndsWords) {
  CheckSpec area_check;
  area_check.kind = CheckKind::NotReduced;
  CheckJob job;
  job.out = test::work_dir("front_end_jobs") + "/pieces.gpkg";
  job.spell = [](std::string_view key) { return "--" + std::string(key); };
  try {
    run_check_job({area_check}, job);
    FAIL() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "--out writes the pieces of no-overlap, max-inside and no-gaps checks: there is none here");
  }
}

TEST(CoverageJob, APolygonOnlySettingIsRefusedForALineTargetNamedAsTheFrontEndSpellsIt) {
  ReadOptions read;
  read.layer = "shoreline_line";
  read.geometry = LayerGeometry::Any;
  const Layer lines = read_layer(std::string(REDLINE_SOURCE_DIR) + "/samples/huichang/huichang.gpkg", read);
  read.layer = "redline";
  const Layer cover = read_layer(std::string(REDLINE_SOURCE_DIR) + "/samples/huichang/huichang.gpkg", read);
  CoverageJob job;
  job.grid = 0.001;
  job.spell = [](std::string_view key) { return "option '" + std::string(key) + "'"; };
  try {
    run_coverage_job(lines, cover, job, {});
    FAIL() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "option 'grid' applies to polygon targets; shoreline_line holds lines");
  }
  job.grid.reset();
  job.unit = "km";  // a length unit: checked before reading without a polygon's settings
  EXPECT_NO_THROW(check_coverage_job(job, {}));
  const CoverageOutcome outcome = run_coverage_job(lines, cover, job, {});
  ASSERT_TRUE(outcome.lines.has_value());
  EXPECT_FALSE(outcome.polygons.has_value());
  job.unit = "mu";  // an area unit: a line target then refuses it
  EXPECT_THROW(run_coverage_job(lines, cover, job, {}), UsageError);
}

}  // namespace
}  // namespace redline
