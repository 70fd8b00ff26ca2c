// read_layer() and inspect_source() on the deliveries of tests/data/io (made by
// tests/oracles/make_test_data.py): encodings, missing CRS, null/empty/Z geometries, invalid
// polygons under each policy, several layers, damaged and unsuitable files.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/io/source_info.h"
#include "redline/measure/area.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::contains;

std::string text_value(const Layer& layer, std::size_t feature, const std::string& field) {
  return std::get<std::string>(layer.features[feature].values[layer.field_index(field)]);
}

using test::read_error;

TEST(ReadLayer, GbkWithoutCpgReadsChineseWithEncodingGbk) {
  ReadOptions options;
  options.encoding = "GBK";
  Layer layer = read_layer(data_path("io/gbk_nocpg.shp"), options);
  ASSERT_EQ(layer.fields.size(), 2u);
  EXPECT_EQ(layer.fields[1].name, "红线类型");
  ASSERT_EQ(layer.features.size(), 12u);
  // make_test_data.py: feature k has HXLX[k % 3].
  EXPECT_EQ(text_value(layer, 0, "红线类型"), "水源涵养");
  EXPECT_EQ(text_value(layer, 1, "红线类型"), "生物多样性维护");
  EXPECT_EQ(text_value(layer, 2, "红线类型"), "水土保持");
  EXPECT_EQ(layer.report.encoding, "GBK");
}

TEST(ReadLayer, GbkWithoutCpgIsRefusedWithEncodingHint) {
  const InputError e = read_error<InputError>(data_path("io/gbk_nocpg.shp"));
  EXPECT_EQ(e.where().file, data_path("io/gbk_nocpg.shp"));
  EXPECT_EQ(e.where().layer, "gbk_nocpg");
  // The library says which setting helps; the CLI spells it as its flag (tests/cli).
  EXPECT_EQ(e.hint().kind, HintKind::DeclareEncoding);
  EXPECT_EQ(e.hint().value, "GBK");
  EXPECT_TRUE(contains(e.what(), "declare the file's encoding (GBK")) << e.what();
  EXPECT_FALSE(contains(e.what(), "--")) << e.what();
  // The undecodable name is shown as bytes, not printed as mojibake: GBK 红 = BA EC.
  EXPECT_TRUE(contains(e.what(), "\\xBA\\xEC")) << e.what();
  const std::string message = e.what();
  EXPECT_TRUE(std::all_of(message.begin(), message.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      << "the message should be plain ASCII here: " << message;
}

TEST(ReadLayer, Ldid87HoldingGbkIsRefusedWithHint) {
  const InputError e = read_error<InputError>(data_path("io/ldid87_gbk.shp"));
  EXPECT_TRUE(contains(e.what(), "ISO-8859-1")) << e.what();
  EXPECT_TRUE(contains(e.what(), "GBK-encoded")) << e.what();
  EXPECT_EQ(e.hint().kind, HintKind::DeclareEncoding);
  EXPECT_EQ(e.hint().value, "GBK");

  ReadOptions options;
  options.encoding = "GBK";
  Layer layer = read_layer(data_path("io/ldid87_gbk.shp"), options);
  EXPECT_EQ(layer.fields[1].name, "红线类型");
  EXPECT_EQ(text_value(layer, 1, "红线类型"), "生物多样性维护");
}

TEST(ReadLayer, UtfEightCpgIsHonoured) {
  Layer layer = read_layer(data_path("area/parcels_4527.shp"));
  EXPECT_EQ(layer.report.encoding, "UTF-8");
  EXPECT_EQ(text_value(layer, 0, "HXLX"), "水源涵养");
}

TEST(ReadLayer, MissingPrjIsRefusedWithSuggestion) {
  const InputError e = read_error<InputError>(data_path("io/noprj_zone39.shp"));
  EXPECT_EQ(e.where().file, data_path("io/noprj_zone39.shp"));
  EXPECT_EQ(e.hint().kind, HintKind::AssumeCrs);
  EXPECT_EQ(e.hint().value, "EPSG:4527");
  EXPECT_TRUE(contains(e.what(), "if so, declare its CRS as EPSG:4527")) << e.what();
  EXPECT_FALSE(contains(e.what(), "--")) << e.what();

  ReadOptions options;
  options.assume_crs = "EPSG:4527";
  Layer layer = read_layer(data_path("io/noprj_zone39.shp"), options);
  EXPECT_EQ(layer.crs.epsg(), 4527);
  EXPECT_EQ(layer.features.size(), 12u);
}

TEST(ReadLayer, AssumedCrsThatDiffersFromTheSourceIsNoted) {
  ReadOptions options;
  options.assume_crs = "EPSG:4526";
  options.trust_crs = true;  // zone 38 contradicts the eastings' prefix 39 (crs_check_test.cpp)
  Layer layer = read_layer(data_path("area/parcels_4527.shp"), options);
  EXPECT_EQ(layer.crs.epsg(), 4526);
  ASSERT_EQ(layer.report.notes.size(), 2u);
  EXPECT_TRUE(contains(layer.report.notes[0], "EPSG:4527")) << layer.report.notes[0];
  EXPECT_TRUE(contains(layer.report.notes[1], "CRS trusted as asked")) << layer.report.notes[1];
}

TEST(ReadLayer, BadAssumedCrsIsUsageError) {
  ReadOptions options;
  options.assume_crs = "EPSG:0";
  EXPECT_THROW(read_layer(data_path("io/noprj_zone39.shp"), options), UsageError);
}

TEST(ReadLayer, NullAndEmptyGeometriesAreCountedAndKept) {
  Layer layer = read_layer(data_path("io/null_empty.gpkg"));
  EXPECT_EQ(layer.report.features, 3u);
  EXPECT_EQ(layer.report.null_geometries, 1u);
  EXPECT_EQ(layer.report.empty_geometries, 1u);
  ASSERT_EQ(layer.features.size(), 3u);
  EXPECT_TRUE(layer.features[1].geometry.is_null());
  EXPECT_TRUE(layer.features[2].geometry.is_empty());
  ASSERT_EQ(layer.report.issues.size(), 2u);
  EXPECT_EQ(layer.report.issues[0].kind, FeatureIssue::Kind::NullGeometry);
  EXPECT_EQ(layer.report.issues[0].fid, 2);  // GeoPackage FIDs start at 1
  EXPECT_EQ(layer.report.issues[1].kind, FeatureIssue::Kind::EmptyGeometry);

  Layer shp = read_layer(data_path("io/null_geom.shp"));
  EXPECT_EQ(shp.report.null_geometries, 1u);
  EXPECT_EQ(shp.features.size(), 2u);
}

TEST(ReadLayer, ZIsDroppedWithANote) {
  Layer layer = read_layer(data_path("io/polygon_z.shp"));
  EXPECT_EQ(layer.report.flattened, 1u);
  ASSERT_FALSE(layer.report.notes.empty());
  EXPECT_TRUE(contains(layer.report.notes[0], "Z/M values dropped")) << layer.report.notes[0];
  EXPECT_FALSE(contains(layer.features[0].geometry.to_wkt(), "Z"));
  // The same parcel without Z (make_test_data.py: parcel 0001) has the same planar area.
  Layer flat = read_layer(data_path("area/parcels_4527.shp"));
  EXPECT_EQ(layer.features[0].geometry.planar_area(), flat.features[0].geometry.planar_area());
}

// tests/data/io/bowtie.shp: FID 0 a 100 m square, FID 1 the bow tie A(0,0) B(200,100)
// C(150,25) D(0,100) (metres from 39 398 000, 2 822 600). Hand computation: its edges AB and CD
// cross at P(100,50); lobes DAP = 5000 m² and PBC = 2500 m².
TEST(ReadLayer, InvalidPolygonRepairedByDefault) {
  Layer layer = read_layer(data_path("io/bowtie.shp"));
  EXPECT_EQ(layer.report.invalid, 1u);
  EXPECT_EQ(layer.report.repaired, 1u);
  ASSERT_EQ(layer.features.size(), 2u);
  const Feature& bowtie = layer.features[1];
  EXPECT_FALSE(bowtie.original.is_null());
  EXPECT_DOUBLE_EQ(bowtie.geometry.planar_area(), 7500.0);  // both lobes
  ASSERT_EQ(layer.report.issues.size(), 1u);
  const FeatureIssue& issue = layer.report.issues[0];
  EXPECT_EQ(issue.fid, 1);
  EXPECT_EQ(issue.action, FeatureIssue::Action::Repaired);
  EXPECT_TRUE(contains(issue.reason, "Self-intersection")) << issue.reason;
  ASSERT_TRUE(issue.x && issue.y);
  EXPECT_DOUBLE_EQ(*issue.x, 39398100.0);  // P
  EXPECT_DOUBLE_EQ(*issue.y, 2822650.0);
}

TEST(ReadLayer, InvalidPolygonSkippedOnRequest) {
  ReadOptions options;
  options.invalid = InvalidPolicy::Skip;
  Layer layer = read_layer(data_path("io/bowtie.shp"), options);
  EXPECT_EQ(layer.report.invalid, 1u);
  EXPECT_EQ(layer.report.skipped, 1u);
  ASSERT_EQ(layer.features.size(), 1u);
  EXPECT_EQ(layer.features[0].fid, 0);
}

TEST(ReadLayer, InvalidPolygonFailsOnRequestNamingFeatureAndPlace) {
  ReadOptions options;
  options.invalid = InvalidPolicy::Fail;
  const InputError e = read_error<InputError>(data_path("io/bowtie.shp"), options);
  EXPECT_EQ(e.where().feature, 1);
  EXPECT_EQ(e.where().layer, "bowtie");
  EXPECT_TRUE(contains(e.what(), "Self-intersection at (39398100.000, 2822650.000)")) << e.what();
  EXPECT_TRUE(contains(e.what(), "feature 1")) << e.what();
}

TEST(ReadLayer, SourceWithTwoLayersNeedsALayerName) {
  const UsageError e = read_error<UsageError>(data_path("io/two_layers.gpkg"));
  EXPECT_TRUE(contains(e.what(), "parcels")) << e.what();
  EXPECT_TRUE(contains(e.what(), "reserves")) << e.what();
  EXPECT_EQ(e.hint().kind, HintKind::ChooseLayer);
  EXPECT_FALSE(contains(e.what(), "--")) << e.what();

  ReadOptions options;
  options.layer = "reserves";
  Layer layer = read_layer(data_path("io/two_layers.gpkg"), options);
  EXPECT_EQ(layer.name, "reserves");
  EXPECT_EQ(layer.features.size(), 2u);

  options.layer = "wetlands";
  const UsageError unknown = read_error<UsageError>(data_path("io/two_layers.gpkg"), options);
  EXPECT_TRUE(contains(unknown.what(), "wetlands")) << unknown.what();

  EXPECT_EQ(list_layers(data_path("io/two_layers.gpkg")),
            (std::vector<std::string>{"parcels", "reserves"}));
}

TEST(ReadLayer, EncodingIsIgnoredWithANoteForGeoPackage) {
  ReadOptions options;
  options.layer = "parcels";
  options.encoding = "GBK";
  Layer layer = read_layer(data_path("io/two_layers.gpkg"), options);
  EXPECT_EQ(layer.report.encoding, "UTF-8");
  ASSERT_FALSE(layer.report.notes.empty());
  EXPECT_TRUE(contains(layer.report.notes[0], "ignored")) << layer.report.notes[0];
}

TEST(ReadLayer, LineLayerIsRefused) {
  const InputError e = read_error<InputError>(data_path("io/lines.shp"));
  EXPECT_EQ(e.where().layer, "lines");
  EXPECT_TRUE(contains(e.what(), "Line String")) << e.what();
  EXPECT_TRUE(contains(e.what(), "polygons")) << e.what();
}

TEST(ReadLayer, NonexistentPathIsNamed) {
  const std::string path = data_path("io/no_such_file.shp");
  const InputError e = read_error<InputError>(path);
  EXPECT_EQ(e.where().file, path);
  EXPECT_TRUE(contains(e.what(), path)) << e.what();
}

TEST(ReadLayer, TruncatedShapefileIsRefused) {
  // The .shp lost its last 40%: GDAL hands the missing records over as null geometries with an
  // error; measuring them as 0 would silently shrink the total.
  const InputError e = read_error<InputError>(data_path("io/truncated.shp"));
  EXPECT_EQ(e.where().file, data_path("io/truncated.shp"));
  EXPECT_TRUE(e.where().feature.has_value());
  EXPECT_TRUE(contains(e.what(), "truncated")) << e.what();
}

TEST(ReadLayer, EmptyLayerReadsAsNoFeatures) {
  Layer layer = read_layer(data_path("io/empty.shp"));
  EXPECT_EQ(layer.features.size(), 0u);
  EXPECT_EQ(layer.report.features, 0u);
  EXPECT_EQ(layer.crs.epsg(), 4527);
}

TEST(InspectSource, ReportsWhatReadLayerWouldRefuse) {
  SourceInfo noprj = inspect_source(data_path("io/noprj_zone39.shp"));
  ASSERT_EQ(noprj.layers.size(), 1u);
  EXPECT_FALSE(noprj.layers[0].crs.is_known());
  EXPECT_EQ(noprj.layers[0].crs_guess.suggestion, "EPSG:4527");
  EXPECT_EQ(noprj.layers[0].features, 12u);

  SourceInfo lines = inspect_source(data_path("io/lines.shp"));
  EXPECT_FALSE(lines.layers[0].polygonal);
  EXPECT_TRUE(lines.layers[0].lines);  // described as a line layer, not refused (issue 10)
  EXPECT_TRUE(lines.layers[0].problem.empty()) << lines.layers[0].problem;

  SourceInfo gbk = inspect_source(data_path("io/gbk_nocpg.shp"));
  EXPECT_TRUE(contains(gbk.layers[0].problem, "is not valid text")) << gbk.layers[0].problem;
  EXPECT_EQ(gbk.layers[0].problem_hint.kind, HintKind::DeclareEncoding);

  SourceInfo two = inspect_source(data_path("io/two_layers.gpkg"));
  ASSERT_EQ(two.layers.size(), 2u);
  EXPECT_EQ(two.layers[0].name, "parcels");
  EXPECT_EQ(two.layers[1].features, 2u);

  SourceInfo bowtie = inspect_source(data_path("io/bowtie.shp"));
  EXPECT_EQ(bowtie.layers[0].invalid, 1u);
  SourceInfo nulls = inspect_source(data_path("io/null_empty.gpkg"));
  EXPECT_EQ(nulls.layers[0].null_geometries, 1u);
  EXPECT_EQ(nulls.layers[0].empty_geometries, 1u);
}

}  // namespace
}  // namespace redline
