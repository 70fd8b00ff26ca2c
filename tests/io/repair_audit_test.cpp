// A repair never silently destroys area: read_layer() reports a repair that empties a feature or
// changes its area beyond ReadOptions::repair_tolerance_percent (notes and the warn callback),
// and refuses it under InvalidPolicy::RepairStrict. tests/data/io/repair_loss.gpkg, made by
// tests/oracles/make_hostile_data.py (REPAIR_LOSS gives the hand-computed areas):
//   FID 1 valid 100 m square; FID 2 two overlapping squares, 20000 → 15000 m²;
//   FID 3 a ring folded on a line, 0 m² → nothing; FID 4 a hole half outside, 9900 → 9950 m².
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::contains;

const FeatureIssue* issue_of(const Layer& layer, std::int64_t fid) {
  for (const FeatureIssue& is : layer.report.issues) {
    if (is.fid == fid) return &is;
  }
  return nullptr;
}

TEST(RepairAudit, AreasBeforeAndAfterAreRecorded) {
  const Layer layer = read_layer(data_path("io/repair_loss.gpkg"));
  EXPECT_EQ(layer.report.repaired, 3u);
  const FeatureIssue* overlap = issue_of(layer, 2);
  ASSERT_NE(overlap, nullptr);
  EXPECT_NEAR(*overlap->area_before, 20000.0, 1e-6);  // by hand: 2 × 100 × 100
  EXPECT_NEAR(*overlap->area_after, 15000.0, 1e-6);   // by hand: 150 × 100
  const FeatureIssue* hole = issue_of(layer, 4);
  ASSERT_NE(hole, nullptr);
  EXPECT_NEAR(*hole->area_before, 9900.0, 1e-6);  // by hand: 100² − 10²
  EXPECT_NEAR(*hole->area_after, 9950.0, 1e-6);   // by hand: 100² − 5 × 10
}

TEST(RepairAudit, LossBeyondToleranceIsWarnedNamingFeatureAndAreas) {
  ReadOptions options;
  std::vector<std::string> warnings;
  options.warn = [&](const std::string& line) { warnings.push_back(line); };
  const Layer layer = read_layer(data_path("io/repair_loss.gpkg"), options);
  EXPECT_EQ(layer.report.repairs_beyond_tolerance, 2u);  // FID 2 (-25 %) and FID 3 (emptied)
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_TRUE(contains(warnings[0], "repair_loss.gpkg: layer parcels: feature 2: "));
  EXPECT_TRUE(contains(warnings[0], "from 20000 m² to 15000 m² (-25.0 %, beyond the 1 % tolerance)"))
      << warnings[0];
  EXPECT_TRUE(contains(warnings[1], "feature 3: repair left nothing of the polygon")) << warnings[1];
  int noted = 0;
  for (const std::string& note : layer.report.notes) {
    noted += contains(note, "feature 2: repair changed the area") ||
             contains(note, "feature 3: repair left nothing");
  }
  EXPECT_EQ(noted, 2);
}

TEST(RepairAudit, ToleranceIsAnOption) {
  ReadOptions options;
  options.repair_tolerance_percent = 0.1;  // FID 4's +0.505 % is now beyond it
  EXPECT_EQ(read_layer(data_path("io/repair_loss.gpkg"), options).report.repairs_beyond_tolerance, 3u);
  options.repair_tolerance_percent = 30;  // only the emptied FID 3 remains
  EXPECT_EQ(read_layer(data_path("io/repair_loss.gpkg"), options).report.repairs_beyond_tolerance, 1u);
}

TEST(RepairAudit, StrictPolicyRefusesTheFirstLoss) {
  ReadOptions options;
  options.invalid = InvalidPolicy::RepairStrict;
  try {
    read_layer(data_path("io/repair_loss.gpkg"), options);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().feature, 2);
    EXPECT_TRUE(contains(e.reason(), "from 20000 m² to 15000 m²")) << e.what();
    EXPECT_TRUE(contains(e.reason(), "strict repair policy")) << e.what();
  }
}

TEST(RepairAudit, StrictPolicyAcceptsRepairsWithinTolerance) {
  ReadOptions options;
  options.invalid = InvalidPolicy::RepairStrict;
  const Layer valid = read_layer(data_path("area/parcels_4527.shp"), options);
  EXPECT_EQ(valid.features.size(), 12u);
  options.repair_tolerance_percent = 1e9;  // nothing but the emptied feature is beyond this
  try {
    read_layer(data_path("io/repair_loss.gpkg"), options);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().feature, 3);
  }
}

TEST(RepairAudit, ToleranceThatMakesNoSenseIsAUsageError) {
  for (double bad : {-1.0, std::nan(""), HUGE_VAL}) {
    ReadOptions options;
    options.repair_tolerance_percent = bad;
    EXPECT_THROW(read_layer(data_path("io/repair_loss.gpkg"), options), UsageError) << bad;
  }
}

}  // namespace
}  // namespace redline
