// The tabulation report (redline/report/tabulate_report.h): the JSON text `redline tabulate
// --format json` prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/tabulate_report.h"
#include "support/test_support.h"

namespace redline {
namespace {

Layer read_cases(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(test::data_path("overlay/cases.gpkg"), o);
}

TEST(TabulateReport, JsonTextIsWhatTheToolPrints) {
  TabulateOptions options;
  options.class_field = "CLASS";
  const Layer zones = read_cases("zones"), classes = read_cases("classes");
  const TabulateResult r = tabulate(zones, classes, options);
  TabulateReportOptions o;
  o.format = OutputFormat::Json;
  const std::string text = tabulate_report_json(r, o);
  EXPECT_EQ(text, render_tabulate_report(r, o));
  EXPECT_EQ(text.rfind("{\n  \"unit\": \"ha\",\n  \"rows\": [", 0), 0u) << text.substr(0, 80);
  EXPECT_EQ(text.substr(text.size() - 2), "}\n");
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  ASSERT_EQ(j["rows"].size(), r.cells.size());
  EXPECT_TRUE(j["zone_field"].is_null());
  EXPECT_EQ(j["class_field"], options.class_field);
  EXPECT_TRUE(j["read"]["zones"].contains("repair_delta"));
  EXPECT_TRUE(j["read"]["classes"].contains("repair_delta"));
}

}  // namespace
}  // namespace redline
