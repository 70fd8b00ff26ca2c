// Errors met deep in the library come out of its public functions with their kind, their hint
// and the feature they are about. Input: tests/data/errors/unknown_projection.shp, whose .prj
// names a projection PROJ does not know, so that measuring any feature fails in PROJ.
#include <gtest/gtest.h>

#include <string>

#include "redline/checks/check.h"
#include "redline/drift/drift.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"
#include "redline/overlay/coverage.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::contains;

Layer unmeasurable() { return read_layer(data_path("errors/unknown_projection.shp")); }

// What `fn` throws, as an InputError; fails the test when it throws another kind or nothing.
template <typename Fn>
InputError input_error_of(Fn fn) {
  try {
    fn();
  } catch (const InputError& e) {
    return e;
  } catch (const Error& e) {
    ADD_FAILURE() << "thrown as another kind: " << e.what();
  }
  ADD_FAILURE() << "nothing thrown";
  return InputError("");
}

void expect_feature_and_proj_reason(const InputError& e) {
  EXPECT_EQ(e.where().file, data_path("errors/unknown_projection.shp")) << e.what();
  EXPECT_EQ(e.where().layer, "unknown_projection") << e.what();
  EXPECT_TRUE(e.where().feature.has_value()) << e.what();
  EXPECT_TRUE(contains(e.reason(), "PROJ: ")) << e.what();
}

TEST(ErrorPaths, AreaSummaryNamesTheFeaturePROJRefused) {
  const Layer layer = unmeasurable();
  for (unsigned threads : {1u, 2u}) {
    AreaOptions o;
    o.threads = threads;
    expect_feature_and_proj_reason(input_error_of([&] { summarize_areas(layer, o); }));
  }
}

TEST(ErrorPaths, CoverageNamesTheTargetFeature) {
  const Layer layer = unmeasurable();
  expect_feature_and_proj_reason(input_error_of([&] { compute_coverage(layer, layer); }));
}

TEST(ErrorPaths, DriftNamesTheFeature) {
  const Layer layer = unmeasurable();
  expect_feature_and_proj_reason(input_error_of([&] { compute_drift(layer, layer); }));
}

TEST(ErrorPaths, CheckKeepsKindLocationAndHintAndSaysWhichCheck) {
  CheckSpec s;
  s.kind = CheckKind::NotReduced;
  s.name = "redline kept";
  s.layer = LayerRef{data_path("io/two_layers.gpkg"), ""};
  s.baseline_m2 = 1e6;  // 100 ha: a threshold that makes sense, so the layer choice is what fails
  try {
    run_checks({s});
    FAIL() << "a source with two layers and no layer name was read";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.where().file, data_path("io/two_layers.gpkg"));
    EXPECT_EQ(e.hint().kind, HintKind::ChooseLayer);
    EXPECT_TRUE(contains(e.reason(), "redline kept")) << e.what();
    EXPECT_TRUE(contains(e.reason(), "the source has 2 layers (parcels, reserves)")) << e.what();
  }
}

}  // namespace
}  // namespace redline
