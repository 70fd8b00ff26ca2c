// The check report (lib/report/check_report.cpp): the JSON contract as text, written by hand
// here, and the table beside it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/report/check_report.h"

namespace redline {
namespace {

CheckResult result(const std::string& name, CheckKind kind, bool passed, double value, double threshold,
                   const std::string& unit) {
  return CheckResult{name, kind, passed, value, threshold, ">=", unit, 2, "", "", "{}", {}, {}, {}};
}

CheckResult passed_result() {
  CheckResult r = result("面积", CheckKind::NotReduced, true, 2.5, 2.0, "ha");
  r.layer = "a.gpkg";
  r.details_json = R"({"area":2.5,"parts":[{"against":"the baseline","threshold":2.0,"passed":true}]})";
  r.notes = {"n"};
  return r;
}

TEST(CheckReport, JsonIsTheContractTextWithTheDetailsEmbedded) {
  const std::string expected = R"({
  "passed": true,
  "checks": [
    {
      "name": "面积",
      "kind": "not-reduced",
      "passed": true,
      "value": 2.5,
      "threshold": 2.0,
      "unit": "ha",
      "details": {
        "area": 2.5,
        "parts": [
          {
            "against": "the baseline",
            "threshold": 2.0,
            "passed": true
          }
        ]
      },
      "comparison": ">=",
      "margin": 0.5,
      "layer": "a.gpkg",
      "delivery": null,
      "findings": [],
      "notes": [
        "n"
      ]
    }
  ]
}
)";
  EXPECT_EQ(check_report_json({passed_result()}), expected);
  EXPECT_EQ(render_check_report({passed_result()}, OutputFormat::Json), expected);
}

TEST(CheckReport, DetailsKeepTheirOrderAndFigures) {
  CheckResult r = passed_result();
  // Keys out of alphabetical order, a figure with 17 significant digits, a large count.
  r.details_json = R"({"z":0.1234567890123456,"a":18446744073709551615,"m":-0.0,"n":null})";
  const std::string json = check_report_json({r});
  EXPECT_NE(json.find(R"("details": {
        "z": 0.1234567890123456,
        "a": 18446744073709551615,
        "m": -0.0,
        "n": null
      })"),
            std::string::npos)
      << json;
}

TEST(CheckReport, NoResultsIsNotPassed) {
  EXPECT_EQ(check_report_json({}), "{\n  \"passed\": false,\n  \"checks\": []\n}\n");
}

TEST(CheckReport, DetailsThatAreNoJsonObjectAreAnInternalError) {
  for (const std::string& bad : {std::string("[1]"), std::string("{"), std::string("")}) {
    CheckResult r = passed_result();
    r.details_json = bad;
    EXPECT_THROW(check_report_json({r}), InternalError) << bad;
  }
}

TEST(CheckReport, TableShowsValueThresholdMarginAndVerdict) {
  CheckResult failed = result("份额", CheckKind::MinShare, false, 84.254706, 84.7, "%");
  failed.findings = {"below"};
  failed.delivery = "2024-01.gpkg";
  const std::string text = render_check_report({passed_result(), failed}, OutputFormat::Text, "会昌县");
  for (const char* part : {"会昌县", "2.50 ha", "≥ 2.00 ha", "+0.50 ha", "达标", "84.25 %", "≥ 84.70 %", "-0.45 %",
                           "未达标", "2024-01.gpkg", "[2] 未达标: below", "[1] n",
                           "2 check(s): 1 达标 (passed), 1 未达标 (failed)"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  }
  const std::string csv = render_check_report({passed_result(), failed}, OutputFormat::Csv);
  EXPECT_EQ(csv.find("below"), std::string::npos) << csv;  // CSV: the table alone
}

}  // namespace
}  // namespace redline
