// The overlay engine on the Huichang sample (samples/huichang/huichang.gpkg, EPSG:4527): the
// figures of issue 4's "Done when", against independent oracles.
//
// Expected figures: tests/oracles/overlay_geopandas.py (GeoPandas/shapely overlays, pyproj.Geod
// areas on GRS80), cross-checked by tests/oracles/overlay_postgis.sh (PostGIS ST_Union,
// ST_Intersection, ST_Area(geography)): the two agree within 2e-7 ha. Tolerance: 0.01 ha per
// figure and 0.01 percentage points, as the issue asks.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "redline/io/layer.h"
#include "redline/measure/units.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/tabulate.h"
#include "support/test_support.h"

namespace redline {
namespace {

constexpr double kHa = 0.01;   // ha
constexpr double kPct = 0.01;  // percentage points

std::string sample() { return test::source_path("samples/huichang/huichang.gpkg"); }

Layer read(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(sample(), o);
}

double ha(double m2) { return from_square_metres(m2, AreaUnit::Hectare); }

#define REQUIRE_SAMPLE() \
  ASSERT_TRUE(std::filesystem::exists(sample())) << "committed sample missing: " << sample()

std::map<std::string, FeatureCoverage> coverage_by_bsm(const std::string& layer) {
  CoverageOptions options;
  options.id_field = "BSM";
  CoverageResult r = compute_coverage(read(layer), read("redline"), options);
  std::map<std::string, FeatureCoverage> m;
  for (FeatureCoverage& f : r.features) m[f.id] = std::move(f);
  return m;
}

TEST(OverlaySample, RedLineShareOfTheCounty) {
  REQUIRE_SAMPLE();
  CoverageResult r = compute_coverage(read("county"), read("redline"));
  EXPECT_NEAR(ha(r.total.area_m2), 271069.443371, kHa);
  EXPECT_NEAR(ha(r.total.inside_m2), 75606.015778, kHa);
  EXPECT_NEAR(r.total.percent(), 27.891752, kPct);
}

TEST(OverlaySample, EachReservesShareInsideTheRedLine) {
  REQUIRE_SAMPLE();
  struct Expected {
    const char* bsm;
    double area_ha, inside_ha, percent;
  };
  const std::vector<Expected> expected = {
      {"360733310001", 2389.778438, 2263.372487, 94.710558},
      {"360733310002", 2328.206134, 2215.066172, 95.140466},
      {"360733310003", 3352.770201, 1413.820338, 42.168722},
      {"360733310004", 3608.276964, 3110.506970, 86.204773},
      {"360733310005", 1830.671404, 1008.011335, 55.062385},
      {"360733310006", 1530.822030, 886.698939, 57.923058},
      {"360733310007", 3080.595106, 2189.984249, 71.089649},
  };
  auto got = coverage_by_bsm("reserves");
  ASSERT_EQ(got.size(), expected.size());
  for (const Expected& e : expected) {
    const FeatureCoverage& f = got.at(e.bsm);
    EXPECT_NEAR(ha(f.area_m2), e.area_ha, kHa) << e.bsm;
    EXPECT_NEAR(ha(f.inside_m2), e.inside_ha, kHa) << e.bsm;
    EXPECT_NEAR(f.percent(), e.percent, kPct) << e.bsm;
  }
}

TEST(OverlaySample, RedLineLandUseByDlbm) {
  REQUIRE_SAMPLE();
  TabulateOptions options;
  options.class_field = "DLBM";
  TabulateResult r = tabulate(read("redline"), read("parcels"), options);
  struct Expected {
    const char* dlbm;
    double area_ha, percent;
  };
  const std::vector<Expected> expected = {
      {"0301", 62101.910374, 82.138848},
      {"0302", 4185.572706, 5.536031},
      {"0305", 3377.117311, 4.466731},
      {"0307", 2115.344769, 2.797852},
      {"0404", 1341.853009, 1.774797},
      {"1101", 85.665064, 0.113305},
      {"1102", 180.979628, 0.239372},
      {"1103", 1828.465608, 2.418413},
      {"1108", 248.351783, 0.328482},
      {"1206", 140.755527, 0.186170},
  };
  ASSERT_EQ(r.zones.size(), 1u);
  EXPECT_NEAR(ha(r.zones[0].area_m2), 75606.015778, kHa);
  ASSERT_EQ(r.cells.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r.cells[i].class_key, expected[i].dlbm);
    EXPECT_NEAR(ha(r.cells[i].area_m2), expected[i].area_ha, kHa) << expected[i].dlbm;
    EXPECT_NEAR(r.cells[i].percent, expected[i].percent, kPct) << expected[i].dlbm;
  }
  EXPECT_EQ(r.overlapping_class_features, 0u);  // the parcels are a clean coverage
}

struct Conflict {
  const char* bsm;
  double inside_ha;
};

void expect_conflicts(const std::string& layer, const std::vector<Conflict>& expected) {
  auto got = coverage_by_bsm(layer);
  std::size_t listed = 0;
  for (const auto& [bsm, f] : got) {
    if (f.inside_m2 > 0) ++listed;
  }
  std::size_t expected_listed = 0;
  for (const Conflict& e : expected) {
    EXPECT_NEAR(ha(got.at(e.bsm).inside_m2), e.inside_ha, kHa) << e.bsm;
    // The oracle's specks below 0.001 m² (floating-point touching) are no conflicts for redline.
    if (e.inside_ha > 1e-7) ++expected_listed;
  }
  EXPECT_EQ(listed, expected_listed);
}

TEST(OverlaySample, MinesInsideTheRedLine) {
  REQUIRE_SAMPLE();
  expect_conflicts("mines", {
      {"360733410001", 0.335455},
      {"360733410002", 0.582074},
      {"360733410003", 0.992791},
      {"360733410004", 0.453798},
      {"360733410005", 0.895273},
      {"360733410006", 0.827600},
  });
}

TEST(OverlaySample, ShorelineInsideTheRedLine) {
  REQUIRE_SAMPLE();
  expect_conflicts("shoreline", {
      {"360733510104", 3.790055},
      {"360733510105", 0.000000},
      {"360733510106", 8.155241},
      {"360733510107", 9.597377},
      {"360733510108", 12.291842},
      {"360733510109", 10.811217},
      {"360733510110", 6.102663},
      {"360733510111", 4.632824},
      {"360733510112", 10.632441},
      {"360733510113", 1.486314},
      {"360733510114", 8.954126},
      {"360733510115", 4.868688},
      {"360733510116", 0.697135},
      {"360733510117", 0.000000},
      {"360733510126", 3.907090},
  });
}

}  // namespace
}  // namespace redline
