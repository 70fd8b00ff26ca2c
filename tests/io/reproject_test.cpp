// reproject_layer (redline/io/reproject.h) against PROJ's own command-line tool. Expected
// figures from (EPSG axis order: northing easting in, latitude longitude out):
//   echo "2800000 39612345.678" | cs2cs -d 10 EPSG:4527 EPSG:4490
//     -> 25.3022189208 118.1155827426
//   echo "2812345.5 39432100.25" | cs2cs -d 10 EPSG:4527 EPSG:4490
//     -> 25.4163329022 116.3251108206
//   echo "2800000 39500000" | cs2cs -d 10 EPSG:4527 EPSG:4490
//     -> 25.3064389755 117.0000000000
#include "redline/io/reproject.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/geom/paths.h"

namespace redline {
namespace {

struct LonLat {
  double lon, lat;
};

// cs2cs prints 10 decimals of a degree: 1e-10 degree is about 1e-5 m.
constexpr double kDegreeTolerance = 2e-10;

Layer gk39_layer(const std::vector<std::string>& wkts) {
  Layer layer;
  layer.source = "memory";
  layer.name = "parcels";
  layer.crs = Crs::from_user_input("EPSG:4527");
  std::int64_t fid = 0;
  for (const std::string& wkt : wkts) {
    layer.features.push_back(Feature{fid++, Geometry::from_wkt(wkt), {}, Geometry()});
  }
  return layer;
}

std::vector<LonLat> vertices(GeometryView g) {
  std::vector<LonLat> out;
  for_each_path(g, [&](const PathView& p) {
    for (std::size_t i = 0; i < p.size; ++i) out.push_back({p.x(i), p.y(i)});
    return true;
  });
  return out;
}

const char* const kTriangle =
    "POLYGON((39612345.678 2800000,39432100.25 2812345.5,39500000 2800000,39612345.678 2800000))";

void expect_cs2cs_figures(GeometryView g) {
  const std::vector<LonLat> v = vertices(g);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_NEAR(v[0].lon, 118.1155827426, kDegreeTolerance);
  EXPECT_NEAR(v[0].lat, 25.3022189208, kDegreeTolerance);
  EXPECT_NEAR(v[1].lon, 116.3251108206, kDegreeTolerance);
  EXPECT_NEAR(v[1].lat, 25.4163329022, kDegreeTolerance);
  EXPECT_NEAR(v[2].lon, 117.0, kDegreeTolerance);
  EXPECT_NEAR(v[2].lat, 25.3064389755, kDegreeTolerance);
}

TEST(ReprojectLayer, GaussKrugerToGeographicMatchesCs2cs) {
  Layer layer = gk39_layer({kTriangle});
  const Crs target = Crs::from_user_input("EPSG:4490");
  reproject_layer(layer, target, 1);
  EXPECT_TRUE(layer.crs.equivalent_to(target));
  expect_cs2cs_figures(layer.features[0].geometry);
}

TEST(ReprojectLayer, RepairedOriginalsAreTransformedToo) {
  Layer layer = gk39_layer({kTriangle});
  layer.features[0].original = Geometry::from_wkt(kTriangle);
  reproject_layer(layer, Crs::from_user_input("EPSG:4490"), 1);
  expect_cs2cs_figures(layer.features[0].original);
}

TEST(ReprojectLayer, SameAnswerOnAnyThreadCount) {
  std::vector<std::string> wkts;
  for (int i = 0; i < 1000; ++i) {
    const double e = 39500000 + 37.5 * i, n = 2800000 + 11.25 * i;
    wkts.push_back("POLYGON((" + std::to_string(e) + " " + std::to_string(n) + "," +
                   std::to_string(e + 10) + " " + std::to_string(n) + "," + std::to_string(e + 10) +
                   " " + std::to_string(n + 10) + "," + std::to_string(e) + " " +
                   std::to_string(n) + "))");
  }
  Layer one = gk39_layer(wkts), four = gk39_layer(wkts);
  const Crs target = Crs::from_user_input("EPSG:4490");
  reproject_layer(one, target, 1);
  reproject_layer(four, target, 4);
  ASSERT_EQ(one.features.size(), four.features.size());
  for (std::size_t i = 0; i < one.features.size(); ++i) {
    EXPECT_EQ(one.features[i].geometry.to_wkb(), four.features[i].geometry.to_wkb()) << i;
  }
}

TEST(ReprojectLayer, SameCrsChangesNothing) {
  Layer layer = gk39_layer({kTriangle});
  const std::vector<unsigned char> before = layer.features[0].geometry.to_wkb();
  reproject_layer(layer, Crs::from_user_input("EPSG:4527"));
  EXPECT_EQ(layer.features[0].geometry.to_wkb(), before);
}

TEST(ReprojectLayer, NullAndEmptyGeometriesStayAsTheyAre) {
  Layer layer = gk39_layer({kTriangle, "POLYGON EMPTY"});
  layer.features.push_back(Feature{2, Geometry(), {}, Geometry()});
  reproject_layer(layer, Crs::from_user_input("EPSG:4490"), 2);
  EXPECT_TRUE(layer.features[1].geometry.is_empty());
  EXPECT_TRUE(layer.features[2].geometry.is_null());
}

TEST(ReprojectLayer, AVertexPROJCannotTakeIsAnInputErrorNamingTheFeature) {
  Layer layer;
  layer.source = "memory";
  layer.name = "lonlat";
  layer.crs = Crs::from_user_input("EPSG:4490");
  layer.features.push_back(Feature{7, Geometry::from_wkt("POLYGON((117 25,117.1 25,117.1 25.1,117 25))"), {}, Geometry()});
  // Latitude 95 degrees does not exist: PROJ refuses it.
  layer.features.push_back(Feature{8, Geometry::from_wkt("POLYGON((117 95,117.1 95,117.1 95.1,117 95))"), {}, Geometry()});
  try {
    reproject_layer(layer, Crs::from_user_input("EPSG:4527"), 1);
    FAIL() << "no error";
  } catch (const InputError& e) {
    ASSERT_TRUE(e.where().feature.has_value());
    EXPECT_EQ(*e.where().feature, 8);
    EXPECT_EQ(e.where().file, "memory");
    EXPECT_NE(std::string(e.what()).find("while transforming to EPSG:4527"), std::string::npos) << e.what();
  }
}

TEST(ReprojectLayer, UnknownTargetIsAUsageError) {
  Layer layer = gk39_layer({kTriangle});
  EXPECT_THROW(reproject_layer(layer, Crs()), UsageError);
}

}  // namespace
}  // namespace redline
