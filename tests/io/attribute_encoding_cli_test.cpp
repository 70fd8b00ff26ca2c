// The `redline` binary on attribute text it cannot trust: every class exits 2 with exactly one
// line "redline: error: FILE: layer L[: feature N: field F]: ..." on stderr, prints nothing on
// stdout, and leaves every file of the input byte-identical. Data: make_attribute_data.py.
#include <gtest/gtest.h>

#include <filesystem>
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

// Runs `redline COMMAND DIR/STEM.shp ARGS...` and checks that the shapefile's files are
// byte-identical afterwards.
CliResult run_on(const std::string& dir, const std::string& stem, std::vector<std::string> args) {
  const auto before = snapshot_files(dir, stem);
  EXPECT_GE(before.size(), 3u) << "no shapefile " << dir << "/" << stem;
  args.insert(args.begin() + 1, dir + "/" + stem + ".shp");
  CliResult r = run_cli(args);
  EXPECT_EQ(snapshot_files(dir, stem), before) << stem << " was modified";
  return r;
}

// Exit code 2, nothing on stdout, and one line on stderr that starts with `prefix`.
void expect_one_line_error(const CliResult& r, const std::string& prefix) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line:\n" << r.err;
  EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << "expected a line starting with\n  " << prefix << "\ngot\n  " << r.err;
}

const std::string kDir = data_path("io/attributes");

TEST(CliAttributes, Utf8InsideGbkExitsTwoNamingFeatureAndField) {
  const CliResult r = run_on(kDir, "utf8_in_gbk", {"area", "--by", "HXLX"});
  expect_one_line_error(r, "redline: error: " + kDir + "/utf8_in_gbk.shp: layer utf8_in_gbk: feature 1: field HXLX: "
                           "the value '生物多样性维护' is UTF-8 text inside a file declared GBK (its .cpg file) "
                           "(mixed encodings)");
}

TEST(CliAttributes, InvalidGbkBytesExitTwoNamingFeatureAndField) {
  const CliResult r = run_on(kDir, "bad_gbk", {"area"});
  expect_one_line_error(r, "redline: error: " + kDir + "/bad_gbk.shp: layer bad_gbk: feature 2: field HXLX: "
                           "the value '\\xCB\\xAE\\xCD\\xC1\\xFF' is not valid text in GBK (its .cpg file): byte 5 "
                           "(0xFF)");
}

TEST(CliAttributes, InvalidUtf8ExitsTwoNamingFeatureAndField) {
  const CliResult r = run_on(kDir, "bad_utf8", {"coverage", "--within", data_path("area/parcels_4527.shp")});
  expect_one_line_error(r, "redline: error: " + kDir + "/bad_utf8.shp: layer bad_utf8: feature 1: field HXLX: "
                           "the value '水源\\xC3(' is not valid text in UTF-8 (its .cpg file)");
}

TEST(CliAttributes, GbkDeclaredLatin1ExitsTwo) {
  // make_test_data.py: GBK bytes under LDID 87 (ISO-8859-1); GDAL alone prints them as Latin-1.
  const std::string dir = data_path("io");
  const CliResult r = run_on(dir, "ldid87_gbk", {"area"});
  expect_one_line_error(r, "redline: error: " + dir + "/ldid87_gbk.shp: layer ldid87_gbk: field name "
                           "'\\xBA\\xEC\\xCF\\xDF\\xC0\\xE0\\xD0\\xCD' is declared ISO-8859-1 (its DBF code page "
                           "(LDID 87)) but its bytes are GBK-encoded Chinese");
}

TEST(CliAttributes, GbkWithoutDeclarationExitsTwo) {
  const std::string dir = data_path("io");
  const CliResult r = run_on(dir, "gbk_nocpg", {"tabulate", dir + "/gbk_nocpg.shp", "--class-field", "BSM"});
  expect_one_line_error(r, "redline: error: " + dir + "/gbk_nocpg.shp: layer gbk_nocpg: field name "
                           "'\\xBA\\xEC\\xCF\\xDF\\xC0\\xE0\\xD0\\xCD' is not valid text in UTF-8 (no encoding "
                           "declared); its bytes look like GBK");
}

TEST(CliAttributes, UnknownCpgExitsTwo) {
  const CliResult r = run_on(kDir, "unknown_cpg", {"info"});
  // info reports the problem and goes on (exit 0); reading for a figure refuses.
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "'FOOBAR'")) << r.out;
  const CliResult area = run_on(kDir, "unknown_cpg", {"area"});
  expect_one_line_error(area, "redline: error: " + kDir + "/unknown_cpg.shp: layer unknown_cpg: "
                              "its .cpg file names the encoding 'FOOBAR', which is not known");
}

TEST(CliAttributes, UnknownEncodingOptionExitsTwo) {
  const CliResult r = run_on(data_path("area"), "parcels_4527", {"area", "--encoding", "FOOBAR"});
  expect_one_line_error(r, "redline: error: " + data_path("area/parcels_4527.shp") +
                               ": layer parcels_4527: unknown encoding 'FOOBAR'");
}

TEST(CliAttributes, MissingDbfExitsTwo) {
  const CliResult r = run_on(kDir, "no_dbf", {"area"});
  expect_one_line_error(r, "redline: error: " + kDir + "/no_dbf.shp: layer no_dbf: "
                           "its .dbf file (the attribute table) is missing");
}

TEST(CliAttributes, UnreadableDbfExitsTwo) {
  namespace fs = std::filesystem;
  const std::string dir = test::work_dir("cli_attributes_unreadable_dbf");
  for (const char* ext : {".shp", ".shx", ".prj", ".cpg"}) {
    fs::copy_file(data_path(std::string("area/parcels_4527") + ext), fs::path(dir) / (std::string("parcels") + ext));
  }
  fs::create_directory(fs::path(dir) / "parcels.dbf");
  const CliResult r = run_on(dir, "parcels", {"area"});
  expect_one_line_error(r, "redline: error: " + dir + "/parcels.shp: layer parcels: "
                           "its .dbf file (the attribute table) cannot be read");
}

}  // namespace
}  // namespace redline
