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
#include <fmt/format.h>

#include "redline/error.h"
#include "redline/geom/geometry.h"
#include "redline/geom/paths.h"
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

// to_geographic() of a projected CRS runs PROJ's inverse projection to radians and scales by
// PROJ's own radians-to-degrees factor (one pipeline step fewer per point): the degrees must
// be PROJ's, to the bit, as through the pipeline that ends in PROJ's unitconvert step. The
// expected figures are pyproj 3.4.1 on PROJ 9.1.1 (Debian's, the library redline links):
//   /usr/bin/python3 -c "from pyproj import CRS, Transformer; s = CRS('EPSG:4527');
//     print(Transformer.from_crs(s, s.geodetic_crs, always_xy=True).transform(39398024.209, 2822019.849))"
// and likewise for each row (hex floats: float.hex()).
TEST(CoordinateTransformDegrees, ToGeographicGivesProjsDegreesToTheBit) {
  struct Case {
    const char* crs;
    double x, y, lon, lat;
  };
  const Case cases[] = {
      {"EPSG:4527", 39398024.209, 2822019.849, 0x1.cff15f682de55p+6, 0x1.9806fa60d73eap+4},
      {"EPSG:4546", 398024.209, 2822019.849, 0x1.b7f15f682de56p+6, 0x1.9806fa60d73eap+4},
      {"EPSG:32650", 398024.209, 2822019.849, 0x1.cff0de90ff91ap+6, 0x1.9830b69612ab8p+4},
      {"EPSG:4499", 21398024.209, 4822019.849, 0x1.e6f44af578fddp+6, 0x1.5c36e50395074p+5},
      {"EPSG:3857", 12913000.5, 2935000.25, 0x1.cfff71b09b37ap+6, 0x1.97b42286fc2c3p+4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.crs);
    const CoordinateTransform t = CoordinateTransform::to_geographic(Crs::from_user_input(c.crs));
    double x = c.x, y = c.y;
    t.apply(&x, &y, 1);
    EXPECT_EQ(x, c.lon);
    EXPECT_EQ(y, c.lat);
    // The geometry path (one point at a time) gives the same bits.
    const Geometry moved = t.apply(Geometry::from_wkt(fmt::format("POINT({:.17g} {:.17g})", c.x, c.y)));
    double px = 0, py = 0;
    for_each_path(moved, [&](const PathView& p) {
      px = p.x(0);
      py = p.y(0);
      return true;
    });
    EXPECT_EQ(px, c.lon);
    EXPECT_EQ(py, c.lat);
  }
}

TEST(CoordinateTransformDegrees, OutsideTheProjectionsDomainIsStillRefused) {
  // Far beyond the zone (a Gauss-Krüger easting of 1e9 m): PROJ refuses it; the scaling must
  // not turn its HUGE_VAL into a finite figure.
  const CoordinateTransform t = CoordinateTransform::to_geographic(Crs::from_user_input("EPSG:4527"));
  double x = 1e9, y = 2822019.849;
  EXPECT_THROW(t.apply(&x, &y, 1), InputError);
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
