// The area report (redline/report/area_report.h): its JSON contract, CSV and the read lines.
#include "redline/report/area_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace redline {
namespace {

AreaSummary sample_summary() {
  AreaSummary s;
  s.origin.source = "redline.shp";
  s.origin.layer = "redline";
  s.group_field = "HXLX";
  s.total_m2 = 25000.0;
  s.features = {{0, "0", "水源涵养", 10000.0}, {1, "1", "水土保持", 15000.0}};
  s.groups = {{"水土保持", 1, 15000.0}, {"水源涵养", 1, 10000.0}};
  s.origin.read.features = 3;
  s.origin.read.null_geometries = 1;
  return s;
}

TEST(AreaReport, JsonContract) {
  AreaReportOptions options;
  options.unit = AreaUnit::Mu;
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(area_report_json(sample_summary(), options));
  EXPECT_EQ(j["unit"], "mu");
  EXPECT_EQ(j["method"], "ellipsoidal");
  EXPECT_DOUBLE_EQ(j["total"].get<double>(), 37.5);  // 25 000 m² x 15 / 10 000
  EXPECT_EQ(j["features"], 2);
  ASSERT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["groups"][0]["key"], "水土保持");
  EXPECT_DOUBLE_EQ(j["groups"][0]["area"].get<double>(), 22.5);
  EXPECT_EQ(j["read"]["null_geometries"], 1);
  EXPECT_FALSE(j.contains("feature_areas"));
}

TEST(AreaReport, CsvHoldsTheGroupsWithPercentages) {
  AreaReportOptions options;
  options.format = OutputFormat::Csv;
  EXPECT_EQ(render_area_report(sample_summary(), options),
            "HXLX,features,area (ha),%\r\n"
            "水土保持,1,1.50,60.00\r\n"
            "水源涵养,1,1.00,40.00\r\n"
            "total,2,2.50,100.00\r\n");
}

TEST(AreaReport, ReadLinesStateRepairsAndNulls) {
  ReadReport r;
  r.invalid = 2;
  r.repaired = 1;
  r.skipped = 1;
  r.null_geometries = 1;
  FeatureIssue is;
  is.fid = 7;
  is.reason = "Self-intersection";
  is.action = FeatureIssue::Action::Repaired;
  is.x = 1.0, is.y = 2.0;
  r.issues.push_back(is);
  const std::vector<std::string> lines = read_report_lines(r, 5000.0, AreaUnit::Hectare);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "2 invalid polygon(s): 1 repaired, 1 skipped; repair changed the area by +0.5000 ha");
  EXPECT_EQ(lines[1], "  feature 7: Self-intersection at (1.000, 2.000) (repaired)");
  EXPECT_EQ(lines[2], "1 feature(s) with no geometry (area 0)");
}

TEST(AreaReport, JsonIsWhatRenderPrints) {
  AreaReportOptions options;
  options.format = OutputFormat::Json;
  options.list_features = true;
  const std::string text = area_report_json(sample_summary(), options);
  EXPECT_EQ(render_area_report(sample_summary(), options), text);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.rfind("{\n  \"source\": \"redline.shp\",\n", 0), 0u) << text;  // indented by 2
}

}  // namespace
}  // namespace redline
