// The engine's numeric settings are validated by the library itself (a rules file or a program
// never passes through the CLI): a precision grid or sliver width that is NaN, infinite,
// negative or absurdly large is a UsageError from coverage, tabulate and overlay alike.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "redline/overlay/overlay.h"
#include "redline/overlay/tabulate.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

const Layer& parcels() {
  static const Layer layer = read_layer(data_path("area/parcels_4527.shp"));
  return layer;
}

using test::contains;

const double kBadGrids[] = {std::nan(""), HUGE_VAL, -HUGE_VAL, -0.001, 11.0, 1e300};

TEST(EngineOptions, GridThatMakesNoSenseIsRefusedByEveryTool) {
  for (double grid : kBadGrids) {
    CoverageOptions coverage;
    coverage.engine.grid_size = grid;
    EXPECT_THROW(compute_coverage(parcels(), parcels(), coverage), UsageError) << grid;
    TabulateOptions tab;
    tab.engine.grid_size = grid;
    EXPECT_THROW(tabulate(parcels(), parcels(), tab), UsageError) << grid;
    OverlayOptions overlay;
    overlay.engine.grid_size = grid;
    EXPECT_THROW(overlay_layers(parcels(), parcels(), overlay), UsageError) << grid;
  }
}

TEST(EngineOptions, GridMessageNamesTheSettingNotAFlag) {
  EngineOptions engine;
  engine.grid_size = std::nan("");
  try {
    validate_engine_options(engine, parcels().crs);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_TRUE(contains(e.reason(), "precision grid")) << e.what();
    EXPECT_FALSE(contains(e.reason(), "--")) << e.what();
  }
}

TEST(EngineOptions, GridLimitIsInDegreesForAGeographicCrs) {
  EngineOptions engine;
  engine.grid_size = 0.001;  // 1 mm is fine in metres, about 110 m in degrees
  EXPECT_NO_THROW(validate_engine_options(engine, parcels().crs));
  EXPECT_THROW(validate_engine_options(engine, Crs::from_user_input("EPSG:4490")), UsageError);
  engine.grid_size = 1e-8;
  EXPECT_NO_THROW(validate_engine_options(engine, Crs::from_user_input("EPSG:4490")));
}

TEST(EngineOptions, SensibleGridsAreAccepted) {
  for (double grid : {0.0, 0.001, 1.0, kMaxGridMetres}) {
    EngineOptions engine;
    engine.grid_size = grid;
    EXPECT_NO_THROW(validate_engine_options(engine, parcels().crs)) << grid;
  }
}

TEST(EngineOptions, PieceSizeBelowMinimumIsRefused) {
  EngineOptions engine;
  engine.max_piece_vertices = 0;
  EXPECT_THROW(validate_engine_options(engine, parcels().crs), UsageError);
  engine.max_piece_vertices = -5;
  EXPECT_THROW(validate_engine_options(engine, parcels().crs), UsageError);
}

TEST(EngineOptions, CoverageSliverWidthThatMakesNoSenseIsRefused) {
  for (double width : {std::nan(""), HUGE_VAL, -1.0, 101.0}) {
    CoverageOptions coverage;
    coverage.sliver_width = width;
    EXPECT_THROW(compute_coverage(parcels(), parcels(), coverage), UsageError) << width;
  }
  CoverageOptions off;
  off.sliver_width = 0;  // 0 turns sliver detection off: meaningful
  EXPECT_NO_THROW(compute_coverage(parcels(), parcels(), off));
}

}  // namespace
}  // namespace redline
