// tabulate() on tests/data/overlay/cases.gpkg (zones A, B; classes p1 "01", p2 "02", p3 "01").
// Expected figures: tests/oracles/overlay_small_oracle.py, area of zone ∩ union(class), in m².
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

TabulateResult run(TabulateOptions options = {}) {
  options.zone_field = "ZONE";
  options.class_field = "CLASS";
  return tabulate(read_cases("zones"), read_cases("classes"), options);
}

std::map<std::string, TabulateCell> cells(const TabulateResult& r) {
  std::map<std::string, TabulateCell> m;
  for (const TabulateCell& c : r.cells) m[c.zone + "/" + c.class_key] = c;
  return m;
}

constexpr double kTol = 1e-3;

TEST(Tabulate, SameClassOverlapCountsOnce) {
  TabulateResult r = run();
  auto c = cells(r);
  ASSERT_EQ(c.size(), 4u);
  // p1 (0..150 x 0..50) and p3 (50..120 x 0..100) are both "01": zone A holds 100x50 + 50x50.
  EXPECT_NEAR(c["A/01"].area_m2, 7499.999999, kTol);
  EXPECT_NEAR(c["A/01"].percent, 75.0, 1e-6);
  EXPECT_NEAR(c["B/01"].area_m2, 3499.999998, kTol);
  EXPECT_NEAR(c["A/02"].area_m2, 4999.999999, kTol);
  EXPECT_NEAR(c["B/02"].area_m2, 2499.999999, kTol);
  EXPECT_EQ(r.overlapping_class_features, 2u);
}

TEST(Tabulate, ClassesOfDifferentKindsThatOverlapShowAbove100Percent) {
  TabulateResult r = run();
  ASSERT_EQ(r.zones.size(), 2u);
  EXPECT_EQ(r.zones[0].zone, "A");
  EXPECT_NEAR(r.zones[0].area_m2, 9999.999999, kTol);
  EXPECT_NEAR(r.zones[0].percent_classified(), 125.0, 1e-6);  // p3 "01" lies over p2 "02"
  EXPECT_NEAR(r.zones[1].percent_classified(), 60.0, 1e-6);
}

TEST(Tabulate, WithoutZoneFieldTheLayerIsOneZone) {
  TabulateOptions options;
  options.class_field = "CLASS";
  TabulateResult r = tabulate(read_cases("zones"), read_cases("classes"), options);
  ASSERT_EQ(r.zones.size(), 1u);
  EXPECT_EQ(r.zones[0].features, 2u);
  auto c = cells(r);
  EXPECT_NEAR(c["/01"].area_m2, 7499.999999 + 3499.999998, kTol);
}

TEST(Tabulate, ThreadsAndCutsDoNotChangeFigures) {
  TabulateOptions one, two;
  one.engine.threads = 1;
  two.engine.threads = 2;
  two.engine.max_piece_vertices = 8;
  TabulateResult a = run(one), b = run(two);
  ASSERT_EQ(a.cells.size(), b.cells.size());
  for (std::size_t i = 0; i < a.cells.size(); ++i) EXPECT_NEAR(a.cells[i].area_m2, b.cells[i].area_m2, kTol);
  TabulateOptions two_whole;
  two_whole.engine.threads = 2;
  TabulateResult c = run(two_whole);
  for (std::size_t i = 0; i < a.cells.size(); ++i) EXPECT_EQ(a.cells[i].area_m2, c.cells[i].area_m2);
}

TEST(Tabulate, AClassAcrossTheEnginesCutLinesCountsItsWholeArea) {
  // One zone, the 4096-vertex square [0, 100]² (test::dense_square), which the engine cuts into
  // pieces along x = 50 and y = 50. "01" is the box [33.3331, 66.6669]², off the 1 mm grid,
  // deep inside the zone and across both cut lines: its area is its own, 33.3338² =
  // 1111.14222244 m² by hand, not the sum of four overlays rounded to the grid (which moved
  // it by 0.018 m²). "02", [90.25, 110.25] × [40.25, 60.25], crosses the zone's edge:
  // its pieces are overlaid, 9.75 × 20 = 195 m² inside.
  std::vector<std::pair<std::string, Geometry>> zone, classes;
  zone.emplace_back("Z", test::dense_square());
  classes.emplace_back("01", test::box(33.3331, 33.3331, 66.6669, 66.6669));
  classes.emplace_back("02", test::box(90.25, 40.25, 110.25, 60.25));
  const Layer zones = test::layer_of("zones", std::move(zone));
  const Layer parcels = test::layer_of("classes", std::move(classes));
  TabulateOptions options;
  options.class_field = "NAME";
  options.engine.method = AreaMethod::Planar;
  TabulateOptions uncut = options;
  uncut.engine.max_piece_vertices = 100000;
  const TabulateResult reference = tabulate(zones, parcels, uncut);
  for (unsigned threads : {1u, 2u}) {
    options.engine.threads = threads;
    const TabulateResult r = tabulate(zones, parcels, options);
    auto c = cells(r);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_NEAR(c["/01"].area_m2, 1111.14222244, 1e-6);
    EXPECT_NEAR(c["/02"].area_m2, 195.0, 1e-6);
    // Inside the whole zone, the cut changes nothing, to the bit.
    EXPECT_EQ(c["/01"].area_m2, cells(reference)["/01"].area_m2);
  }
}

TEST(Tabulate, MissingClassFieldIsAUsageError) {
  TabulateOptions options;
  EXPECT_THROW(tabulate(read_cases("zones"), read_cases("classes"), options), UsageError);
  options.class_field = "NOPE";
  EXPECT_THROW(tabulate(read_cases("zones"), read_cases("classes"), options), UsageError);
}

}  // namespace
}  // namespace redline
