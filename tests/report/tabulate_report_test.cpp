// The tabulation report (redline/report/tabulate_report.h): the JSON text `redline tabulate
// --format json` prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/overlay/tabulate.h"
#include "redline/report/tabulate_report.h"
#include "overlay/overlay_cases.h"
#include "report/tool_json.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

TEST(TabulateReport, JsonTextIsWhatTheToolPrints) {
  TabulateOptions options;
  options.class_field = "CLASS";
  const Layer zones = read_cases("zones"), classes = read_cases("classes");
  const TabulateResult r = tabulate(zones, classes, options);
  TabulateReportOptions o;
  o.format = OutputFormat::Json;
  const nlohmann::ordered_json j = test::expect_tool_json(tabulate_report_json(r, o), render_tabulate_report(r, o),
                                                          "{\n  \"unit\": \"ha\",\n  \"rows\": [");
  ASSERT_EQ(j["rows"].size(), r.cells.size());
  EXPECT_TRUE(j["zone_field"].is_null());
  EXPECT_EQ(j["class_field"], options.class_field);
  EXPECT_TRUE(j["read"]["zones"].contains("repair_delta"));
  EXPECT_TRUE(j["read"]["classes"].contains("repair_delta"));
}

}  // namespace
}  // namespace redline
