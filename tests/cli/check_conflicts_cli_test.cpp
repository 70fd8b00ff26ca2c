// `redline check` with the conflict kinds (no-overlap, max-inside, no-gaps): the quick form,
// rules files, exit codes 0 / 1 / 2, and --out's GeoPackage layers.
// Figures: tests/oracles/checks_make_conflicts.py (tests/data/checks/conflicts.gpkg) and
// tests/oracles/conflicts_geopandas.py (the sample: red line x mines, 6 pairs, 4.086990 ha).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;
using test::run_cli;

const std::string kSample = test::source_path("samples/huichang/huichang.gpkg");
const std::string kConflicts = test::data_path("checks/conflicts.gpkg");
const std::string kRules = test::data_path("checks/conflicts.toml");

TEST(CheckConflictsCli, RedLineOverlappingMinesFailsWithThePairsListed) {
  auto r = run_cli({"check", "no-overlap", kSample, "--layer", "redline", "--with", kSample, "--with-layer", "mines"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "4.09 ha  ≤ 0.00 ha  -4.09 ha  未达标")) << r.out;  // the report's row
  EXPECT_TRUE(contains(r.out, "overlap 6 feature(s) of " + kSample + " (mines) in 6 pair(s)")) << r.out;
  EXPECT_TRUE(contains(r.out, "39 × 3: 0.99 ha")) << r.out;  // the largest pair, red line FID 39 x mine 3
}

TEST(CheckConflictsCli, ParcelsThatDoNotOverlapPass) {
  auto r = run_cli({"check", "no-overlap", kSample, "--layer", "parcels", "--key", "BSM"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(contains(r.out, "达标")) << r.out;
  EXPECT_TRUE(contains(r.out, "no two features of " + kSample + " (parcels) overlap")) << r.out;
}

TEST(CheckConflictsCli, MaxInsideAndNoGapsInTheQuickForm) {
  auto r = run_cli({"check", "max-inside", kConflicts, "--layer", "mines", "--within", kConflicts, "--within-layer",
                    "redline", "--max-percent", "50.01", "--key", "BSM"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;  // 50.000015 %
  EXPECT_TRUE(contains(r.out, "50.00 %")) << r.out;
  r = run_cli({"check", "no-gaps", kConflicts, "--layer", "cover", "--within", kConflicts, "--within-layer", "county",
               "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::ordered_json::parse(r.out);
  EXPECT_NEAR(j["checks"][0]["value"].get<double>(), 1.399999916, 0.01);
  EXPECT_EQ(j["checks"][0]["comparison"], "<=");
  EXPECT_EQ(j["checks"][0]["details"]["gaps_total"], 1);
  r = run_cli({"check", "no-gaps", kConflicts, "--layer", "cover", "--within", kConflicts, "--within-layer", "county",
               "--max-gap", "1.4ha"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

TEST(CheckConflictsCli, RulesFileWithCheckWithTables) {
  auto r = run_cli({"check", kRules, "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::ordered_json::parse(r.out);
  ASSERT_EQ(j["checks"].size(), 4u);
  const auto& overlap = j["checks"][0];
  EXPECT_EQ(overlap["kind"], "no-overlap");
  EXPECT_EQ(overlap["passed"], false);
  EXPECT_NEAR(overlap["value"].get<double>(), 10.999999642, 0.01);
  EXPECT_EQ(overlap["details"]["with"].size(), 2u);
  EXPECT_EQ(overlap["details"]["by_layer"][0]["features"], 2);       // R1, R2
  EXPECT_EQ(overlap["details"]["by_layer"][0]["with_features"], 2);  // F1, F2
  EXPECT_EQ(overlap["details"]["pairs"][0]["first"], "R1");
  EXPECT_EQ(j["checks"][1]["passed"], true);   // cover_full against itself
  EXPECT_EQ(j["checks"][2]["passed"], false);  // M1 inside the red line
  EXPECT_EQ(j["checks"][3]["passed"], true);   // 1.4 ha of gaps, at most 1.5 ha
}

TEST(CheckConflictsCli, ABareWithLayerIsRefused) {
  auto r = run_cli({"check", "no-overlap", kSample, "--layer", "redline", "--with-layer", "mines"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "--with-layer mines: give it after the --with")) << r.err;
  r = run_cli({"check", "no-overlap", kSample, "--layer", "redline", "--with", kSample, "--with-layer", "mines",
               "--with-layer", "parcels"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--with-layer parcels")) << r.err;
}

TEST(CheckConflictsCli, ThresholdsThatMakeNoSenseExitTwo) {
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--max-overlap", "-1ha"}, {"--max-overlap", "1"}, {"--sliver-width", "nan"},
        {"--sliver-width", "500"}}) {
    std::vector<std::string> args = {"check", "no-overlap", kConflicts, "--layer", "redline"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << extra[0] << " " << extra[1];
    EXPECT_TRUE(contains(r.err, extra[0])) << r.err;  // the option named as typed
    EXPECT_EQ(r.out, "");
  }
  auto r = run_cli({"check", "max-inside", kConflicts, "--layer", "mines", "--within", kConflicts, "--within-layer",
                    "redline", "--max-area", "0ha", "--max-percent", "5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "not both")) << r.err;
  r = run_cli({"check", "no-overlap", kConflicts, "--layer", "redline", "--with", kConflicts, "--with-layer", "redline"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "the layer checked itself")) << r.err;
}

TEST(CheckConflictsCli, OutWritesTheConflictLayers) {
  const std::string dir = test::work_dir("check_conflicts_out");
  const std::string out = dir + "/conflicts_found.gpkg";
  auto r = run_cli({"check", kRules, "--out", out});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  ReadOptions o;
  o.layer = "check1_overlaps";
  const Layer overlaps = read_layer(out, o);
  ASSERT_EQ(overlaps.features.size(), 2u);
  ASSERT_EQ(overlaps.fields.size(), 4u);
  EXPECT_EQ(overlaps.fields[0].name, "with");
  EXPECT_EQ(overlaps.fields[3].name, "area_ha");
  EXPECT_EQ(to_string(overlaps.features[0].values[1]), "R1");
  EXPECT_EQ(to_string(overlaps.features[0].values[2]), "F1");
  EXPECT_NEAR(std::get<double>(overlaps.features[0].values[3]), 9.999999857, 0.01);
  EXPECT_TRUE(overlaps.crs.equivalent_to(Crs::from_user_input("EPSG:4527")));
  o.layer = "check2_overlaps";
  EXPECT_EQ(read_layer(out, o).features.size(), 0u);  // a passing check: an empty layer
  o.layer = "check3_inside";
  const Layer inside = read_layer(out, o);
  ASSERT_EQ(inside.features.size(), 1u);
  EXPECT_EQ(to_string(inside.features[0].values[1]), "M1");
  o.layer = "check4_gaps";
  const Layer gaps = read_layer(out, o);
  ASSERT_EQ(gaps.features.size(), 1u);
  EXPECT_NEAR(std::get<double>(gaps.features[0].values[0]), 1.399999916, 0.01);
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();  // no temporary left
  }
}

TEST(CheckConflictsCli, OutOnAnInputIsRefusedAndTheInputsStayByteIdentical) {
  const std::string dir = test::work_dir("check_conflicts_out_input");
  const std::string input = dir + "/conflicts.gpkg";
  std::filesystem::copy_file(kConflicts, input);
  const auto before = test::snapshot_files(dir, "conflicts");
  auto r = run_cli({"check", "no-overlap", input, "--layer", "redline", "--with", input, "--with-layer", "farmland",
                    "--out", input});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(test::errors_only(r.err), input)) << r.err;
  EXPECT_EQ(test::snapshot_files(dir, "conflicts"), before);

  // A folder, a FIFO: refused too, before any work.
  r = run_cli({"check", "no-overlap", input, "--layer", "redline", "--out", dir});
  EXPECT_EQ(r.exit_code, 2);
  const std::string fifo = dir + "/pipe.gpkg";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  r = run_cli({"check", "no-overlap", input, "--layer", "redline", "--out", fifo});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(test::snapshot_files(dir, "conflicts"), before);
}

TEST(CheckConflictsCli, OutWithoutAConflictCheckIsRefused) {
  const std::string out = test::work_dir("check_conflicts_out_none") + "/x.gpkg";
  auto r = run_cli({"check", "not-reduced", kConflicts, "--layer", "redline", "--baseline", "1ha", "--out", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--out writes the pieces of no-overlap, max-inside and no-gaps checks")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace redline
