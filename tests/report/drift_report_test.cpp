// The drift report as JSON text: what `redline drift --format json` prints, built from a
// result written by hand (figures in m², reported in ha: 1 ha = 10 000 m²).
#include <gtest/gtest.h>

#include <string>

#include "redline/drift/drift.h"
#include "redline/report/drift_report.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::contains;

DriftResult hand_made() {
  DriftResult r;
  r.before.source = r.after.source = "v.gpkg";
  r.before.layer = "old";
  r.after.layer = "new";
  r.before_m2 = 20000.0;  // 2 ha
  r.after_m2 = 25000.0;   // 2.5 ha
  r.gained_m2 = 5000.5;
  r.gained_noise_m2 = 0.5;
  r.features.matched_by = "key";
  r.key_field = "BSM";
  FeatureDrift added;
  added.key = "K1";
  added.change = FeatureChange::Added;
  added.after_fid = 7;
  added.after_m2 = 5000.0;
  added.gained_m2 = 5000.0;
  r.changes.push_back(added);
  return r;
}

TEST(DriftReport, JsonIsTheTextTheToolPrints) {
  const std::string json = drift_report_json(hand_made(), AreaUnit::Hectare);
  EXPECT_EQ(json.rfind("{\n  \"unit\": \"ha\",\n  \"before\": 2.0,\n  \"after\": 2.5,\n  \"delta\": 0.5,", 0), 0u) << json;
  EXPECT_EQ(json.back(), '\n');
  EXPECT_TRUE(contains(json, "\"delta_percent\": 25.0,")) << json;
  EXPECT_TRUE(contains(json, "\"gained_real\": 0.5,")) << json;
  // A feature only in AFTER has no BEFORE fid: null, not -1.
  EXPECT_TRUE(contains(json, "\"change\": \"added\",\n      \"before_fid\": null,\n      \"after_fid\": 7,")) << json;
  EXPECT_TRUE(contains(json, "\"key\": \"BSM\",")) << json;
  EXPECT_TRUE(contains(json, "\"class_field\": null,")) << json;

  DriftReportOptions o;
  o.format = OutputFormat::Json;
  EXPECT_EQ(render_drift_report(hand_made(), o), json);
}

}  // namespace
}  // namespace redline
