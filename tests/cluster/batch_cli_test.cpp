// redline batch in one process (issue 13): the tables, the national figures against
// independent oracles, and the catalogues and outputs a hostile user gives.
// (Under mpirun: tests/cluster/batch_mpi_test.py, which compares with these runs byte for byte.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/cluster/batch.h"
#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::contains;
using test::data_path;
using test::read_file;
using test::run_cli;
using test::work_dir;

const std::string kRules = data_path("cluster/rules.toml");
const std::string kCatalogue = data_path("cluster/counties.csv");
const std::vector<std::string> kCodes = {"360781", "360782", "360783"};

std::string delivery(const std::string& code) { return data_path("cluster/deliveries/" + code); }

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The three counties with absolute paths, for catalogues written elsewhere.
std::string sample_rows() {
  std::string rows;
  const std::vector<std::string> names = {"甲县", "乙县", "丙县"};
  for (std::size_t i = 0; i < kCodes.size(); ++i) rows += kCodes[i] + "," + names[i] + "," + delivery(kCodes[i]) + "\n";
  return rows;
}

// Every file of the sample's deliveries, to show a run left them as they were.
std::vector<std::pair<std::string, std::string>> snapshot_deliveries() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& code : kCodes) {
    for (const char* f : {"redline.geojson", "county.geojson"}) {
      const std::string p = delivery(code) + "/" + f;
      out.emplace_back(p, read_file(p));
    }
  }
  out.emplace_back(kCatalogue, read_file(kCatalogue));
  return out;
}

TEST(Batch, NationalFiguresAreTheCountiesSummed) {
  const std::string out = work_dir("batch_national") + "/out";
  const auto before = snapshot_deliveries();
  const test::CliResult r = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir", out});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // 乙县 fails both checks, 甲县 the share
  EXPECT_TRUE(contains(r.out, "Counties: 3 (passed 1, failed 2, errors 0)")) << r.out;
  EXPECT_EQ(snapshot_deliveries(), before);
  for (const char* f : {"counties.csv", "counties.json", "national.csv", "national.json"}) {
    EXPECT_TRUE(fs::is_regular_file(out + "/" + f)) << f;
  }
  const json national = json::parse(read_file(out + "/national.json"));
  ASSERT_EQ(national["checks"].size(), 2u);
  const json& area = national["checks"][0];
  const json& share = national["checks"][1];

  // Oracle 1: each county alone through `redline check --delivery`, summed here in catalogue order.
  double total = 0.0, inside = 0.0, of = 0.0;
  for (const std::string& code : kCodes) {
    const test::CliResult c = run_cli({"check", kRules, "--delivery", delivery(code), "--format", "json"});
    ASSERT_TRUE(c.exit_code == 0 || c.exit_code == 1) << c.err;
    const json report = json::parse(c.out);
    total += report["checks"][0]["value"].get<double>();
    inside += report["checks"][1]["details"]["inside"].get<double>();
    of += report["checks"][1]["details"]["of"].get<double>();
  }
  EXPECT_EQ(area["value_is"], "sum");
  EXPECT_EQ(area["value"].get<double>(), total);  // the same additions in the same order
  EXPECT_EQ(area["threshold"].get<double>(), 150.0);  // 3 × baseline 50 ha
  EXPECT_EQ(share["value_is"], "rate");
  EXPECT_NEAR(share["value"].get<double>(), 100.0 * inside / of, 1e-12);

  // Oracle 2, independent of redline: GeographicLib's Planimeter on the CGCS2000 ellipsoid,
  //   /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/cluster/deliveries/C/F.geojson --zone 39
  // red lines 558160.19968997873, 479375.81201687257, 558160.19968997862 m²; counties
  // 3981523.070115203, 8991723.1464272812, 1935224.0276954609 m² (each red line lies wholly in
  // its county): 159.569621139683 ha of 1490.8470244237944 ha, 10.703286019660931 %.
  // The mean of the county rates would be 16.06 %: a rate averaged would fail here.
  EXPECT_NEAR(area["value"].get<double>(), 159.569621139683, 1e-6);
  EXPECT_NEAR(share["denominator"].get<double>(), 1490.8470244237944, 1e-6);
  EXPECT_NEAR(share["value"].get<double>(), 10.703286019660931, 1e-7);
  EXPECT_EQ(area["passed"], 2);
  EXPECT_EQ(area["failed"], 1);
  EXPECT_EQ(share["passed"], 1);
  EXPECT_EQ(share["complete"], true);

  const std::string csv = read_file(out + "/counties.csv");
  EXPECT_EQ(csv.rfind("code,name,delivery,status,check,kind,passed,value,threshold,unit,comparison,error\r\n", 0), 0u);
  EXPECT_TRUE(contains(csv, "360782,乙县,")) << csv;
  const json counties = json::parse(read_file(out + "/counties.json"));
  ASSERT_EQ(counties["counties"].size(), 3u);
  EXPECT_EQ(counties["counties"][0]["boundary"], delivery("360781") + "/county.geojson");
  EXPECT_TRUE(counties["counties"][2]["boundary"].is_null());  // 丙县's row gives none
  EXPECT_EQ(counties["counties"][1]["status"], "failed");
}

TEST(Batch, OutputIsTheSameForAnyThreadCount) {
  const std::string dir = work_dir("batch_threads");
  const test::CliResult one = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir", dir + "/1", "--threads", "1"});
  const test::CliResult two = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir", dir + "/2", "--threads", "2"});
  EXPECT_EQ(one.out, two.out);
  for (const char* f : {"counties.csv", "counties.json", "national.csv", "national.json"}) {
    EXPECT_EQ(read_file(dir + "/1/" + f), read_file(dir + "/2/" + f)) << f;
  }
}

TEST(Batch, MissingDeliveryIsARowNotTheEnd) {
  const std::string dir = work_dir("batch_missing");
  const std::string catalogue =
      write(dir, "counties.csv", "code,name,delivery\n" + sample_rows() + "360799,缺县," + dir + "/nowhere\n");
  const auto before = snapshot_deliveries();
  const test::CliResult r = run_cli({"batch", kRules, "--catalogue", catalogue, "--out-dir", dir + "/out",
                                     "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2) << r.err;  // the worst county's: an input error
  EXPECT_EQ(snapshot_deliveries(), before);
  const std::string csv = read_file(dir + "/out/counties.csv");
  const std::string last = csv.substr(csv.rfind("360799"));
  EXPECT_TRUE(contains(last, ",error,,,,,,,,")) << last;
  EXPECT_TRUE(contains(last, "nowhere/redline.geojson")) << last;
  EXPECT_EQ(std::count(last.begin(), last.end(), '\n'), 1);  // its error on one line
  EXPECT_TRUE(contains(csv, "360783,丙县")) << csv;            // the counties after it ran
  const json national = json::parse(read_file(dir + "/out/national.json"));
  EXPECT_EQ(national["errors"], 1);
  EXPECT_EQ(national["exit_code"], 2);
  EXPECT_EQ(national["checks"][0]["complete"], false);
  EXPECT_EQ(national["checks"][0]["errors"], 1);
  EXPECT_TRUE(contains(r.out, "红线面积不低于基线,not-reduced,ha,>=,4,2,1,1,")) << r.out;
}

struct Refusal {
  const char* name;
  std::string catalogue;  // the text; "" for none
  std::string message;
};

TEST(Batch, BadCataloguesAreRefusedBeforeAnyWork) {
  const std::vector<Refusal> cases = {
      {"duplicate", "code,name,delivery\n" + sample_rows() + "360782,又乙县," + delivery("360782") + "\n",
       "line 5: county code 360782 is given twice (also on line 3)"},
      {"header_only", "code,name,delivery\n", "the catalogue holds no county (a header row alone)"},
      {"empty", "", "the catalogue is empty"},
      {"short_code", "code,name,delivery\n36078,甲县," + delivery("360781") + "\n",
       "line 2: county code '36078' is not 6 digits"},
      {"no_delivery_column", "code,name\n360781,甲县\n", "line 1: no column 'delivery'"},
      {"unknown_column", "code,name,delivery,boundry\n360781,甲县,x,y\n", "line 1: unknown column 'boundry'"},
      {"missing_field", "code,name,delivery\n360781,甲县\n", "line 2: 2 fields where the header names 3"},
      {"empty_delivery", "code,name,delivery\n360781,甲县,\n", "line 2: county 360781 has no delivery"},
      {"open_quote", "code,name,delivery\n360781,\"甲县,x\n", "line 2: a quote is never closed"},
  };
  for (const Refusal& c : cases) {
    const std::string dir = work_dir(std::string("batch_refused_") + c.name);
    const std::string catalogue = write(dir, "counties.csv", c.catalogue);
    const test::CliResult r = run_cli({"batch", kRules, "--catalogue", catalogue, "--out-dir", dir + "/out"});
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.err;
    EXPECT_EQ(r.out, "") << c.name;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
    EXPECT_TRUE(contains(r.err, "redline: error: " + catalogue + ": " + c.message)) << c.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(dir + "/out")) << c.name;  // nothing made
    EXPECT_EQ(read_file(catalogue), c.catalogue) << c.name;
  }
  const test::CliResult missing = run_cli({"batch", kRules, "--catalogue", "/nonexistent/counties.csv"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "no such catalogue file")) << missing.err;
}

TEST(Batch, RulesWithASharedLayerAreRefused) {
  // small.toml checks tests/data/drift/versions.gpkg itself: every county would measure it again.
  const test::CliResult r = run_cli({"batch", data_path("checks/small.toml"), "--catalogue", kCatalogue});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "check 1 (edited not reduced) names no layer by {delivery}")) << r.err;
}

TEST(Batch, OutDirThatIsAFileOrAnInputIsRefused) {
  const auto before = snapshot_deliveries();
  // The catalogue itself as the output folder.
  const test::CliResult file = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir", kCatalogue});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_TRUE(contains(file.err, "the output folder is not a folder")) << file.err;
  // A delivery folder: the tables would be written among a county's inputs.
  const test::CliResult input = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir", delivery("360781")});
  EXPECT_EQ(input.exit_code, 2);
  EXPECT_TRUE(contains(input.err, "counties.csv")) << input.err;
  EXPECT_TRUE(contains(input.err, "input")) << input.err;
  // A folder under a missing one.
  const test::CliResult deep = run_cli({"batch", kRules, "--catalogue", kCatalogue, "--out-dir",
                                        work_dir("batch_deep") + "/a/b"});
  EXPECT_EQ(deep.exit_code, 3);
  EXPECT_TRUE(contains(deep.err, "cannot create the output folder")) << deep.err;
  EXPECT_EQ(snapshot_deliveries(), before);
  EXPECT_EQ(fs::directory_iterator(delivery("360781")) == fs::directory_iterator(), false);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(delivery("360781"))) files += e.is_regular_file();
  EXPECT_EQ(files, 2u);  // nothing added
}

TEST(Batch, BoundaryFromTheCatalogue) {
  // rules_boundary.toml's share is rules.toml's second check with within = "{boundary}": with
  // each county's county.geojson as its boundary, the same figures, to the bit.
  const std::string dir = work_dir("batch_boundary");
  std::string rows = "code,name,delivery,boundary\n";
  for (const std::string& code : kCodes) rows += code + ",x," + delivery(code) + "," + delivery(code) + "/county.geojson\n";
  const std::string catalogue = write(dir, "counties.csv", rows);
  const test::CliResult by_boundary =
      run_cli({"batch", data_path("cluster/rules_boundary.toml"), "--catalogue", catalogue, "--format", "json"});
  const test::CliResult by_delivery = run_cli({"batch", kRules, "--catalogue", catalogue, "--format", "json"});
  ASSERT_EQ(by_boundary.exit_code, 1) << by_boundary.err;
  ASSERT_EQ(by_delivery.exit_code, 1) << by_delivery.err;
  const json a = json::parse(by_boundary.out)["checks"][0], b = json::parse(by_delivery.out)["checks"][1];
  EXPECT_EQ(a["value"].get<double>(), b["value"].get<double>());
  EXPECT_EQ(a["numerator"].get<double>(), b["numerator"].get<double>());
  EXPECT_EQ(a["denominator"].get<double>(), b["denominator"].get<double>());
  // The sample catalogue gives 丙县 no boundary: its row says so, the others run.
  const test::CliResult partial =
      run_cli({"batch", data_path("cluster/rules_boundary.toml"), "--catalogue", kCatalogue, "--format", "json",
               "--out-dir", dir + "/out"});
  EXPECT_EQ(partial.exit_code, 2) << partial.err;
  const json counties = json::parse(read_file(dir + "/out/counties.json"))["counties"];
  EXPECT_EQ(counties[0]["status"], "failed");
  EXPECT_EQ(counties[2]["status"], "error");
  EXPECT_TRUE(contains(counties[2]["error"].get<std::string>(), "the catalogue gives county 360783 no boundary"))
      << counties[2]["error"];
  // redline check alone cannot know a county's boundary.
  const test::CliResult check =
      run_cli({"check", data_path("cluster/rules_boundary.toml"), "--delivery", delivery("360781")});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_TRUE(contains(check.err, "names a layer by {boundary}")) << check.err;
}

TEST(Batch, WithoutMpiAnMpirunJobIsRefused) {
  if (built_with_mpi()) GTEST_SKIP() << "built with MPI: tests/cluster/batch_mpi_test.py runs mpirun";
  // What mpirun -np 2 sets: each process of a build without MPI would run the whole catalogue.
  setenv("OMPI_COMM_WORLD_SIZE", "2", 1);
  const test::CliResult r = run_cli({"batch", kRules, "--catalogue", kCatalogue});
  unsetenv("OMPI_COMM_WORLD_SIZE");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "built without MPI")) << r.err;
}

}  // namespace
}  // namespace redline
