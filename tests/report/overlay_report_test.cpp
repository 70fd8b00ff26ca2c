// The report of `redline overlay` (redline/report/overlay_report.h): the JSON text it prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/overlay/overlay.h"
#include "redline/report/overlay_report.h"
#include "overlay/overlay_cases.h"
#include "report/tool_json.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

TEST(OverlayReport, JsonTextIsWhatTheToolPrints) {
  OverlayOptions options;
  options.op = OverlayOp::Identity;
  const OverlayResult r = overlay_layers(read_cases("targets"), read_cases("cover"), options);
  OverlayReportOptions o;
  o.unit = AreaUnit::SquareMetre;
  o.format = OutputFormat::Json;
  const nlohmann::ordered_json j = test::expect_tool_json(overlay_report_json(r, o), render_overlay_report(r, o),
                                                          "{\n  \"op\": \"identity\",\n  \"unit\": \"m2\",");
  EXPECT_EQ(j["features"].get<std::size_t>(), r.features.size());
  EXPECT_EQ(j["from_both"].get<std::size_t>() + j["a_only"].get<std::size_t>(), r.features.size());
  EXPECT_NEAR(j["area"].get<double>(), r.total_m2, 1e-9);
  EXPECT_TRUE(j["read"]["a"].contains("repair_delta"));
}

}  // namespace
}  // namespace redline
