// summarize_areas / summarize_lengths of a path, streamed batch by batch, against the same
// summaries of the layer read whole: the same figures to the bit, the same read report, the same
// errors; rows per feature only when kept. And `redline area --features` lists every feature in
// FID order.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"
#include "redline/measure/length_summary.h"
#include "support/test_support.h"

namespace redline {
namespace {

const std::string kSample = "samples/huichang/huichang.gpkg";

void expect_same_groups(const std::vector<GroupArea>& a, const std::vector<GroupArea>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key);
    EXPECT_EQ(a[i].null_key, b[i].null_key);
    EXPECT_EQ(a[i].features, b[i].features);
    EXPECT_EQ(a[i].m2, b[i].m2);
  }
}

TEST(SummaryStream, AreasOfAPathAreThoseOfTheLayerReadWhole) {
  ReadOptions read;
  read.layer = "parcels";
  const Layer layer = read_layer(test::source_path(kSample), read);
  for (unsigned threads : {1u, 2u, 4u}) {
    AreaOptions options;
    options.group_field = "DLBM";
    options.id_field = "BSM";
    options.threads = threads;
    read.threads = threads;
    const AreaSummary whole = summarize_areas(layer, options);
    const AreaSummary streamed = summarize_areas(test::source_path(kSample), read, options);
    EXPECT_EQ(streamed.total_m2, whole.total_m2);  // summed in the same order: to the bit
    EXPECT_EQ(streamed.repair_delta_m2, whole.repair_delta_m2);
    EXPECT_EQ(streamed.feature_count, layer.features.size());
    EXPECT_EQ(whole.feature_count, layer.features.size());
    expect_same_groups(streamed.groups, whole.groups);
    ASSERT_EQ(streamed.features.size(), whole.features.size());
    for (std::size_t i = 0; i < whole.features.size(); ++i) {
      EXPECT_EQ(streamed.features[i].fid, whole.features[i].fid);
      EXPECT_EQ(streamed.features[i].id, whole.features[i].id);
      EXPECT_EQ(streamed.features[i].m2, whole.features[i].m2);
    }
    EXPECT_EQ(streamed.origin.read.features, whole.origin.read.features);
    EXPECT_EQ(streamed.origin.read.notes, whole.origin.read.notes);

    options.keep_features = false;
    const AreaSummary lean = summarize_areas(test::source_path(kSample), read, options);
    EXPECT_TRUE(lean.features.empty());
    EXPECT_EQ(lean.feature_count, layer.features.size());
    EXPECT_EQ(lean.total_m2, whole.total_m2);
    expect_same_groups(lean.groups, whole.groups);
  }
}

TEST(SummaryStream, LengthsOfAPathAreThoseOfTheLayerReadWhole) {
  ReadOptions read;
  read.layer = "shoreline_line";
  read.geometry = LayerGeometry::Lines;
  const Layer layer = read_layer(test::source_path(kSample), read);
  LengthOptions options;
  options.group_field = "GNFQ";
  options.threads = 2;
  const LengthSummary whole = summarize_lengths(layer, options);
  options.keep_features = false;
  const LengthSummary streamed = summarize_lengths(test::source_path(kSample), read, options);
  EXPECT_EQ(streamed.total_m, whole.total_m);
  EXPECT_EQ(streamed.feature_count, whole.features.size());
  EXPECT_TRUE(streamed.features.empty());
  ASSERT_EQ(streamed.groups.size(), whole.groups.size());
  for (std::size_t i = 0; i < whole.groups.size(); ++i) {
    EXPECT_EQ(streamed.groups[i].key, whole.groups[i].key);
    EXPECT_EQ(streamed.groups[i].m, whole.groups[i].m);
    EXPECT_EQ(streamed.groups[i].features, whole.groups[i].features);
  }
}

TEST(SummaryStream, ErrorsAreThoseOfReadingAndOfTheSummary) {
  ReadOptions read;
  read.layer = "parcels";
  AreaOptions options;
  options.group_field = "NO_SUCH_FIELD";
  EXPECT_THROW(summarize_areas(test::source_path(kSample), read, options), UsageError);
  // Two faults: the CRS the coordinates contradict (reading's) comes before the planar method
  // the geographic CRS refuses (the summary's), as read_layer and then summarize_areas say.
  read.assume_crs = "EPSG:4490";
  const InputError crs = test::read_error<InputError>(test::source_path(kSample), read);
  AreaOptions planar;
  planar.method = AreaMethod::Planar;
  try {
    summarize_areas(test::source_path(kSample), read, planar);
    ADD_FAILURE() << "metres were measured as degrees";
  } catch (const InputError& s) {
    EXPECT_EQ(std::string(s.what()), std::string(crs.what()));
  }
  read.assume_crs.clear();
  // A line layer is refused for areas, as read_layer refuses it.
  read.layer = "shoreline_line";
  const InputError e = test::read_error<InputError>(test::source_path(kSample), read);
  try {
    summarize_areas(test::source_path(kSample), read, AreaOptions{});
    ADD_FAILURE() << "a line layer was measured by area";
  } catch (const InputError& s) {
    EXPECT_EQ(std::string(s.what()), std::string(e.what()));
  }
}

TEST(SummaryStream, AreaFeaturesListsEveryFeatureInFidOrder) {
  const test::CliResult r = test::run_cli(
      {"area", test::source_path(kSample), "--layer", "parcels", "--features", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  const auto& listing = j["feature_areas"];
  // ogrinfo -ro -so samples/huichang/huichang.gpkg parcels: Feature Count: 3428
  ASSERT_EQ(listing.size(), 3428u);
  EXPECT_EQ(j["features"], 3428);
  for (std::size_t i = 1; i < listing.size(); ++i) {
    ASSERT_LT(listing[i - 1]["fid"].get<long long>(), listing[i]["fid"].get<long long>()) << i;
  }
  // Without --features: the same count, no listing.
  const test::CliResult lean =
      test::run_cli({"area", test::source_path(kSample), "--layer", "parcels", "--format", "json"});
  ASSERT_EQ(lean.exit_code, 0) << lean.err;
  const nlohmann::json l = nlohmann::json::parse(lean.out);
  EXPECT_EQ(l["features"], 3428);
  EXPECT_FALSE(l.contains("feature_areas"));
  EXPECT_EQ(l["total"], j["total"]);
}

}  // namespace
}  // namespace redline
