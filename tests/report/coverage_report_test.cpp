// The coverage report (redline/report/coverage_report.h): the feature listing's names and
// default, and the JSON text `redline coverage --format json` prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/overlay/coverage.h"
#include "redline/report/coverage_report.h"
#include "overlay/overlay_cases.h"
#include "report/tool_json.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::read_cases;

TEST(CoverageReport, FeatureListingNamesComeFromOneTable) {
  for (const FeatureListing l : {FeatureListing::None, FeatureListing::Inside, FeatureListing::All}) {
    EXPECT_EQ(parse_feature_listing(feature_listing_name(l)), l);
  }
  EXPECT_EQ(parse_feature_listing("ALL"), FeatureListing::All);  // any ASCII case, as before
  EXPECT_EQ(feature_listing_choices(), "none, inside or all");
  try {
    parse_feature_listing("bogus");
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "unknown feature listing 'bogus' (expected none, inside or all)");
  }
}

TEST(CoverageReport, DefaultListingIsTheConflictListUnlessGrouped) {
  EXPECT_EQ(default_feature_listing(false), FeatureListing::Inside);
  EXPECT_EQ(default_feature_listing(true), FeatureListing::None);
  EXPECT_EQ(CoverageReportOptions().listing, default_feature_listing(false));
}

TEST(CoverageReport, JsonTextIsWhatTheToolPrints) {
  CoverageOptions options;
  options.id_field = "NAME";
  CoverageResult r = compute_coverage(read_cases("targets"), read_cases("cover"), options);
  CoverageReportOptions o;
  o.unit = AreaUnit::SquareMetre;
  o.format = OutputFormat::Json;
  const nlohmann::ordered_json j = test::expect_tool_json(coverage_report_json(r, o), render_coverage_report(r, o),
                                                          "{\n  \"unit\": \"m2\",\n  \"method\": ");
  // Oracle (tests/oracles/overlay_small_oracle.py): plain is 8999.999999 m² inside.
  bool found = false;
  for (const auto& f : j["inside"]) {
    if (f["id"] == "plain") {
      found = true;
      EXPECT_NEAR(f["inside"].get<double>(), 8999.999999, 1e-3);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(j["read"]["target"]["repair_delta"].is_number(), true);
  EXPECT_EQ(j["read"]["cover"]["repair_delta"].get<double>(), 0.0);  // nothing repaired in the cover
}

TEST(CoverageReport, JsonOfAnUndecodableNameIsValidUtf8) {
  CoverageResult r = compute_coverage(read_cases("targets"), read_cases("cover"));
  r.target.layer = "\xC9\xFA\xCC\xAC";  // 生态 in GBK: not UTF-8
  const std::string text = coverage_report_json(r, {});
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  EXPECT_NE(j["target"]["layer"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace redline
