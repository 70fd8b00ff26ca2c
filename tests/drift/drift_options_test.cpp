// Drift's noise settings are validated by the library: NaN, infinity, negative, zero where it
// makes no sense, or absurdly large values are a UsageError before any work is done.
#include <gtest/gtest.h>

#include <cmath>

#include "redline/drift/drift.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

const Layer& parcels() {
  static const Layer layer = read_layer(test::data_path("area/parcels_4527.shp"));
  return layer;
}

void expect_refused(void (*set)(DriftOptions&, double), double value, const char* what) {
  DriftOptions options;
  set(options, value);
  EXPECT_THROW(compute_drift(parcels(), parcels(), options), UsageError) << what << " " << value;
}

TEST(DriftOptions, SliverWidthMustBePositiveAndSensible) {
  for (double v : {std::nan(""), HUGE_VAL, -0.5, 0.0, 1000.0}) {
    expect_refused([](DriftOptions& o, double x) { o.sliver_width = x; }, v, "sliver_width");
  }
}

TEST(DriftOptions, SliverAreaMustBeFiniteAndSensible) {
  for (double v : {std::nan(""), HUGE_VAL, -1.0, 1e5}) {
    expect_refused([](DriftOptions& o, double x) { o.sliver_area = x; }, v, "sliver_area");
  }
}

TEST(DriftOptions, FastShiftMustBeFiniteAndSensible) {
  for (double v : {std::nan(""), HUGE_VAL, -0.01, 1000.0}) {
    expect_refused([](DriftOptions& o, double x) { o.fast_shift = x; }, v, "fast_shift");
  }
}

TEST(DriftOptions, GridMustBeFiniteAndSensible) {
  for (double v : {std::nan(""), HUGE_VAL, -1e-6, 100.0}) {
    expect_refused([](DriftOptions& o, double x) { o.grid_size = x; }, v, "grid_size");
  }
}

TEST(DriftOptions, DefaultsAndZeroesThatMeanSomethingAreAccepted) {
  DriftOptions options;
  options.sliver_area = 0;  // no area threshold: only width decides
  options.fast_shift = 0;   // no fast path
  options.grid_size = 0;    // the default grid
  const DriftResult r = compute_drift(parcels(), parcels(), options);
  EXPECT_EQ(r.gained_m2 - r.gained_noise_m2, 0.0);
}

}  // namespace
}  // namespace redline
