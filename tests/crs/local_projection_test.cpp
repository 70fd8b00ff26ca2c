// The transverse Mercator projection centred on geographic data, checked against PROJ's own
// command-line tool and pyproj on the same definition.
#include <gtest/gtest.h>

#include "redline/crs/crs.h"
#include "redline/crs/local_projection.h"
#include "redline/crs/transform.h"

namespace redline {
namespace {

TEST(LocalTransverseMercator, CentredOnTheDataOnTheLayersEllipsoid) {
  // Huichang's longitudes 115.3°E–115.8°E: central meridian 115.55°E, CGCS2000 ellipsoid.
  const Crs working = local_transverse_mercator(Crs::from_user_input("EPSG:4490"), Envelope{115.3, 25.2, 115.8, 25.9, false});
  ASSERT_TRUE(working.is_projected());
  EXPECT_DOUBLE_EQ(working.ellipsoid().semi_major, 6378137.0);
  EXPECT_NEAR(working.ellipsoid().inverse_flattening, 298.257222101, 1e-9);
  // echo '25.4 115.6' | cs2cs -f %.4f EPSG:4490 +to +proj=tmerc +lat_0=0 +lon_0=115.550 +k=1 +x_0=500000 +y_0=0 +a=6378137.0000 +rf=298.257222101 +units=m +no_defs
  //   -> 505031.0409 2810365.4610 (pyproj Transformer.from_crs('EPSG:4490', <same>, always_xy=True)
  //      gives the same figures; (115.3, 26.0) -> 474970.5221 2876858.5102)
  const CoordinateTransform to_working(Crs::from_user_input("EPSG:4490"), working);
  double x[2] = {115.6, 115.3}, y[2] = {25.4, 26.0};
  to_working.apply(x, y, 2);
  EXPECT_NEAR(x[0], 505031.0409, 1e-3);
  EXPECT_NEAR(y[0], 2810365.4610, 1e-3);
  EXPECT_NEAR(x[1], 474970.5221, 1e-3);
  EXPECT_NEAR(y[1], 2876858.5102, 1e-3);
}

TEST(LocalTransverseMercator, CentralMeridianIsRoundedToAThousandthOfADegree) {
  // Middle 117.00049999…° rounds to 117.000°: a point on 117°E lies on the central meridian,
  // at false easting 500000 exactly (cs2cs: 25.0 117.0 -> 500000.0000).
  const Crs working =
      local_transverse_mercator(Crs::from_user_input("EPSG:4490"), Envelope{116.9, 24.9, 117.1009999, 25.1, false});
  const CoordinateTransform to_working(Crs::from_user_input("EPSG:4490"), working);
  double x = 117.0, y = 25.0;
  to_working.apply(&x, &y, 1);
  EXPECT_NEAR(x, 500000.0, 1e-6);
}

TEST(LocalTransverseMercator, NullExtentUsesTheGreenwichMeridian) {
  const Crs working = local_transverse_mercator(Crs::from_user_input("EPSG:4490"), Envelope{});
  const CoordinateTransform to_working(Crs::from_user_input("EPSG:4490"), working);
  double x = 0.0, y = 10.0;
  to_working.apply(&x, &y, 1);
  EXPECT_NEAR(x, 500000.0, 1e-6);
}

}  // namespace
}  // namespace redline
