// A CoordinateTransform (and an AreaCalculator, which holds one) may be made on one thread and
// used and destroyed on another after the first has ended: it owns its PROJ context. Before,
// its PJ objects lived in the maker thread's context, freed when that thread ended, and the
// transform read freed memory in proj_destroy() (valgrind/ASan: invalid read in
// proj_context_errno). Under a sanitizer or valgrind this test fails on such a design; here it
// also checks the figures are the same as a transform made on this thread.
#include <gtest/gtest.h>

#include <optional>
#include <thread>

#include "redline/crs/crs.h"
#include "redline/crs/transform.h"
#include "redline/geom/geometry.h"
#include "redline/measure/area.h"

namespace redline {
namespace {

TEST(CoordinateTransformThreads, MadeOnAThreadThatEndedThenUsedAndDroppedHere) {
  const Crs zone39 = Crs::from_user_input("EPSG:4527");
  std::optional<CoordinateTransform> made_elsewhere;
  std::thread([&] { made_elsewhere.emplace(CoordinateTransform::to_geographic(zone39)); }).join();
  // The same point as ToGeographicMatchesExactTransverseMercator (GeographicLib's
  // TransverseMercatorProj): 115.985715511132497 25.501703623089185.
  double x = 39398024.209, y = 2822019.849;
  made_elsewhere->apply(&x, &y, 1);
  EXPECT_NEAR(x, 115.985715511132497, 1e-11);
  EXPECT_NEAR(y, 25.501703623089185, 1e-11);
  made_elsewhere.reset();  // proj_destroy() here, long after the maker thread's end
}

TEST(CoordinateTransformThreads, MadeHereUsedAndDroppedOnAnotherThread) {
  CoordinateTransform t(Crs::from_user_input("EPSG:4490"), Crs::from_user_input("EPSG:4527"));
  double x = 116.0, y = 25.5;
  std::thread([&] {
    t.apply(&x, &y, 1);
    CoordinateTransform dropped_there = std::move(t);
  }).join();
  EXPECT_NEAR(x, 39500000.0 - 100540.959043281, 1e-6);  // TransverseMercatorProj, as in crs_test
  EXPECT_NEAR(y, 2821820.232097898, 1e-6);
}

TEST(CoordinateTransformThreads, AreaCalculatorOutlivesTheThreadThatMadeIt) {
  const Crs zone39 = Crs::from_user_input("EPSG:4527");
  const Geometry square = Geometry::from_wkt(
      "POLYGON((39398000 2822000,39398100 2822000,39398100 2822100,39398000 2822100,39398000 2822000))");
  std::optional<AreaCalculator> made_elsewhere;
  std::thread([&] { made_elsewhere.emplace(zone39, AreaMethod::Ellipsoidal); }).join();
  AreaCalculator made_here(zone39, AreaMethod::Ellipsoidal);
  EXPECT_EQ(made_elsewhere->area(square), made_here.area(square));  // the same figure, to the bit
  made_elsewhere.reset();
}

}  // namespace
}  // namespace redline
