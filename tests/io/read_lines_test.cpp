// Reading line layers (ReadOptions::geometry): types, Z dropped, curves, null/empty, degenerate
// lines under each policy, the wrong geometry refused in plain words, the CRS checks.
// Data: tests/data/lines/make_lines.py.
#include <gtest/gtest.h>

#include <string>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/io/source_info.h"
#include "support/read_as.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;
using test::data_path;
using test::read_error;

ReadOptions lines_of(const std::string& layer, InvalidPolicy policy = kDefaultInvalidPolicy) {
  return test::read_options_as(layer, LayerGeometry::Lines, policy);
}

const FeatureIssue* issue_of(const Layer& layer, std::int64_t fid) {
  for (const FeatureIssue& is : layer.report.issues) {
    if (is.fid == fid) return &is;
  }
  return nullptr;
}

TEST(ReadLines, KeepsLinesAndMultiLinesDropsZCountsNullAndEmpty) {
  const Layer layer = read_layer(data_path("lines/lines_4490.gpkg"), lines_of("lines"));
  EXPECT_EQ(layer.geometry, LayerGeometry::Lines);
  ASSERT_EQ(layer.features.size(), 7u);  // degenerate kept under Repair
  EXPECT_EQ(layer.features[0].geometry.type_name(), "LineString");
  EXPECT_EQ(layer.features[1].geometry.type_name(), "MultiLineString");
  EXPECT_EQ(layer.features[2].geometry.to_wkt(2), "LINESTRING (115.55 25.4, 115.65 25.42)");
  EXPECT_TRUE(layer.features[3].geometry.is_null());
  EXPECT_TRUE(layer.features[4].geometry.is_empty());
  EXPECT_EQ(layer.report.flattened, 1u);
  EXPECT_EQ(layer.report.null_geometries, 1u);
  EXPECT_EQ(layer.report.empty_geometries, 1u);
  EXPECT_EQ(layer.report.skipped, 0u);
}

TEST(ReadLines, DegenerateLineKeptAsEmptyAndLoudUnderRepair) {
  std::string warned;
  ReadOptions o = lines_of("lines");
  o.warn = [&](const std::string& w) { warned += w; };
  const Layer layer = read_layer(data_path("lines/lines_4490.gpkg"), o);
  EXPECT_EQ(layer.report.degenerate_lines, 1u);
  const FeatureIssue* is = issue_of(layer, 6);
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->kind, FeatureIssue::Kind::DegenerateLine);
  EXPECT_EQ(to_string(is->kind), "degenerate line");
  EXPECT_EQ(is->action, FeatureIssue::Action::Counted);
  EXPECT_DOUBLE_EQ(*is->x, 115.6);
  EXPECT_TRUE(layer.features[5].geometry.is_empty());
  EXPECT_TRUE(contains(warned, "feature 6: fewer than 2 distinct vertices")) << warned;
  EXPECT_TRUE(contains(warned, "kept with length 0")) << warned;
}

TEST(ReadLines, DegenerateLineLeftOutUnderSkip) {
  const Layer layer = read_layer(data_path("lines/lines_4490.gpkg"), lines_of("lines", InvalidPolicy::Skip));
  ASSERT_EQ(layer.features.size(), 6u);
  for (const Feature& f : layer.features) EXPECT_NE(f.fid, 6);
  EXPECT_EQ(layer.report.skipped, 1u);
  EXPECT_EQ(issue_of(layer, 6)->action, FeatureIssue::Action::Skipped);
}

TEST(ReadLines, DegenerateLineRefusedUnderFailAndRepairStrict) {
  for (InvalidPolicy p : {InvalidPolicy::Fail, InvalidPolicy::RepairStrict}) {
    const InputError e = read_error(data_path("lines/lines_4490.gpkg"), lines_of("lines", p));
    EXPECT_EQ(e.where().feature, 6);
    EXPECT_TRUE(contains(e.reason(), "degenerate line: fewer than 2 distinct vertices")) << e.reason();
  }
}

TEST(ReadLines, CurvesLinearisedWithANote) {
  const Layer layer = read_layer(data_path("lines/lines_4490.gpkg"), lines_of("curves"));
  ASSERT_EQ(layer.features.size(), 1u);
  EXPECT_EQ(layer.report.linearised, 1u);
  EXPECT_EQ(layer.features[0].geometry.type_name(), "LineString");
  EXPECT_GT(layer.features[0].geometry.num_points(), 10);  // the arc became many segments
}

TEST(ReadLines, PolygonReaderRefusesLinesInPlainWords) {
  ReadOptions o;
  o.layer = "lines";
  const InputError e = read_error(data_path("lines/lines_4490.gpkg"), o);
  EXPECT_EQ(e.reason(),
            "the layer holds lines (Multi Line String), not polygons: areas are measured on polygons; "
            "measure lines by length (redline length, or measure = \"length\" in a check)");
}

TEST(ReadLines, LineReaderRefusesPolygonsAndPoints) {
  const InputError polygons = read_error(data_path("lines/lines_4490.gpkg"), lines_of("zones"));
  EXPECT_EQ(polygons.reason(), "the layer holds polygons (Polygon), not lines: lengths are measured on lines; "
                               "measure polygons by area (redline area)");
  const InputError points = read_error(data_path("lines/lines_4490.gpkg"), lines_of("points"));
  EXPECT_EQ(points.reason(), "the layer holds Point geometries: redline measures lines");
}

TEST(ReadLines, AnyReadsWhatTheLayerDeclares) {
  ReadOptions o = lines_of("zones");
  o.geometry = LayerGeometry::Any;
  EXPECT_EQ(read_layer(data_path("lines/lines_4490.gpkg"), o).geometry, LayerGeometry::Polygons);
  o.layer = "lines";
  EXPECT_EQ(read_layer(data_path("lines/lines_4490.gpkg"), o).geometry, LayerGeometry::Lines);
  EXPECT_EQ(layer_geometry_name(LayerGeometry::Any), "any");
}

TEST(ReadLines, CrsContradictedByCoordinatesIsRefusedForLines) {
  // A line declared EPSG:4490 (degrees) whose coordinates are Gauss-Krüger metres.
  const InputError e = read_error(data_path("lines/lines_4490.gpkg"), lines_of("metres"));
  EXPECT_TRUE(contains(e.reason(), "4490") || contains(e.reason(), "degree")) << e.reason();
}

TEST(ReadLines, InfoDescribesALineLayer) {
  InspectOptions o;
  o.layer = "lines";
  const SourceInfo info = inspect_source(data_path("lines/lines_4490.gpkg"), o);
  ASSERT_EQ(info.layers.size(), 1u);
  EXPECT_TRUE(info.layers[0].lines);
  EXPECT_FALSE(info.layers[0].polygonal);
  EXPECT_EQ(info.layers[0].degenerate_lines, 1u);
  EXPECT_EQ(info.layers[0].problem, "");
}

}  // namespace
}  // namespace redline
