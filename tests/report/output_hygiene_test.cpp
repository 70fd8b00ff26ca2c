// Reports of hostile attribute values, end to end: CSV cells a spreadsheet would run as formulas
// are neutralised, terminal escapes are shown and never sent, Markdown cells stay cells, JSON
// stays valid even for a file name that is not UTF-8. Data: tests/oracles/make_attribute_data.py
// (hostile.gpkg: six 100 m squares, 10 000 m² each by hand with --method planar).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::data_path;
using test::run_cli;
using test::snapshot_files;

using test::contains;

const std::string kHostile = data_path("io/attributes/hostile.gpkg");

CliResult run_hostile(const std::string& format) {
  const auto before = snapshot_files(data_path("io/attributes"), "hostile");
  CliResult r = run_cli({"area", kHostile, "--by", "NAME", "--method", "planar", "--unit", "m2", "--format", format});
  EXPECT_EQ(snapshot_files(data_path("io/attributes"), "hostile"), before) << "hostile.gpkg was modified";
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r;
}

TEST(OutputHygiene, CsvNeutralisesFormulasAndKeepsNumbers) {
  const CliResult r = run_hostile("csv");
  EXPECT_TRUE(contains(r.out, "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1,10000.00,")) << r.out;
  EXPECT_TRUE(contains(r.out, "\r\n'@cmd,1,10000.00,")) << r.out;
  EXPECT_TRUE(contains(r.out, "\r\n-5,1,10000.00,")) << r.out;  // a number, not a formula
  EXPECT_FALSE(contains(r.out, "\r\n=")) << r.out;
  EXPECT_FALSE(contains(r.out, "\r\n@")) << r.out;
}

TEST(OutputHygiene, TableShowsTerminalEscapesWithoutSendingThem) {
  const CliResult r = run_hostile("table");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "ESC reached the terminal";
  EXPECT_TRUE(contains(r.out, "\\x1B[2J\\x1B[31mred")) << r.out;
  EXPECT_TRUE(contains(r.out, "\\u202Eevil")) << r.out;
  EXPECT_FALSE(contains(r.out, "\xe2\x80\xae")) << "the bidi override reached the terminal";
}

TEST(OutputHygiene, MarkdownCellsStayCells) {
  const CliResult r = run_hostile("md");
  EXPECT_TRUE(contains(r.out, "| a\\|b | 1 | 10000.00 |")) << r.out;
  EXPECT_TRUE(contains(r.out, "| \\\\x1B[2J\\\\x1B[31mred | 1 |")) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST(OutputHygiene, JsonEscapesControlsAndNamesTheValuesExactly) {
  const CliResult r = run_hostile("json");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& g : j["groups"]) keys.push_back(g["key"].get<std::string>());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "\x1b[2J\x1b[31mred"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "=HYPERLINK(\"http://evil\",\"x\")"), keys.end());
}

TEST(OutputHygiene, JsonOfAFileNameThatIsNotUtf8IsValid) {
  // A folder named in GBK (红 = BA EC), as copied from a Chinese Windows machine. Every JSON
  // report names its sources: that must not abort it (exit 4) nor write invalid JSON.
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(test::work_dir("output_hygiene_gbk_name")) / "\xba\xec";
  fs::create_directories(dir);
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
    fs::copy_file(data_path(std::string("area/parcels_4527") + ext), dir / (std::string("p") + ext));
  }
  const std::string shp = (dir / "p.shp").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"area", shp, "--format", "json"},
        std::vector<std::string>{"coverage", shp, "--within", shp, "--format", "json"},
        std::vector<std::string>{"tabulate", shp, shp, "--class-field", "HXLX", "--format", "json"},
        std::vector<std::string>{"drift", shp, shp, "--format", "json"}}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_NO_THROW(nlohmann::json::parse(r.out)) << args[0] << ": " << r.out;
  }
}

}  // namespace
}  // namespace redline
