// `redline qa` as users run it: formats, --strict exit codes, --out read back, hostile input.
// Figures: /usr/bin/python3 tests/oracles/qa_make_data.py tests/data/checks/qa (see
// tests/checks/delivery_qa_test.cpp for what it prints).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;
using test::run_cli;

std::string fixture() { return test::data_path("checks/qa/delivery.gpkg"); }

std::vector<std::string> qa_args(std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"qa", fixture(), "--layer", "parcels", "--within", fixture(),
                                   "--within-layer", "boundary", "--key", "BSM", "--area-field", "MJ"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Runs the CLI and checks that the fixture is byte-identical afterwards.
test::CliResult run_qa(const std::vector<std::string>& args) {
  const std::string before = test::read_file(fixture());
  EXPECT_FALSE(before.empty());
  test::CliResult r = run_cli(args);
  EXPECT_EQ(test::read_file(fixture()), before) << "the input was modified";
  return r;
}

std::size_t error_lines(const std::string& err) {
  const std::string errors = test::errors_only(err);
  return static_cast<std::size_t>(std::count(errors.begin(), errors.end(), '\n'));
}

TEST(QaCli, TableListsEachKindAndExitsZeroWithoutStrict) {
  const auto r = run_qa(qa_args());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* words : {"delivery QA", "invalid", "overlaps", "gaps", "BSM QA02 and BSM QA03 overlap", "slivers", "spikes", "duplicate-keys", "empty-keys",
                            "area-field", "Self-intersection", "0.7639°", "QA06 (FID 5, 6)", "+5.00 %",
                            "closest to the ellipsoidal area; features by closest area: ellipsoidal "}) {
    EXPECT_TRUE(contains(r.out, words)) << words << "\n" << r.out;
  }
  // Eight stored values are pyproj's Karney area in double; on the axis-aligned squares the
  // survey area is within that figure's rounding of the geodesic one (see
  // tests/checks/delivery_qa_test.cpp), so the split between the two is not asserted.
  EXPECT_TRUE(contains(r.out, ", planar 2")) << r.out;
}

TEST(QaCli, JsonHasFindingsCountsAndTheReadBlock) {
  const auto r = run_qa(qa_args({"--format", "json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["layer"], "parcels");
  EXPECT_EQ(j["within"]["layer"], "boundary");
  EXPECT_EQ(j["counts"]["invalid"], 1);
  EXPECT_EQ(j["counts"]["overlaps"], 1);
  EXPECT_EQ(j["counts"]["gaps"], 1);
  EXPECT_NEAR(j["totals"]["overlaps"].get<double>(), 999.6457647756, 0.01);  // qa_make_data.py
  EXPECT_NEAR(j["totals"]["gaps"].get<double>(), 9996.4608913297, 0.01);
  EXPECT_EQ(j["counts"]["slivers"], 1);
  EXPECT_EQ(j["counts"]["spikes"], 1);
  EXPECT_EQ(j["counts"]["duplicate-keys"], 1);
  EXPECT_EQ(j["counts"]["empty-keys"], 2);
  EXPECT_EQ(j["counts"]["area-field"], 1);
  EXPECT_EQ(j["settings"]["unit"], "m2");
  EXPECT_EQ(j["area_field"]["matches"]["planar"], 2);
  // Ellipsoidal and survey together (see TableListsEachKindAndExitsZeroWithoutStrict).
  EXPECT_EQ(j["area_field"]["matches"]["ellipsoidal"].get<int>() + j["area_field"]["matches"]["survey"].get<int>(), 8);
  bool saw_sliver = false;
  for (const auto& f : j["findings"]) {
    for (const char* k : {"kind", "features", "fids", "x", "y", "detail"}) EXPECT_TRUE(f.contains(k)) << k;
    if (f["kind"] == "overlaps") {
      EXPECT_EQ(f["features"], nlohmann::json::array({"QA02", "QA03"}));
      EXPECT_EQ(f["fids"], nlohmann::json::array({2, 3}));
      EXPECT_NEAR(f["area"].get<double>(), 999.6457647756, 999.6457647756 * 1e-6);
    }
    if (f["kind"] == "gaps") {
      EXPECT_EQ(f["features"], nlohmann::json::array());
    }
    if (f["kind"] == "slivers") {
      saw_sliver = true;
      EXPECT_EQ(f["features"], nlohmann::json::array({"QA08"}));
      EXPECT_EQ(f["fids"], nlohmann::json::array({9}));
      EXPECT_NEAR(f["area"].get<double>(), 19.9928987735, 19.9928987735 * 1e-6);  // qa_make_data.py
    }
  }
  EXPECT_TRUE(saw_sliver);
  EXPECT_EQ(j["read"]["invalid"], 1);
  EXPECT_EQ(j["read"]["repaired"], 1);
  EXPECT_TRUE(j.contains("within_read"));
  // Without --key, features are named by FID.
  const auto by_fid = run_qa({"qa", fixture(), "--layer", "parcels", "--format", "json"});
  ASSERT_EQ(by_fid.exit_code, 0) << by_fid.err;
  const auto k = nlohmann::json::parse(by_fid.out);
  EXPECT_FALSE(k["counts"].contains("duplicate-keys"));
  EXPECT_EQ(k["findings"][0]["features"], nlohmann::json::array({8}));
}

TEST(QaCli, CsvHasOneRowPerFindingAndMarkdownATable) {
  const auto csv = run_qa(qa_args({"--format", "csv"}));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 1 + 9) << csv.out;  // header + 9 findings
  EXPECT_EQ(csv.out.rfind("kind,", 0), 0u) << csv.out;
  const auto md = run_qa(qa_args({"--format", "md"}));
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_TRUE(contains(md.out, "| kind")) << md.out;
  EXPECT_TRUE(contains(md.out, "| slivers")) << md.out;
}

TEST(QaCli, StrictKindsWithFindingsExitOne) {
  EXPECT_EQ(run_qa(qa_args({"--strict", "spikes"})).exit_code, 1);
  EXPECT_EQ(run_qa(qa_args({"--strict", "all"})).exit_code, 1);
  // The 0.2 m strip is no sliver at 0.1 m: strict slivers then passes.
  const auto r = run_qa(qa_args({"--strict", "slivers", "--sliver-width", "0.1"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A kind that was not checked (no key field) does not fail.
  EXPECT_EQ(run_qa({"qa", fixture(), "--layer", "parcels", "--strict", "duplicate-keys"}).exit_code, 0);
}

// The sample's parcels cover the county without gaps or overlaps: strict on both passes.
TEST(QaCli, TheSampleParcelsPassStrictOverlapsAndGaps) {
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  const auto r = run_cli({"qa", sample, "--layer", "parcels", "--within", sample, "--within-layer", "county",
                          "--key", "BSM", "--strict", "overlaps,gaps,duplicate-keys,empty-keys", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["counts"]["overlaps"], 0);
  EXPECT_EQ(j["counts"]["gaps"], 0);
}

TEST(QaCli, OutWritesOneLayerPerCheckedKind) {
  const std::string out = test::work_dir("qa_cli_out") + "/qa.gpkg";
  const auto r = run_qa(qa_args({"--out", out}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> layers = list_layers(out);
  std::sort(layers.begin(), layers.end());
  EXPECT_EQ(layers, (std::vector<std::string>{"area_field", "duplicate_keys", "empty_keys", "gaps", "invalid",
                                              "overlaps", "slivers", "spikes"}));
  ReadOptions g;
  g.layer = "gaps";
  const Layer gaps = read_layer(out, g);
  ASSERT_EQ(gaps.features.size(), 1u);
  EXPECT_NEAR(gaps.features[0].geometry.planar_area(), 10000.0, 1e-3);  // 200..300 x 100..200
  EXPECT_NEAR(std::get<double>(gaps.features[0].values[gaps.field_index("area_m2")]), 9996.4608913297, 0.01);
  ReadOptions o;
  o.layer = "slivers";
  const Layer slivers = read_layer(out, o);
  ASSERT_EQ(slivers.features.size(), 1u);
  EXPECT_EQ(to_string(slivers.features[0].values[slivers.field_index("features")]), "QA08");
  EXPECT_NEAR(slivers.features[0].geometry.planar_area(), 20.0, 1e-3);  // the 100 m x 0.2 m strip
  o.layer = "spikes";
  const Layer spikes = read_layer(out, o);
  ASSERT_EQ(spikes.features.size(), 1u);
  EXPECT_NEAR(spikes.features[0].geometry.planar_area(), 6.0, 1e-3);  // 0.4 m x 30 m / 2
  o.layer = "empty_keys";
  EXPECT_EQ(read_layer(out, o).features.size(), 2u);
}

TEST(QaCli, OutThatIsTheInputIsRefusedAndTheInputKept) {
  const auto r = run_qa(qa_args({"--out", fixture()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(error_lines(r.err), 1u) << r.err;
  EXPECT_TRUE(contains(r.err, "redline: error: ")) << r.err;
}

TEST(QaCli, NonsenseOptionsAreOneLineUsageErrors) {
  const std::vector<std::vector<std::string>> cases = {
      {"--strict", "overlaps,holes"}, {"--sliver-width", "-1"},   {"--spike-angle", "nan"},
      {"--area-tolerance", "-0.1"},   {"--noise-width", "inf"},   {"--area-unit", "acres"},
      {"--strict", ""},
      {"--key", ""},
      {"--area-field", ""},
      {"--out", "/dev/null"},
      {"--out", "/tmp"},
  };
  for (const auto& extra : cases) {
    const auto r = run_qa(qa_args(extra));
    EXPECT_EQ(r.exit_code, 2) << extra[0] << " " << extra[1] << "\n" << r.err;
    EXPECT_EQ(error_lines(r.err), 1u) << r.err;
  }
  const auto holes = run_qa(qa_args({"--strict", "overlaps,holes"}));
  EXPECT_TRUE(contains(holes.err, "unknown QA finding kind 'holes'")) << holes.err;
  const auto width = run_qa(qa_args({"--sliver-width", "-1"}));
  EXPECT_TRUE(contains(width.err, "sliver width")) << width.err;
}

TEST(QaCli, ALineLayerIsRefusedInPlainWords) {
  const auto r = run_qa({"qa", fixture(), "--layer", "roads"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(error_lines(r.err), 1u) << r.err;
  EXPECT_TRUE(contains(r.err, "layer roads")) << r.err;
  EXPECT_TRUE(contains(r.err, "polygon")) << r.err;
}

TEST(QaCli, SameOutputWithOneAndFourThreads) {
  const auto one = run_qa(qa_args({"--format", "json", "--threads", "1"}));
  const auto four = run_qa(qa_args({"--format", "json", "--threads", "4"}));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, four.out);
}

}  // namespace
}  // namespace redline
