// Areas by the three methods, against independent oracles.
//
// Oracle figures come from the scripts in tests/oracles/ (GeographicLib's command-line tools and
// a 40-digit closed form), never from redline; each block names the command that printed it.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "redline/measure/area_summary.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

double relative_difference(double value, double expected) {
  return std::fabs(value - expected) / std::fabs(expected);
}

std::vector<double> feature_areas(const Layer& layer, AreaMethod method) {
  AreaCalculator calc(layer.crs, method);
  std::vector<double> out;
  for (const Feature& f : layer.features) out.push_back(calc.area(f.geometry));
  return out;
}

// /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/parcels_4490.shp --geographic
// (Planimeter -e 6378137000 1/298.257222101 -p 10 on the stored lon/lat, areas / 1e6), by FID.
// parcels_4490.shp holds the vertices of parcels_4527.shp converted by PROJ (pyproj) when the
// data was made, so these are also the areas of the 4527 parcels on PROJ's lon/lat.
constexpr double kParcelsPlanimeter[12] = {
    1670.8077346411098, 2018.2470229198,   1866.4036218122601, 1758.34632954053,
    836.16965946484004, 1272.2814942011701, 1661.11760435009,  1161.8958509199199,
    1603.3492214492198, 481.94686657787997, 1932.40788734222,  1049.6984180107399};

// /usr/bin/python3 tests/oracles/authalic_area_exact.py layer tests/data/area/parcels_4490.shp
// (the same parcels' geodesic areas evaluated with 40 digits). Planimeter's figures above are
// Karney's algorithm in double: each edge's area to the equator is rounded to ~3e-5 m², so
// they are off these by up to 5.5e-5 m² (FID 9: 1.1e-7 relative). redline's figure agrees
// with these to ~3e-8 m², hence 1e-6 m² here and 1e-4 m² against Planimeter.
constexpr double kParcelsExact[12] = {
    1670.8077333011672436, 2018.2470493467425472, 1866.403617835577283,  1758.3463333703137332,
    836.16966321543961584, 1272.2815164135317397, 1661.1175833115242591, 1161.8958913467115914,
    1603.3492071019533205, 481.94692156392827817, 1932.4078935960777052, 1049.6984190740995213};
constexpr double kPlanimeterRounding = 1e-4;  // m² per parcel, see above

// /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/parcels_4527.shp --zone 39
// (vertices to lat/lon by GeographicLib's exact transverse Mercator, not PROJ:
//  TransverseMercatorProj -r -l 117 -k 1 -e 6378137 1/298.257222101 -p 12, then Planimeter).
constexpr double kParcelsIndependentTm[12] = {
    1670.8077332622099, 2018.24703765393,   1866.40362086255,  1758.3463465898399,
    836.16968769140999, 1272.2814982285199, 1661.11758549463,  1161.8958980957,
    1603.34922055469,   481.94691284325995, 1932.4078886925699, 1049.6984380449201};

// /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/large_4527.shp --zone 39
constexpr double kLargeIndependentTm = 620385351.34977174;
// /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/large_4490.shp --geographic
constexpr double kLargePlanimeter = 620385351.34981871;

TEST(EllipsoidalArea, MatchesPlanimeterOnParcelsInGeographicCrs) {
  Layer layer = read_layer(data_path("area/parcels_4490.shp"));
  ASSERT_EQ(layer.crs.epsg(), 4490);
  const std::vector<double> areas = feature_areas(layer, AreaMethod::Ellipsoidal);
  ASSERT_EQ(areas.size(), 12u);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    EXPECT_NEAR(areas[i], kParcelsPlanimeter[i], kPlanimeterRounding) << "FID " << i;
    EXPECT_NEAR(areas[i], kParcelsExact[i], 1e-6) << "FID " << i;
  }
}

TEST(EllipsoidalArea, MatchesPlanimeterOnParcelsInGaussKruger) {
  Layer layer = read_layer(data_path("area/parcels_4527.shp"));
  ASSERT_EQ(layer.crs.epsg(), 4527);
  const std::vector<double> areas = feature_areas(layer, AreaMethod::Ellipsoidal);
  ASSERT_EQ(areas.size(), 12u);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    // Same lon/lat (PROJ's inverse projection, as when the data was made) => Planimeter's area,
    // to its rounding, and the exact area.
    EXPECT_NEAR(areas[i], kParcelsPlanimeter[i], kPlanimeterRounding) << "FID " << i;
    EXPECT_NEAR(areas[i], kParcelsExact[i], 1e-6) << "FID " << i;
    // GeographicLib's exact transverse Mercator agrees with PROJ's to ~1.5 nm per vertex, but
    // Karney's area of a parcel this small is not that smooth: moving one latitude by one ulp
    // (4e-15°) moves Planimeter's and PROJ's area of FID 9's first part by up to 2.3e-5 m²
    // (measured with pyproj.Geod). Hence an absolute bound of 1e-4 m² (≤ 2.1e-7 relative on
    // these parcels) for the fully independent path; the large polygon below has 1e-9.
    EXPECT_NEAR(areas[i], kParcelsIndependentTm[i], 1e-4) << "FID " << i;
  }
}

TEST(EllipsoidalArea, MatchesPlanimeterOnLargePolygon) {
  for (const char* file : {"area/large_4527.shp", "area/large_4490.shp"}) {
    Layer layer = read_layer(data_path(file));
    const std::vector<double> areas = feature_areas(layer, AreaMethod::Ellipsoidal);
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_LE(relative_difference(areas[0], kLargeIndependentTm), 1e-9) << file;
    EXPECT_LE(relative_difference(areas[0], kLargePlanimeter), 1e-9) << file;
  }
}

TEST(EllipsoidalArea, HolesAreSubtracted) {
  // /usr/bin/python3 tests/oracles/area_planimeter.py tests/data/area/parcels_4490.shp --geographic --rings   (FID 2: one shell, one hole)
  constexpr double kShell = 1901.4836826738301, kHole = 35.080060861569997;
  Layer layer = read_layer(data_path("area/parcels_4490.shp"));
  const double area = AreaCalculator(layer.crs, AreaMethod::Ellipsoidal).area(layer.features[2].geometry);
  EXPECT_NEAR(area, kShell - kHole, 2 * kPlanimeterRounding);  // two rings' rounding
  EXPECT_NEAR(area, kParcelsExact[2], 1e-6);                    // the same, 40 digits
}

// A latitude-longitude rectangle: its exact area has a closed form, which the survey series
// must reproduce (its parallel edges add nothing, its meridian edges add the band).
struct Rectangle {
  double lon1, lon2, lat1, lat2, exact_m2;
};
// /usr/bin/python3 tests/oracles/area_band.py LON1 LON2 LAT1 LAT2 (40-digit closed form;
// cross-checked with Planimeter -R, rhumb edges: 2670833080.16016 for the first).
constexpr Rectangle kRectangles[] = {
    {115.6, 116.0, 25.3, 25.9, 2670833080.160152955435993},  // Huichang's bounding box
    {115.99, 116.0, 25.50, 25.51, 1113715.429651397389615},  // about 1 km x 1.1 km
};

TEST(SurveyArea, MatchesClosedFormOfLatitudeLongitudeRectangle) {
  const Crs cgcs2000 = Crs::from_user_input("EPSG:4490");
  AreaCalculator calc(cgcs2000, AreaMethod::Survey);
  for (const Rectangle& r : kRectangles) {
    const double lon[] = {r.lon1, r.lon2, r.lon2, r.lon1, r.lon1};
    const double lat[] = {r.lat1, r.lat1, r.lat2, r.lat2, r.lat1};
    EXPECT_LE(relative_difference(survey_ring_area(lon, lat, 5, cgcs2000.ellipsoid()), r.exact_m2), 1e-10);

    const std::string wkt = "POLYGON((" + std::to_string(r.lon1) + " " + std::to_string(r.lat1) + "," +
                            std::to_string(r.lon2) + " " + std::to_string(r.lat1) + "," +
                            std::to_string(r.lon2) + " " + std::to_string(r.lat2) + "," +
                            std::to_string(r.lon1) + " " + std::to_string(r.lat2) + "," +
                            std::to_string(r.lon1) + " " + std::to_string(r.lat1) + "))";
    EXPECT_LE(relative_difference(calc.area(Geometry::from_wkt(wkt)), r.exact_m2), 1e-10) << wkt;
  }
}

TEST(SurveyArea, AgreesWithEllipsoidalOnSmallParcels) {
  // The methods share the vertices and differ by their edges (straight in (B, L) vs geodesic).
  // Per parcel the difference is bounded by the slivers between the two edge models:
  //   /usr/bin/python3 tests/oracles/area_edge_model_bound.py tests/data/area/parcels_4527.shp
  // (sum of s^3 tan(phi) / 12R over the edges). It is not always below 1e-6 relative: FID 4
  // (836 m², 4 skewed edges up to 58 m) differs by 1.6e-6, as a 40-digit evaluation of the
  // series against Planimeter shows too. Over the layer the slivers cancel to ~2e-7.
  constexpr double kBound[12] = {0.0022483, 0.00182182, 0.00173568, 0.00199391,
                                 0.00159237, 0.00220097, 0.00146433, 0.00220331,
                                 0.00226365, 0.00039551, 0.00216613, 0.00206193};
  Layer layer = read_layer(data_path("area/parcels_4527.shp"));
  const std::vector<double> survey = feature_areas(layer, AreaMethod::Survey);
  const std::vector<double> ellipsoidal = feature_areas(layer, AreaMethod::Ellipsoidal);
  double survey_total = 0.0, ellipsoidal_total = 0.0;
  for (std::size_t i = 0; i < survey.size(); ++i) {
    EXPECT_LE(std::fabs(survey[i] - ellipsoidal[i]), kBound[i]) << "FID " << i;
    EXPECT_LE(relative_difference(survey[i], ellipsoidal[i]), 3e-6) << "FID " << i;
    survey_total += survey[i];
    ellipsoidal_total += ellipsoidal[i];
  }
  EXPECT_LE(relative_difference(survey_total, ellipsoidal_total), 1e-6);

  // A 1 ha square with 100 m edges along the grid: the north and south slivers cancel.
  Layer squares = read_layer(data_path("io/bowtie.shp"));
  const Geometry& square = squares.features[0].geometry;
  EXPECT_LE(relative_difference(AreaCalculator(squares.crs, AreaMethod::Survey).area(square),
                                AreaCalculator(squares.crs, AreaMethod::Ellipsoidal).area(square)),
            1e-6);
}

TEST(PlanarArea, EqualsHandComputedShoelace) {
  AreaCalculator calc(Crs::from_user_input("EPSG:4527"), AreaMethod::Planar);
  // An L: 80 x 30 + 40 x 40 = 4000 m².
  EXPECT_EQ(calc.area(Geometry::from_wkt(
                "POLYGON((39398000 2822000,39398080 2822000,39398080 2822030,39398040 2822030,"
                "39398040 2822070,39398000 2822070,39398000 2822000))")),
            4000.0);
  // A right triangle on half and quarter metres: 100 x 50.5 / 2 = 2525 m².
  EXPECT_EQ(calc.area(Geometry::from_wkt("POLYGON((39398000.5 2822000.25,39398100.5 2822000.25,"
                                         "39398000.5 2822050.75,39398000.5 2822000.25))")),
            2525.0);
  // 100 m square with a 20 x 30 hole: 10000 - 600 = 9400 m².
  EXPECT_EQ(calc.area(Geometry::from_wkt(
                "POLYGON((39398000 2822000,39398100 2822000,39398100 2822100,39398000 2822100,"
                "39398000 2822000),(39398010 2822010,39398010 2822040,39398030 2822040,"
                "39398030 2822010,39398010 2822010))")),
            9400.0);
  // Two parts add: 4000 + 2525 shifted away = 6525 m².
  EXPECT_EQ(calc.area(Geometry::from_wkt(
                "MULTIPOLYGON(((39398000 2822000,39398080 2822000,39398080 2822030,39398040 2822030,"
                "39398040 2822070,39398000 2822070,39398000 2822000)),((39399000.5 2822000.25,"
                "39399100.5 2822000.25,39399000.5 2822050.75,39399000.5 2822000.25)))")),
            6525.0);
}

TEST(PlanarArea, MatchesShapelyOnParcels) {
  // /usr/bin/python3: shapely.wkt.loads(ogr feature WKT).area for parcels_4527.shp, by FID.
  constexpr double kShapely[12] = {1671.2369260731598, 2018.764227010742,  1866.880712365613,
                                   1758.7948430825131, 836.3845219029499,  1272.6074624741432,
                                   1661.5422414128134, 1162.1921620478627, 1603.761054984835,
                                   482.07042490450874, 1932.9018079518714, 1049.9661255440733};
  Layer layer = read_layer(data_path("area/parcels_4527.shp"));
  const std::vector<double> areas = feature_areas(layer, AreaMethod::Planar);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    EXPECT_LE(relative_difference(areas[i], kShapely[i]), 1e-12) << "FID " << i;
  }
}

TEST(PlanarArea, RefusedInGeographicCrs) {
  EXPECT_THROW(AreaCalculator(Crs::from_user_input("EPSG:4490"), AreaMethod::Planar), UsageError);
}

TEST(Area, RingOrientationDoesNotMatter) {
  const Crs gk39 = Crs::from_user_input("EPSG:4527");
  const Geometry ccw = Geometry::from_wkt(
      "POLYGON((39398000 2822000,39398080 2822000,39398080 2822030,39398040 2822030,"
      "39398040 2822070,39398000 2822070,39398000 2822000),(39398010 2822010,39398010 2822020,"
      "39398020 2822020,39398020 2822010,39398010 2822010))");
  const Geometry cw = Geometry::from_wkt(
      "POLYGON((39398000 2822000,39398000 2822070,39398040 2822070,39398040 2822030,"
      "39398080 2822030,39398080 2822000,39398000 2822000),(39398010 2822010,39398020 2822010,"
      "39398020 2822020,39398010 2822020,39398010 2822010))");
  EXPECT_EQ(AreaCalculator(gk39, AreaMethod::Planar).area(cw), 3900.0);  // 4000 - 10 x 10
  EXPECT_EQ(AreaCalculator(gk39, AreaMethod::Planar).area(ccw), 3900.0);
  for (AreaMethod m : {AreaMethod::Ellipsoidal, AreaMethod::Survey}) {
    AreaCalculator calc(gk39, m);
    EXPECT_LE(relative_difference(calc.area(cw), calc.area(ccw)), 1e-12) << method_name(m);
  }
}

TEST(Area, NullAndEmptyGeometriesMeasureZero) {
  AreaCalculator calc(Crs::from_user_input("EPSG:4527"), AreaMethod::Ellipsoidal);
  EXPECT_EQ(calc.area(Geometry()), 0.0);
  EXPECT_EQ(calc.area(Geometry::from_wkt("POLYGON EMPTY")), 0.0);
  EXPECT_EQ(calc.area(Geometry::from_wkt("LINESTRING(39398000 2822000,39398080 2822000)")), 0.0);
}

TEST(AreaSummary, ThreadCountDoesNotChangeTotals) {
  Layer parcels = read_layer(data_path("area/parcels_4527.shp"));
  // 3000 features: several 256-feature chunks, so that two workers really share the work.
  Layer many;
  many.source = parcels.source;
  many.name = parcels.name;
  many.crs = parcels.crs;
  many.fields = parcels.fields;
  for (int copy = 0; copy < 250; ++copy) {
    for (const Feature& f : parcels.features) {
      Feature c;
      c.fid = static_cast<std::int64_t>(many.features.size());
      c.geometry = f.geometry.clone();
      c.values = f.values;
      many.features.push_back(std::move(c));
    }
  }
  for (AreaMethod m : {AreaMethod::Ellipsoidal, AreaMethod::Survey, AreaMethod::Planar}) {
    AreaOptions options;
    options.method = m;
    options.group_field = "HXLX";
    options.threads = 1;
    const AreaSummary one = summarize_areas(many, options);
    options.threads = 2;
    const AreaSummary two = summarize_areas(many, options);
    EXPECT_EQ(one.total_m2, two.total_m2) << method_name(m);  // bit for bit
    ASSERT_EQ(one.groups.size(), 3u);
    ASSERT_EQ(two.groups.size(), 3u);
    for (std::size_t g = 0; g < 3; ++g) {
      EXPECT_EQ(one.groups[g].key, two.groups[g].key);
      EXPECT_EQ(one.groups[g].m2, two.groups[g].m2) << method_name(m);
    }
    ASSERT_EQ(one.features.size(), 3000u);
    for (std::size_t i = 0; i < one.features.size(); ++i) ASSERT_EQ(one.features[i].m2, two.features[i].m2);
  }
  // And the total is the parcels' oracle sum, 250 times (ellipsoidal): 1e-9 relative of the
  // exact sum; Planimeter's sum is 1.2e-4 m² (7e-9 relative) below it, its rounding.
  AreaOptions options;
  double expected = 0.0, planimeter = 0.0;
  for (double a : kParcelsExact) expected += a;
  for (double a : kParcelsPlanimeter) planimeter += a;
  const double total = summarize_areas(many, options).total_m2;
  EXPECT_LE(relative_difference(total, 250 * expected), 1e-9);
  EXPECT_NEAR(total, 250 * planimeter, 250 * 12 * kPlanimeterRounding);
}

TEST(AreaSummary, UnknownGroupFieldIsUsageError) {
  Layer parcels = read_layer(data_path("area/parcels_4527.shp"));
  AreaOptions options;
  options.group_field = "DLBM";
  try {
    summarize_areas(parcels, options);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("BSM, HXLX"), std::string::npos) << e.what();
  }
}

TEST(AreaMethodNames, OneTableNamesParsesAndListsInMessages) {
  EXPECT_EQ(area_method_names(), (std::vector<std::string>{"ellipsoidal", "survey", "planar"}));
  for (const std::string& name : area_method_names()) EXPECT_EQ(method_name(parse_area_method(name)), name);
  EXPECT_EQ(parse_area_method("GEODESIC"), AreaMethod::Ellipsoidal);
  EXPECT_EQ(parse_area_method("椭球面积"), AreaMethod::Survey);
  EXPECT_EQ(method_name(kDefaultAreaMethod), "ellipsoidal");
  EXPECT_EQ(AreaOptions{}.method, kDefaultAreaMethod);
  try {
    parse_area_method("spherical");
    ADD_FAILURE() << "spherical accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown area method 'spherical' (expected ellipsoidal, survey or planar)");
  }
}

}  // namespace
}  // namespace redline
