// Every error is one line on stderr, "redline: error: FILE: layer L: ...", with GDAL's or PROJ's
// own message inside it and nothing printed around it; the exit code says its kind; the broken
// input is left byte-identical. Inputs: tests/data/errors/make_broken.sh and tests/data/io.
#include <gtest/gtest.h>

#include <algorithm>
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

// Runs redline with `args`, in which "@" stands for tests/data/DIR/STEM.EXT, and checks that
// every file of STEM in DIR is byte-identical afterwards.
CliResult run_on(const std::string& dir, const std::string& stem, const std::string& ext,
                 std::vector<std::string> args) {
  const auto before = snapshot_files(data_path(dir), stem);
  EXPECT_FALSE(before.empty()) << "no input " << dir << "/" << stem;
  for (std::string& a : args) {
    if (a == "@") a = data_path(dir + "/" + stem + "." + ext);
  }
  CliResult r = run_cli(args);
  EXPECT_EQ(snapshot_files(data_path(dir), stem), before) << stem << " was modified";
  return r;
}

using test::errors_only;

// Apart from warnings, stderr is one line beginning "redline: error: ", and stdout is empty.
void expect_one_error_line(const CliResult& r) {
  const std::string err = errors_only(r.err);
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(err.rfind("redline: error: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.back(), '\n') << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(ErrorMessage, TruncatedShapefileCarriesGdalMessage) {
  const CliResult r = run_on("io", "truncated", "shp", {"area", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("io/truncated.shp") + ": layer truncated: feature ")) << r.err;
  EXPECT_TRUE(contains(r.err, "GDAL: Error in fread()")) << r.err;
}

TEST(ErrorMessage, GarbagePrjIsSaidAndTheLikelyCrsSuggested) {
  const CliResult r = run_on("errors", "garbage_prj", "shp", {"area", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("errors/garbage_prj.shp") + ": layer garbage_prj: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "its .prj file holds none GDAL can read")) << r.err;
  EXPECT_TRUE(contains(r.err, "if so, pass --assume-crs EPSG:4527")) << r.err;
}

TEST(ErrorMessage, GeoPackageThatIsNotSqlite) {
  const CliResult r = run_on("errors", "not_sqlite", "gpkg", {"info", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("errors/not_sqlite.gpkg") + ": cannot be read: GDAL: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "not recognized as a supported file format")) << r.err;
}

TEST(ErrorMessage, CutGeoJson) {
  const CliResult r = run_on("errors", "cut", "geojson", {"area", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("errors/cut.geojson") + ": cannot be read: GDAL: Failed to read GeoJSON data"))
      << r.err;
}

TEST(ErrorMessage, ShapefileWithoutShx) {
  const CliResult r = run_on("errors", "no_shx", "shp", {"area", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("errors/no_shx.shp") + ": cannot be read: GDAL: Unable to open")) << r.err;
}

TEST(ErrorMessage, NonexistentLayerListsTheLayers) {
  const CliResult r = run_on("io", "two_layers", "gpkg", {"area", "@", "--layer", "nope"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("io/two_layers.gpkg") + ": no layer 'nope' (layers: parcels, reserves)"))
      << r.err;
}

TEST(ErrorMessage, UnknownEpsgInAssumeCrsCarriesProjMessage) {
  const CliResult r = run_on("io", "noprj_zone39", "shp", {"area", "@", "--assume-crs", "EPSG:99999"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("io/noprj_zone39.shp") + ": layer noprj_zone39: 'EPSG:99999'")) << r.err;
  EXPECT_TRUE(contains(r.err, "PROJ: proj_create: crs not found")) << r.err;
}

TEST(ErrorMessage, WktProjRejectsCarriesProjMessage) {
  const CliResult r =
      run_on("io", "noprj_zone39", "shp", {"area", "@", "--assume-crs", "PROJCS[\"x\",GEOGCS[\"y\"]]"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("io/noprj_zone39.shp") + ": layer noprj_zone39: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "PROJ: proj_create: ")) << r.err;
}

TEST(ErrorMessage, MultiLineAssumeCrsIsFoldedToOneLine) {
  const CliResult r = run_on("io", "noprj_zone39", "shp", {"area", "@", "--assume-crs", "EPSG:4527\nsecond line"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, "'EPSG:4527 second line'")) << r.err;
}

TEST(ErrorMessage, ProjectionProjCannotUseNamesFeatureAndProjReason) {
  const CliResult r = run_on("errors", "unknown_projection", "shp", {"area", "@"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, data_path("errors/unknown_projection.shp") + ": layer unknown_projection: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "PROJ: ")) << r.err;
}

TEST(ErrorMessage, TerminalEscapeInFileNameIsNotPrinted) {
  const CliResult r = run_cli({"area", data_path("errors/no\033[31mred.shp")});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_FALSE(contains(r.err, "\033")) << r.err;
  EXPECT_TRUE(contains(r.err, "no\\x1b[31mred.shp: no such file or directory")) << r.err;
}

TEST(ErrorMessage, OptionMistakeIsOneLine) {
  const CliResult r = run_cli({"area", data_path("io/bowtie.shp"), "--no-such-option"});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, "--no-such-option")) << r.err;
}

// The library says which setting helps; the CLI names the flag of the input concerned.
TEST(ErrorHint, LayerChoiceNamesTheFlagOfThatInput) {
  const std::string gpkg = data_path("io/two_layers.gpkg");
  const CliResult a = run_on("io", "two_layers", "gpkg", {"area", "@"});
  EXPECT_EQ(a.exit_code, 2);
  expect_one_error_line(a);
  EXPECT_TRUE(contains(a.err, gpkg + ": the source has 2 layers (parcels, reserves); choose one with --layer")) << a.err;

  const CliResult b = run_cli({"coverage", data_path("io/bowtie.shp"), "--within", gpkg});
  EXPECT_EQ(b.exit_code, 2);
  expect_one_error_line(b);
  EXPECT_TRUE(contains(b.err, "choose one with --within-layer")) << b.err;

  const CliResult prev =
      run_cli({"check", "not-reduced", gpkg, "--layer", "parcels", "--previous", gpkg, "--key", "BSM"});
  EXPECT_EQ(prev.exit_code, 2);
  expect_one_error_line(prev);
  EXPECT_TRUE(contains(prev.err, "choose one with --previous-layer")) << prev.err;
}

TEST(ErrorHint, RulesFileLayerChoiceIsSaidInRulesTerms) {
  const std::string dir = test::work_dir("error_hint_rules");
  const std::string rules = dir + "/rules.toml";
  {
    std::FILE* f = std::fopen(rules.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fprintf(f, "[[check]]\nkind = \"not-reduced\"\nlayer = \"%s\"\nbaseline = \"1ha\"\n",
                 data_path("io/two_layers.gpkg").c_str());
    std::fclose(f);
  }
  const CliResult r = run_cli({"check", rules});
  EXPECT_EQ(r.exit_code, 2);
  expect_one_error_line(r);
  EXPECT_TRUE(contains(r.err, "choose one with layer_name (previous_layer, within_layer) in the rules file")) << r.err;
  EXPECT_FALSE(contains(r.err, "--layer")) << r.err;
}

TEST(ErrorHint, EncodingAndCrsAdviceUseThePrefixOfTheSecondInput) {
  const CliResult enc = run_cli({"tabulate", data_path("io/bowtie.shp"), data_path("io/gbk_nocpg.shp"),
                                 "--class-field", "X"});
  EXPECT_EQ(enc.exit_code, 2);
  expect_one_error_line(enc);
  EXPECT_TRUE(contains(enc.err, "(--classes-encoding GBK for most Chinese shapefiles)")) << enc.err;

  const CliResult crs = run_cli({"overlay", data_path("io/bowtie.shp"), data_path("io/noprj_zone39.shp"), "--out",
                                 test::work_dir("error_hint_overlay") + "/x.gpkg"});
  EXPECT_EQ(crs.exit_code, 2);
  expect_one_error_line(crs);
  EXPECT_TRUE(contains(crs.err, "if so, pass --b-assume-crs EPSG:4527")) << crs.err;
}

TEST(ErrorHint, InfoProblemUsesTheFlag) {
  const CliResult r = run_cli({"info", data_path("io/gbk_nocpg.shp"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "--encoding GBK for most Chinese shapefiles")) << r.out;
}

// An unknown name of an option value: one line naming what was unknown and listing the names,
// from the library's one table per enum; exit 2; the input untouched.
TEST(ErrorMessage, UnknownOptionValuesListTheNamesFromTheLibrary) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"area", "@", "--method", "spherical"},
       "redline: error: unknown area method 'spherical' (expected ellipsoidal, survey or planar)"},
      {{"area", "@", "--unit", "acres"},
       "redline: error: unknown area unit 'acres' (expected m2, ha, mu, wanmu or km2; or 平方米, 公顷, 亩, 万亩, "
       "平方公里)"},
      {{"area", "@", "--format", "xml"},
       "redline: error: unknown output format 'xml' (expected table, json, csv, md or xlsx)"},
      {{"area", "@", "--invalid", "ignore"},
       "redline: error: unknown invalid-polygon policy 'ignore' (expected repair, repair-strict, skip or fail)"},
      {{"info", "@", "--format", "xml"},
       "redline: error: unknown output format 'xml' (expected table, json, csv, md or xlsx)"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_on("io", "bowtie", "shp", c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    expect_one_error_line(r);
    EXPECT_EQ(errors_only(r.err), c.message + "\n") << r.err;
  }
}

}  // namespace
}  // namespace redline
