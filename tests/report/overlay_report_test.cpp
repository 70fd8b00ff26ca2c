// The report of `redline overlay` (redline/report/overlay_report.h): the JSON text it prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "redline/io/layer.h"
#include "redline/overlay/overlay.h"
#include "redline/report/overlay_report.h"
#include "support/test_support.h"

namespace redline {
namespace {

Layer read_cases(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(test::data_path("overlay/cases.gpkg"), o);
}

TEST(OverlayReport, JsonTextIsWhatTheToolPrints) {
  OverlayOptions options;
  options.op = OverlayOp::Identity;
  const OverlayResult r = overlay_layers(read_cases("targets"), read_cases("cover"), options);
  OverlayReportOptions o;
  o.unit = AreaUnit::SquareMetre;
  o.format = OutputFormat::Json;
  const std::string text = overlay_report_json(r, o);
  EXPECT_EQ(text, render_overlay_report(r, o));
  EXPECT_EQ(text.rfind("{\n  \"op\": \"identity\",\n  \"unit\": \"m2\",", 0), 0u) << text.substr(0, 80);
  EXPECT_EQ(text.substr(text.size() - 2), "}\n");
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(j["features"].get<std::size_t>(), r.features.size());
  EXPECT_EQ(j["from_both"].get<std::size_t>() + j["a_only"].get<std::size_t>(), r.features.size());
  EXPECT_NEAR(j["area"].get<double>(), r.total_m2, 1e-9);
  EXPECT_TRUE(j["read"]["a"].contains("repair_delta"));
}

}  // namespace
}  // namespace redline
