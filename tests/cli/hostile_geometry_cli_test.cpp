// The `redline` binary on hostile geometry and CRSs (issue 8): each refusal exits 2 with exactly
// one stderr line "redline: error: FILE: layer L[: feature N]: ...", and the inputs are
// byte-identical afterwards. Data: tests/oracles/make_hostile_data.py.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::data_path;
using test::run_cli;
using test::snapshot_files;

using test::contains;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Runs redline with `args`, in which "@STEM" stands for tests/data/io/STEM (every file of STEM.*
// must be byte-identical afterwards).
CliResult run_on(const std::vector<std::string>& stems, std::vector<std::string> args) {
  std::vector<std::vector<std::pair<std::string, std::string>>> before;
  for (const std::string& stem : stems) {
    before.push_back(snapshot_files(data_path("io"), stem));
    EXPECT_FALSE(before.back().empty()) << "no file " << stem;
  }
  for (std::string& a : args) {
    if (!a.empty() && a[0] == '@') a = data_path("io/" + a.substr(1));
  }
  CliResult r = run_cli(args);
  for (std::size_t i = 0; i < stems.size(); ++i) {
    EXPECT_EQ(snapshot_files(data_path("io"), stems[i]), before[i]) << stems[i] << " was modified";
  }
  return r;
}

// Exit 2, and stderr is exactly one line "redline: error: ..." containing every part.
void expect_refusal(const CliResult& r, const std::vector<std::string>& parts) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const std::vector<std::string> err = lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r.err;
  EXPECT_EQ(err[0].rfind("redline: error: ", 0), 0u) << err[0];
  for (const std::string& part : parts) EXPECT_TRUE(contains(err[0], part)) << part << " not in: " << err[0];
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(HostileGeometryCli, NonFiniteOrAbsurdVertexIsRefusedByEveryMethod) {
  // Before: --method planar printed 150 ha, 5e298 ha or null with exit 0.
  const std::pair<const char*, const char*> files[] = {
      {"nan_vertex", "is not a finite number"},
      {"inf_vertex", "is not a finite number"},
      {"huge_vertex", "lies beyond ±1e+09"}};
  for (const auto& [stem, what] : files) {
    for (const char* method : {"ellipsoidal", "survey", "planar"}) {
      SCOPED_TRACE(std::string(stem) + " " + method);
      const std::string shp = std::string(stem) + ".shp";
      expect_refusal(run_on({stem}, {"area", "@" + shp, "--method", method}),
                     {shp + ": layer " + stem + ": feature 1: vertex", what});
    }
  }
}

TEST(HostileGeometryCli, NonFiniteVertexInTheSecondInputIsRefused) {
  expect_refusal(run_on({"nan_vertex"}, {"coverage", data_path("area/parcels_4527.shp"), "--within",
                                         "@nan_vertex.shp"}),
                 {"nan_vertex.shp: layer nan_vertex: feature 1:", "not a finite number"});
}

TEST(HostileGeometryCli, GeographicCrsOverMetresIsRefused) {
  // Before: printed "nan" ha with exit 0.
  expect_refusal(run_on({"noprj_zone39"}, {"area", "@noprj_zone39.shp", "--assume-crs", "EPSG:4490"}),
                 {"noprj_zone39.shp: layer noprj_zone39: feature 0:", "is geographic",
                  "the likely CRS is EPSG:4527"});
  expect_refusal(run_on({"zone39_prj4490"}, {"area", "@zone39_prj4490.shp", "--trust-crs"}),
                 {"zone39_prj4490.shp: layer zone39_prj4490:", "the likely CRS is EPSG:4527"});
}

TEST(HostileGeometryCli, ZonePrefixContradictionIsRefusedWithTheLikelyCrs) {
  // Before: EPSG:4526 (zone 38) over eastings 39xxxxxx gave a wrong area with exit 0.
  expect_refusal(run_on({"noprj_zone39"}, {"area", "@noprj_zone39.shp", "--assume-crs", "EPSG:4526"}),
                 {"noprj_zone39.shp: layer noprj_zone39: ", "zone prefix 38", "EPSG:4527"});
  expect_refusal(run_on({"zone39_prj4526"}, {"area", "@zone39_prj4526.shp", "--method", "planar"}),
                 {"zone39_prj4526.shp: layer zone39_prj4526: ", "zone prefix 38", "EPSG:4527"});
}

TEST(HostileGeometryCli, CoordinatesFarOutsideTheAreaOfUseAreRefused) {
  expect_refusal(run_on({"degrees_prj4539"}, {"area", "@degrees_prj4539.shp"}),
                 {"degrees_prj4539.shp: layer degrees_prj4539: ", "far outside its area of use",
                  "EPSG:4490"});
}

TEST(HostileGeometryCli, SecondInputCrsIsCheckedToo) {
  expect_refusal(run_on({"noprj_zone39"}, {"coverage", data_path("area/parcels_4527.shp"), "--within",
                                           "@noprj_zone39.shp", "--within-assume-crs", "EPSG:4526"}),
                 {"noprj_zone39.shp: layer noprj_zone39: ", "zone prefix 38", "EPSG:4527"});
}

TEST(HostileGeometryCli, TrustedCrsIsUsedAndTheReportSaysSo) {
  const CliResult area = run_on({"noprj_zone39"}, {"area", "@noprj_zone39.shp", "--assume-crs",
                                                   "EPSG:4526", "--trust-crs"});
  EXPECT_EQ(area.exit_code, 0) << area.err;
  EXPECT_TRUE(contains(area.out, "CRS trusted as asked although it contradicts the coordinates"))
      << area.out;
  const CliResult coverage = run_on(
      {"noprj_zone39"}, {"coverage", "@noprj_zone39.shp", "--assume-crs", "EPSG:4527", "--within",
                         "@noprj_zone39.shp", "--within-assume-crs", "EPSG:4526", "--within-trust-crs"});
  EXPECT_EQ(coverage.exit_code, 0) << coverage.err;
  EXPECT_TRUE(contains(coverage.out, "CRS trusted as asked")) << coverage.out;
}

TEST(HostileGeometryCli, InfoSaysWhatContradictsTheDeclaredCrs) {
  const CliResult r = run_on({"zone39_prj4526"}, {"info", "@zone39_prj4526.shp"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "CRS check")) << r.out;
  EXPECT_TRUE(contains(r.out, "contradicted: the CRS EPSG:4526")) << r.out;
  EXPECT_TRUE(contains(r.out, "the likely CRS is EPSG:4527")) << r.out;
  const CliResult right = run_cli({"info", data_path("area/parcels_4527.shp")});
  EXPECT_EQ(right.exit_code, 0) << right.err;
  EXPECT_FALSE(contains(right.out, "CRS check")) << right.out;
}

TEST(HostileGeometryCli, RepairThatDestroysAreaIsWarnedLoudly) {
  const CliResult r = run_on({"repair_loss"}, {"area", "@repair_loss.gpkg"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> err = lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r.err;
  EXPECT_TRUE(contains(err[0], "redline: warning: ") &&
              contains(err[0], "repair_loss.gpkg: layer parcels: feature 2: ") &&
              contains(err[0], "from 20000 m² to 15000 m²"))
      << err[0];
  EXPECT_TRUE(contains(err[1], "feature 3: repair left nothing of the polygon")) << err[1];
}

TEST(HostileGeometryCli, StrictRepairRefusesTheLoss) {
  expect_refusal(run_on({"repair_loss"}, {"area", "@repair_loss.gpkg", "--invalid", "repair-strict"}),
                 {"repair_loss.gpkg: layer parcels: feature 2: ", "from 20000 m² to 15000 m²",
                  "strict repair policy"});
  expect_refusal(run_on({"repair_loss"}, {"area", "@repair_loss.gpkg", "--repair-tolerance", "-1"}),
                 {"repair tolerance"});
}

TEST(HostileGeometryCli, RingRoundAPoleIsRefusedNotRepairedToZero) {
  // Before: "repaired" to 0 m² with exit 0.
  for (const char* layer : {"pole", "antimeridian"}) {
    expect_refusal(run_on({"wrapping_rings"}, {"area", "@wrapping_rings.gpkg", "--layer", layer}),
                   {std::string("wrapping_rings.gpkg: layer ") + layer + ": feature 1: ",
                    "encloses a pole or crosses the antimeridian"});
  }
}

TEST(HostileGeometryCli, NumericOptionsThatMakeNoSenseAreRefused) {
  const std::string parcels = data_path("area/parcels_4527.shp");
  const std::vector<std::vector<std::string>> runs = {
      {"coverage", parcels, "--within", parcels, "--grid", "nan"},
      {"coverage", parcels, "--within", parcels, "--grid", "1e300"},
      {"coverage", parcels, "--within", parcels, "--sliver-width", "-1"},
      {"coverage", parcels, "--within", parcels, "--sliver-width", "inf"},
      {"tabulate", parcels, parcels, "--class-field", "HXLX", "--grid", "-0.5"},
      {"drift", parcels, parcels, "--sliver-width", "0"},
      {"drift", parcels, parcels, "--sliver-area", "nan"},
      {"drift", parcels, parcels, "--fast-shift", "inf"},
      {"drift", parcels, parcels, "--grid", "1e9"},
  };
  for (const auto& args : runs) {
    SCOPED_TRACE(args[0] + " " + args[args.size() - 2] + " " + args.back());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u) << r.err;
  }
}

}  // namespace
}  // namespace redline
