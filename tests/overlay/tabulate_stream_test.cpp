// TabulateStream: the classes fed batch by batch give tabulate()'s figures to the bit, for any
// batch size and thread count, and whether or not the features its prefilter rejects are fed.
// The reference is tabulate() on the whole layer (whose figures tabulate_test.cpp checks
// against tests/oracles/overlay_small_oracle.py); the streamed run must equal it exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

Layer read_sample(const std::string& name) {
  ReadOptions o;
  o.layer = name;
  return read_layer(test::source_path("samples/huichang/huichang.gpkg"), o);
}

// Feeds `classes` to a TabulateStream in batches of `batch` features; with `prefilter`, leaves
// out the features may_touch_zones() rejects, as a reader would.
TabulateResult streamed(const Layer& zones, const Layer& classes, const TabulateOptions& options, std::size_t batch,
                        bool prefilter = false, std::size_t* rejected = nullptr) {
  TabulateStream t(zones, classes, options);
  const Layer copy = classes.clone();
  std::vector<Feature> next;
  for (const Feature& f : copy.features) {
    if (prefilter && !f.geometry.is_empty() && !t.may_touch_zones(f.geometry.envelope())) {
      if (rejected) ++*rejected;
      continue;
    }
    next.push_back(Feature{f.fid, f.geometry.clone(), f.values, f.original.clone()});
    if (next.size() == batch) t.add(std::move(next)), next.clear();
  }
  if (!next.empty()) t.add(std::move(next));
  return t.finish(classes.report);
}

TabulateOptions by(const std::string& zone_field, const std::string& class_field) {
  TabulateOptions options;
  options.zone_field = zone_field;
  options.class_field = class_field;
  return options;
}

// Every figure of the cells and the zones, as rows that compare exactly.
using CellRow = std::tuple<std::string, std::string, bool, bool, double, double>;
using ZoneRow = std::tuple<std::string, bool, std::size_t, double, double>;

std::pair<std::vector<CellRow>, std::vector<ZoneRow>> rows_of(const TabulateResult& r) {
  std::pair<std::vector<CellRow>, std::vector<ZoneRow>> rows;
  for (const TabulateCell& c : r.cells) {
    rows.first.emplace_back(c.zone, c.class_key, c.zone_null, c.class_null, c.area_m2, c.percent);
  }
  for (const TabulateZone& z : r.zones) rows.second.emplace_back(z.zone, z.null_key, z.features, z.area_m2, z.classified_m2);
  return rows;
}

// Every figure, compared exactly: the sums must be made in the same order.
void expect_identical(const TabulateResult& a, const TabulateResult& b) {
  EXPECT_EQ(rows_of(a), rows_of(b));
  EXPECT_EQ(a.overlapping_class_features, b.overlapping_class_features);
  EXPECT_EQ(a.overlapping_zone_features, b.overlapping_zone_features);
  EXPECT_EQ(a.zones_repair_delta_m2, b.zones_repair_delta_m2);
  EXPECT_EQ(a.classes_repair_delta_m2, b.classes_repair_delta_m2);
  EXPECT_EQ(a.classes_origin.read.features, b.classes_origin.read.features);
}

TEST(TabulateStream, EqualsTheWholeLayerForAnyBatchSizeAndThreadCount) {
  const Layer zones = read_sample("redline");
  const Layer parcels = read_sample("parcels");
  TabulateOptions options = by("HXLX", "DLBM");
  options.engine.threads = 1;
  const TabulateResult whole = tabulate(zones, parcels, options);
  ASSERT_GT(whole.cells.size(), 10u);  // a real mix of zones and classes
  for (unsigned threads : {1u, 2u, 4u}) {
    options.engine.threads = threads;
    for (std::size_t batch : {97u, 1000u, 100000u}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", batch " + std::to_string(batch));
      expect_identical(streamed(zones, parcels, options, batch), whole);
      expect_identical(streamed(zones, parcels, options, batch, true), whole);
    }
  }
}

TEST(TabulateStream, SameClassOverlapAcrossBatchesCountsOnce) {
  // p1 and p3 (both "01") overlap inside zone A; in batches of one they arrive apart.
  const Layer zones = read_cases("zones");
  const Layer classes = read_cases("classes");
  TabulateOptions options = by("ZONE", "CLASS");
  const TabulateResult whole = tabulate(zones, classes, options);
  ASSERT_EQ(whole.overlapping_class_features, 2u);
  for (unsigned threads : {1u, 2u, 4u}) {
    options.engine.threads = threads;
    expect_identical(streamed(zones, classes, options, 1), whole);
    expect_identical(streamed(zones, classes, options, 2, true), whole);
  }
}

TEST(TabulateStream, SameClassOverlapInALargeCutZoneIsFoundInAnyBatch) {
  // One zone, the 4096-vertex square [0, 100]² (test::dense_square): cut into pieces, whose
  // segments and prepared geometries the stream's workers keep from batch to batch. Classes
  // (planar areas by hand, m²): "01" a and b overlap (their union 150) and h lies apart (100);
  // "02" c (100) and e, half inside across the zone's edge (200); "03" d overlaps c, of another
  // class (100, not an overlap of its class); "04" g in the zone's corner along its edges
  // (100); "01" f outside. Only a and b overlap within their class.
  std::vector<std::pair<std::string, Geometry>> zone, classes;
  zone.emplace_back("Z", test::dense_square());
  const std::pair<const char*, std::array<double, 4>> boxes[] = {
      {"01", {10, 10, 20, 20}}, {"01", {15, 10, 25, 20}}, {"02", {40, 40, 50, 50}}, {"03", {45, 40, 55, 50}},
      {"02", {90, 40, 110, 60}}, {"01", {200, 0, 210, 10}}, {"04", {0, 0, 10, 10}}, {"01", {60, 60, 70, 70}}};
  for (const auto& [cls, b] : boxes) classes.emplace_back(cls, test::box(b[0], b[1], b[2], b[3]));
  const Layer zones = test::layer_of("zones", std::move(zone));
  const Layer parcels = test::layer_of("classes", std::move(classes));
  TabulateOptions options;
  options.class_field = "NAME";
  options.engine.method = AreaMethod::Planar;
  const std::map<std::string, double> expected = {{"01", 250}, {"02", 300}, {"03", 100}, {"04", 100}};
  auto check = [&](const TabulateResult& r) {
    EXPECT_EQ(r.overlapping_class_features, 2u);
    std::map<std::string, double> got;
    for (const TabulateCell& c : r.cells) got[c.class_key] = c.area_m2;
    ASSERT_EQ(got.size(), expected.size());
    for (const auto& [cls, area] : expected) EXPECT_NEAR(got[cls], area, 1e-6) << cls;
    ASSERT_EQ(r.zones.size(), 1u);
    EXPECT_NEAR(r.zones[0].area_m2, 10000, 1e-6);
  };
  const TabulateResult whole = tabulate(zones, parcels, options);
  check(whole);
  for (unsigned threads : {1u, 2u}) {
    options.engine.threads = threads;
    for (std::size_t batch : {1u, 3u, 100u}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", batch " + std::to_string(batch));
      const TabulateResult r = streamed(zones, parcels, options, batch, true);
      check(r);
      expect_identical(r, whole);
    }
  }
}

TEST(TabulateStream, PrefilterRejectsOnlyFeaturesAwayFromEveryZone) {
  // Zones: [0,100]² and [300,400]×[0,100]. Classes: one inside, one touching a zone's corner
  // (its box meets the zone's: kept for the exact test), one between the zones' boxes, one far.
  std::vector<std::pair<std::string, Geometry>> zone_boxes, class_boxes;
  zone_boxes.emplace_back("a", test::box(0, 0, 100, 100));
  zone_boxes.emplace_back("b", test::box(300, 0, 400, 100));
  class_boxes.emplace_back("in", test::box(10, 10, 20, 20));
  class_boxes.emplace_back("corner", test::box(100, 100, 110, 110));
  class_boxes.emplace_back("between", test::box(150, 10, 250, 90));
  class_boxes.emplace_back("far", test::box(5000, 5000, 5010, 5010));
  const Layer zones = test::layer_of("zones", std::move(zone_boxes));
  const Layer classes = test::layer_of("classes", std::move(class_boxes));
  TabulateOptions options;
  options.class_field = "NAME";
  TabulateStream t(zones, classes, options);
  std::vector<bool> kept;
  for (const Feature& f : classes.features) kept.push_back(t.may_touch_zones(f.geometry.envelope()));
  EXPECT_EQ(kept, (std::vector<bool>{true, true, false, false}));
  std::size_t rejected = 0;
  const TabulateResult r = streamed(zones, classes, options, 2, true, &rejected);
  EXPECT_EQ(rejected, 2u);
  ASSERT_EQ(r.cells.size(), 1u);  // the corner touches: no area
  EXPECT_EQ(r.cells[0].class_key, "in");
  // 10 m × 10 m on the zone's central meridian, where the projection's scale is 1.
  EXPECT_NEAR(r.cells[0].area_m2, 100.0, 1e-3);
  expect_identical(r, tabulate(zones, classes, options));
}

TEST(TabulateStream, ClassesInAnotherCrsAreNeverRejected) {
  // cover_4490 is in EPSG:4490, the working CRS is the zones' EPSG:4527: boxes in degrees are
  // not compared with boxes in metres, every feature is read (and the figures still agree).
  const Layer zones = read_cases("zones");
  const Layer classes = read_cases("cover_4490");
  TabulateOptions options;
  options.class_field = "NAME";
  TabulateStream t(zones, classes, options);
  EXPECT_TRUE(t.may_touch_zones(Envelope{0, 0, 1e-9, 1e-9, false}));
  expect_identical(streamed(zones, classes, options, 3, true), tabulate(zones, classes, options));
}

// An analyst watching a long run sees each stage's count only grow: the streamed batches do not
// restart an "overlaying" count each (the stream's "reading" count runs over the whole layer).
TEST(TabulateStream, ProgressOfEachStageNeverGoesBack) {
  const Layer zones = read_sample("redline");
  TabulateOptions options = by("HXLX", "DLBM");
  std::vector<std::pair<std::string, std::size_t>> seen;
  std::mutex guard;
  const ProgressFn record = [&](std::string_view stage, std::size_t done, std::size_t) {
    std::lock_guard<std::mutex> lock(guard);
    seen.emplace_back(std::string(stage), done);
  };
  options.engine.progress = record;
  options.engine.threads = 2;
  ReadOptions read;
  read.layer = "parcels";
  read.threads = 2;
  read.progress = record;
  const TabulateResult r =
      tabulate(zones, test::source_path("samples/huichang/huichang.gpkg"), read, options, /*batch_size=*/200);
  ASSERT_FALSE(r.cells.empty());
  std::map<std::string, std::size_t> last;
  std::size_t reading = 0;
  for (const auto& [stage, done] : seen) {
    if (stage == "reading") reading = std::max(reading, done);
    auto [it, fresh] = last.emplace(stage, done);
    if (!fresh) {
      EXPECT_GE(done, it->second) << stage;
      it->second = done;
    }
  }
  EXPECT_EQ(reading, 3428u);  // the sample's parcels, every one counted as read
}

}  // namespace
}  // namespace redline
