// `redline tabulate` streams the classes through an index of the zones: the figures are the
// whole-layer tabulate()'s, the features left out are counted and said, a bad feature inside a
// zone is refused or repaired as before, and --map (which draws the classes whole) reads them
// whole. Data: tests/data/overlay/tabulate_stream.gpkg, made by
// tests/oracles/tabulate_stream_make_data.py, which prints the oracle figures (pyproj Geod).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::run_cli;

std::string data() { return test::data_path("overlay/tabulate_stream.gpkg"); }
std::string sample() { return test::source_path("samples/huichang/huichang.gpkg"); }

std::vector<std::string> stream_args(const std::string& format) {
  return {"tabulate", data(), data(), "--layer", "zones", "--zone-field", "ZONE", "--classes-layer", "classes",
          "--class-field", "CLASS", "--unit", "m2", "--format", format};
}

Layer read_named(const std::string& path, const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(path, o);
}

// The CLI's JSON rows against tabulate() on the layers read whole, in m².
void expect_rows_equal(const nlohmann::json& rows, const TabulateResult& whole) {
  ASSERT_EQ(rows.size(), whole.cells.size());
  for (std::size_t i = 0; i < whole.cells.size(); ++i) {
    EXPECT_EQ(rows[i]["zone"], whole.cells[i].zone);
    EXPECT_EQ(rows[i]["class"], whole.cells[i].class_key);
    EXPECT_DOUBLE_EQ(rows[i]["area"].get<double>(), whole.cells[i].area_m2) << whole.cells[i].class_key;
  }
}

TEST(TabulateStreamCli, EqualsTheWholeLayerForAnyThreadCount) {
  TabulateOptions options;
  options.zone_field = "HXLX";
  options.class_field = "DLBM";
  const TabulateResult whole = tabulate(read_named(sample(), "redline"), read_named(sample(), "parcels"), options);
  std::string first;
  for (const char* threads : {"1", "2", "4"}) {
    auto r = run_cli({"tabulate", sample(), sample(), "--layer", "redline", "--zone-field", "HXLX", "--classes-layer",
                      "parcels", "--class-field", "DLBM", "--unit", "m2", "--format", "json", "--threads", threads});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (first.empty()) first = r.out;
    EXPECT_EQ(r.out, first) << "threads " << threads;
    const auto j = nlohmann::json::parse(r.out);
    expect_rows_equal(j["rows"], whole);
    EXPECT_EQ(j["read"]["classes"]["features"], 3428);
  }
}

TEST(TabulateStreamCli, ZonesLargerThanClassesStillWork) {
  // The parcels as zones (3428 features, held whole), the red line as classes (58, streamed).
  TabulateOptions options;
  options.zone_field = "DLBM";
  options.class_field = "HXLX";
  const TabulateResult whole = tabulate(read_named(sample(), "parcels"), read_named(sample(), "redline"), options);
  ASSERT_GT(whole.cells.size(), 5u);
  auto r = run_cli({"tabulate", sample(), sample(), "--layer", "parcels", "--zone-field", "DLBM", "--classes-layer",
                    "redline", "--class-field", "HXLX", "--unit", "m2", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  expect_rows_equal(j["rows"], whole);
  EXPECT_EQ(j["read"]["zones"]["features"], 3428);
  EXPECT_EQ(j["read"]["classes"]["features"], 58);
}

TEST(TabulateStreamCli, FeaturesAwayFromTheZonesAreCountedAndSaid) {
  const auto before = test::snapshot_files(std::filesystem::path(data()).parent_path().string(), "tabulate_stream");
  auto r = run_cli(stream_args("json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // Oracle: tests/oracles/tabulate_stream_make_data.py (pyproj Geod on the zones ∩ classes).
  ASSERT_EQ(j["rows"].size(), 4u);
  EXPECT_NEAR(j["rows"][0]["area"].get<double>(), 5000.000000, 1e-3);  // A/01
  EXPECT_NEAR(j["rows"][1]["area"].get<double>(), 900.000000, 1e-3);   // A/02
  EXPECT_NEAR(j["rows"][2]["area"].get<double>(), 2499.999999, 1e-3);  // B/01
  EXPECT_NEAR(j["rows"][3]["area"].get<double>(), 1799.999982, 1e-3);  // B/03, the repaired bow tie
  const auto& read = j["read"]["classes"];
  EXPECT_EQ(read["features"], 8);
  EXPECT_EQ(read["filtered_out"], 4);  // far1, far2, far3 and the far bow tie
  EXPECT_EQ(read["invalid"], 1);       // the bow tie inside zone B; the far one was not validated
  EXPECT_EQ(read["repaired"], 1);
  ASSERT_EQ(read["issues"].size(), 1u);
  EXPECT_EQ(read["issues"][0]["fid"], 3);
  const std::string said =
      "4 of 8 features lie away from every zone (their bounding boxes meet none): counted, but not validated, "
      "repaired or overlaid";
  bool found = false;
  for (const auto& n : read["notes"]) found = found || test::contains(n.get<std::string>(), said);
  EXPECT_TRUE(found) << read["notes"].dump();
  for (const char* format : {"table", "md"}) {
    auto t = run_cli(stream_args(format));
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_TRUE(test::contains(t.out, "classes: " + said)) << format << "\n" << t.out;
    EXPECT_FALSE(test::contains(t.out, "feature 8")) << format;
  }
  EXPECT_EQ(test::snapshot_files(std::filesystem::path(data()).parent_path().string(), "tabulate_stream"), before);
}

TEST(TabulateStreamCli, AnInvalidFeatureInsideAZoneIsStillRefused) {
  const auto before = test::snapshot_files(std::filesystem::path(data()).parent_path().string(), "tabulate_stream");
  std::vector<std::string> args = stream_args("json");
  args.insert(args.end(), {"--classes-invalid", "fail"});
  auto r = run_cli(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(test::errors_only(r.err),
            "redline: error: " + data() +
                ": layer classes: feature 3: invalid polygon: Self-intersection at (39500150.000, 2800050.000); use "
                "--classes-invalid repair or skip to go on\n");
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(test::snapshot_files(std::filesystem::path(data()).parent_path().string(), "tabulate_stream"), before);
}

TEST(TabulateStreamCli, WithAMapTheClassesAreReadWhole) {
  // The map draws the classes whole, also outside the zones: they are all read, and the far
  // bow tie is validated and repaired as before.
  const std::string map = test::work_dir("tabulate_stream_cli") + "/map.svg";
  std::vector<std::string> args = stream_args("json");
  args.insert(args.end(), {"--map", map});
  auto r = run_cli(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(map));
  const auto j = nlohmann::json::parse(r.out);
  const auto& read = j["read"]["classes"];
  EXPECT_EQ(read["features"], 8);
  EXPECT_FALSE(read.contains("filtered_out"));
  EXPECT_EQ(read["invalid"], 2);
  EXPECT_EQ(read["repaired"], 2);
  EXPECT_NEAR(j["rows"][3]["area"].get<double>(), 1799.999982, 1e-3);
}

}  // namespace
}  // namespace redline
