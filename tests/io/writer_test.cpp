// GeoPackageWriter (redline/io/writer.h): layers, fields and values, geometries as MultiPolygon,
// read back through the library's own reader (GDAL). Output safety is tested in
// output_path_test.cpp.
#include "redline/io/writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::work_dir;

const std::vector<Field> kFields = {
    {"name", FieldType::Text, 0, 0}, {"count", FieldType::Integer, 0, 0}, {"share", FieldType::Real, 0, 0}};

TEST(GeoPackageWriter, LayersFieldsAndValuesReadBack) {
  const std::string target = work_dir("writer_layers") + "/out.gpkg";
  const Crs crs = Crs::from_user_input("EPSG:4527");
  {
    GeoPackageWriter out(target, {});
    out.begin_layer("first", crs, kFields);
    out.add_feature(Geometry::from_wkt("POLYGON((39500000 2800000,39500100 2800000,39500100 2800050,"
                                       "39500000 2800050,39500000 2800000))"),
                    {std::string("水源涵养"), std::int64_t{42}, 0.25});
    out.add_feature(Geometry::from_wkt("MULTIPOLYGON(((39500200 2800000,39500210 2800000,"
                                       "39500210 2800010,39500200 2800000)))"),
                    {std::monostate{}, std::int64_t{-7}, std::monostate{}});
    out.begin_layer("second", crs, {{"id", FieldType::Integer, 0, 0}});
    out.add_feature(Geometry::from_wkt("POLYGON((39500000 2800000,39500001 2800000,39500001 2800001,"
                                       "39500000 2800000))"),
                    {std::int64_t{1}});
    out.commit();
  }
  EXPECT_EQ(list_layers(target), (std::vector<std::string>{"first", "second"}));

  ReadOptions options;
  options.layer = "first";
  const Layer first = read_layer(target, options);
  EXPECT_TRUE(first.crs.equivalent_to(crs));
  EXPECT_EQ(first.driver, "GPKG");
  ASSERT_EQ(first.fields.size(), 3u);
  EXPECT_EQ(first.fields[0].name, "name");
  EXPECT_EQ(first.fields[0].type, FieldType::Text);
  EXPECT_EQ(first.fields[1].type, FieldType::Integer);
  EXPECT_EQ(first.fields[2].type, FieldType::Real);
  ASSERT_EQ(first.features.size(), 2u);
  const Feature& a = first.features[0];
  EXPECT_EQ(std::get<std::string>(a.values[0]), "水源涵养");
  EXPECT_EQ(std::get<std::int64_t>(a.values[1]), 42);
  EXPECT_EQ(std::get<double>(a.values[2]), 0.25);
  // Written as MultiPolygon, area kept: 100 x 50 m.
  EXPECT_EQ(a.geometry.type(), GeometryType::MultiPolygon);
  EXPECT_DOUBLE_EQ(a.geometry.planar_area(), 5000.0);
  const Feature& b = first.features[1];
  EXPECT_TRUE(std::holds_alternative<std::monostate>(b.values[0]));
  EXPECT_EQ(std::get<std::int64_t>(b.values[1]), -7);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(b.values[2]));
  EXPECT_DOUBLE_EQ(b.geometry.planar_area(), 50.0);  // right triangle, legs 10

  options.layer = "second";
  const Layer second = read_layer(target, options);
  ASSERT_EQ(second.features.size(), 1u);
  EXPECT_EQ(second.fields[0].name, "id");
  EXPECT_DOUBLE_EQ(second.features[0].geometry.planar_area(), 0.5);
}

TEST(GeoPackageWriter, NullAndEmptyGeometriesAreWrittenEmpty) {
  const std::string target = work_dir("writer_empty") + "/out.gpkg";
  {
    GeoPackageWriter out(target, {});
    out.begin_layer("holes", Crs::from_user_input("EPSG:4527"), {{"id", FieldType::Integer, 0, 0}});
    out.add_feature(Geometry(), {std::int64_t{1}});
    out.add_feature(Geometry::from_wkt("POLYGON EMPTY"), {std::int64_t{2}});
    out.commit();
  }
  const Layer back = read_layer(target);
  ASSERT_EQ(back.features.size(), 2u);
  for (const Feature& f : back.features) {
    EXPECT_TRUE(f.geometry.is_empty());
    EXPECT_EQ(f.geometry.planar_area(), 0.0);
  }
  EXPECT_EQ(back.report.features, 2u);
}

TEST(GeoPackageWriter, DuplicateLayerNameSpendsTheWriterAndWritesNothing) {
  const std::string dir = work_dir("writer_duplicate");
  const std::string target = dir + "/out.gpkg";
  const Crs crs = Crs::from_user_input("EPSG:4527");
  {
    GeoPackageWriter out(target, {});
    out.begin_layer("same", crs, kFields);
    EXPECT_THROW(out.begin_layer("same", crs, kFields), OutputError);
    EXPECT_THROW(out.commit(), OutputError);  // spent
  }
  EXPECT_EQ(test::read_file(target), "");  // never written
  EXPECT_TRUE(test::snapshot_files(dir, "").empty()) << "a temporary was left behind";
}

TEST(GeoPackageWriter, RefusesATargetThatIsAnInputAndLeavesItAlone) {
  const std::string dir = work_dir("writer_input");
  const std::string input = dir + "/in.gpkg";
  const std::string bytes = test::read_file(test::data_path("io/two_layers.gpkg"));
  ASSERT_FALSE(bytes.empty());
  {
    std::ofstream out(input, std::ios::binary);
    out << bytes;
  }
  EXPECT_THROW(GeoPackageWriter(input, {input}), UsageError);
  EXPECT_EQ(test::read_file(input), bytes);
}

}  // namespace
}  // namespace redline
