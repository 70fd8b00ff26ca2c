// OverlayInputs (lib/overlay/overlay_inputs.h): the one preparation coverage, tabulate and
// overlay share — the working CRS, the settings checked in it, the second layer transformed,
// both cut into pieces — on the hand-made cases of tests/data/overlay/cases.gpkg (EPSG:4527).
//
// Oracles: layer cover_4490 holds the vertices of layer cover taken to EPSG:4490 by pyproj
// (tests/oracles/overlay_make_data.py), so taking it back must land on cover's own coordinates;
// the target areas are those of tests/oracles/overlay_small_oracle.py (pyproj.Geod, GRS80).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "overlay/overlay_inputs.h"
#include "redline/error.h"
#include "redline/geom/ops.h"
#include "redline/io/layer.h"
#include "overlay/overlay_cases.h"
#include "support/test_support.h"

namespace redline {
namespace {

using detail::OverlayInputs;
using test::read_cases;

TEST(OverlayInputs, WorksInTheFirstLayersCrsByDefault) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover_4490");
  const OverlayInputs in(targets, cover, {});
  EXPECT_EQ(in.crs().epsg(), std::optional<int>(4527));
  EXPECT_EQ(in.method(), AreaMethod::Ellipsoidal);
  EXPECT_EQ(in.grid(), kDefaultGridSizeProjected);
  // The other order works in the other layer's CRS.
  const OverlayInputs swapped(cover, targets, {});
  EXPECT_EQ(swapped.crs().epsg(), std::optional<int>(4490));
  EXPECT_EQ(swapped.grid(), kDefaultGridSizeGeographic);
}

TEST(OverlayInputs, TheSecondLayerIsTransformedIntoTheWorkingCrs) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover"), moved = read_cases("cover_4490");
  const OverlayInputs same(targets, cover, {}), back(targets, moved, {});
  ASSERT_EQ(back.second_pieces().feature_count(), cover.features.size());
  for (std::size_t i = 0; i < cover.features.size(); ++i) {
    const Envelope want = cover.features[i].geometry.envelope();
    const Envelope got = back.second_pieces().feature_geometry(i).envelope();
    // Zone 39 with its prefix: eastings near 39 500 000 m, not degrees.
    EXPECT_NEAR(got.min_x, want.min_x, 1e-3) << i;  // 1 mm: a PROJ round trip, not a datum shift
    EXPECT_NEAR(got.max_x, want.max_x, 1e-3) << i;
    EXPECT_NEAR(got.min_y, want.min_y, 1e-3) << i;
    EXPECT_NEAR(got.max_y, want.max_y, 1e-3) << i;
    EXPECT_NEAR(back.second_pieces().feature_geometry(i).planar_area(), cover.features[i].geometry.planar_area(), 1e-3)
        << i;
  }
  // A layer already in the working CRS is borrowed, not copied (pieces are not cut here).
  for (std::size_t i = 0; i < cover.features.size(); ++i) {
    EXPECT_EQ(&same.second_pieces().feature_geometry(i), &cover.features[i].geometry) << i;
    EXPECT_NE(&back.second_pieces().feature_geometry(i), &moved.features[i].geometry) << i;
  }
}

TEST(OverlayInputs, TheCrsOfTheOptionsMovesBothLayers) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  EngineOptions options;
  options.crs = Crs::from_user_input("EPSG:4490");
  const OverlayInputs in(targets, cover, options);
  EXPECT_EQ(in.crs().epsg(), std::optional<int>(4490));
  EXPECT_EQ(in.grid(), kDefaultGridSizeGeographic);
  for (const detail::PieceSet* set : {&in.first_pieces(), &in.second_pieces()}) {
    for (std::size_t i = 0; i < set->feature_count(); ++i) {
      const Envelope e = set->feature_geometry(i).envelope();
      // Zone 39's central meridian is 117°E; the cases lie within a few hundred metres of it.
      EXPECT_NEAR(e.min_x, 117.0, 0.05) << i;
      EXPECT_GT(e.min_y, 0.0) << i;
      EXPECT_LT(e.max_y, 90.0) << i;
    }
  }
}

TEST(OverlayInputs, LargeFeaturesAreCutIntoPiecesThatPartitionThem) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  EngineOptions options;
  options.max_piece_vertices = kMinPieceVertices;
  const OverlayInputs in(targets, cover, options);
  const detail::PieceSet& pieces = in.first_pieces();
  bool some_cut = false;
  for (std::size_t i = 0; i < pieces.feature_count(); ++i) {
    const auto [first, last] = pieces.pieces_of(i);
    if (last - first > 1) some_cut = true;
    double sum = 0.0;
    for (std::size_t k = first; k < last; ++k) {
      EXPECT_EQ(pieces[k].feature, i);
      sum += pieces[k].geometry->planar_area();
    }
    EXPECT_NEAR(sum, pieces.feature_geometry(i).planar_area(), 1e-6) << i;
  }
  EXPECT_TRUE(some_cut);  // the holed target has more than 8 vertices
}

TEST(OverlayInputs, FeatureAreasAreTheOraclesForAnyThreadCount) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  EngineOptions one, four;
  one.threads = 1;
  four.threads = 4;
  const OverlayInputs a(targets, cover, one), b(targets, cover, four);
  const std::vector<double> areas = a.feature_areas(a.first_pieces(), targets);
  EXPECT_EQ(areas, b.feature_areas(b.first_pieces(), targets));  // bit for bit
  // Oracle (pyproj.Geod): plain, holed, sliver, moved, bigger, bowtie (repaired), edge.
  const double oracle = 9999.999999 + 8399.999987 + 9999.999950 + 10000.039861 + 10000.399728 +
                        5000.000005 + 9999.998962;
  double total = 0.0;
  for (double x : areas) total += x;
  ASSERT_EQ(areas.size(), 7u);
  EXPECT_NEAR(total, oracle, 7e-3);
}

TEST(OverlayInputs, CallersChecksRunAfterTheSettingsAndBeforeAnyWork) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  std::vector<std::string> stages;
  EngineOptions options;
  options.progress = [&](std::string_view stage, std::size_t, std::size_t) { stages.emplace_back(stage); };
  bool called = false;
  const OverlayInputs in(targets, cover, options, [&] {
    called = true;
    EXPECT_TRUE(stages.empty());  // nothing prepared yet
  });
  EXPECT_TRUE(called);
  ASSERT_FALSE(stages.empty());
  EXPECT_EQ(stages.front(), "preparing");

  // A caller's refusal comes before the method's: planar areas in degrees are refused after it.
  options.crs = Crs::from_user_input("EPSG:4490");
  options.method = AreaMethod::Planar;
  try {
    OverlayInputs refused(targets, cover, options, [] { throw UsageError("the caller's field"); });
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "the caller's field");
  }
  EXPECT_THROW(OverlayInputs(targets, cover, options), UsageError);
}

TEST(OverlayInputs, SettingsThatMakeNoSenseAreRefusedBeforeTheCallersChecks) {
  const Layer targets = read_cases("targets"), cover = read_cases("cover");
  for (const double grid : {std::nan(""), -1.0, kMaxGridMetres * 2}) {
    EngineOptions options;
    options.grid_size = grid;
    bool called = false;
    EXPECT_THROW(OverlayInputs(targets, cover, options, [&] { called = true; }), UsageError) << grid;
    EXPECT_FALSE(called) << grid;
  }
  EngineOptions small;
  small.max_piece_vertices = kMinPieceVertices - 1;
  EXPECT_THROW(OverlayInputs(targets, cover, small), UsageError);
}

TEST(OverlayInputs, UnknownCrsIsRefused) {
  Layer targets = read_cases("targets");
  const Layer cover = read_cases("cover");
  targets.crs = Crs();
  bool called = false;
  try {
    OverlayInputs in(targets, cover, {}, [&] { called = true; });
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "cannot overlay layers in an unknown CRS");
    EXPECT_EQ(e.where().layer, "targets");
  }
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace redline
