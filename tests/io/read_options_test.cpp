// ReadOptions (redline/io/layer.h): the invalid-polygon policy's names, the options' check, the
// names of what reading notices, and Layer's methods.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"

namespace redline {
namespace {

TEST(InvalidPolicy, Parses) {
  EXPECT_EQ(parse_invalid_policy("repair"), InvalidPolicy::Repair);
  EXPECT_EQ(parse_invalid_policy("SKIP"), InvalidPolicy::Skip);
  EXPECT_EQ(parse_invalid_policy("fail"), InvalidPolicy::Fail);
  EXPECT_THROW(parse_invalid_policy("ignore"), UsageError);
  EXPECT_EQ(parse_invalid_policy("repair-strict"), InvalidPolicy::RepairStrict);
  EXPECT_THROW(parse_invalid_policy("strict"), UsageError);
}

TEST(InvalidPolicy, NamesComeFromOneTable) {
  EXPECT_EQ(invalid_policy_names(), (std::vector<std::string>{"repair", "repair-strict", "skip", "fail"}));
  for (const std::string& name : invalid_policy_names()) {
    EXPECT_EQ(invalid_policy_name(parse_invalid_policy(name)), name);
  }
  EXPECT_EQ(invalid_policy_name(kDefaultInvalidPolicy), "repair");
  EXPECT_EQ(ReadOptions{}.invalid, kDefaultInvalidPolicy);
  try {
    parse_invalid_policy("ignore");
    ADD_FAILURE() << "ignore accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown invalid-polygon policy 'ignore' (expected repair, repair-strict, skip or fail)");
  }
}

TEST(ReadOptions, RepairToleranceMustBeAFinitePercentage) {
  ReadOptions options;
  EXPECT_EQ(options.repair_tolerance_percent, kDefaultRepairTolerancePercent);
  EXPECT_NO_THROW(check_read_options(options));
  options.repair_tolerance_percent = 0;
  EXPECT_NO_THROW(check_read_options(options));
  for (double bad : {-0.5, std::nan(""), std::numeric_limits<double>::infinity()}) {
    options.repair_tolerance_percent = bad;
    EXPECT_THROW(check_read_options(options), UsageError) << bad;
  }
}

TEST(FeatureIssue, KindAndActionNames) {
  EXPECT_EQ(to_string(FeatureIssue::Kind::NullGeometry), "null geometry");
  EXPECT_EQ(to_string(FeatureIssue::Kind::EmptyGeometry), "empty geometry");
  EXPECT_EQ(to_string(FeatureIssue::Kind::Invalid), "invalid polygon");
  EXPECT_EQ(to_string(FeatureIssue::Kind::NotPolygon), "not a polygon");
  EXPECT_EQ(to_string(FeatureIssue::Kind::Flattened), "Z/M dropped");
  EXPECT_EQ(to_string(FeatureIssue::Kind::Linearised), "curve linearised");
  EXPECT_EQ(to_string(FeatureIssue::Action::Counted), "counted");
  EXPECT_EQ(to_string(FeatureIssue::Action::Repaired), "repaired");
  EXPECT_EQ(to_string(FeatureIssue::Action::Skipped), "skipped");
}

TEST(Layer, FieldIndexCloneAndWhere) {
  Layer layer;
  layer.source = "a.shp";
  layer.name = "a";
  layer.fields = {{"BSM", FieldType::Text, 0, 0}, {"HXLX", FieldType::Text, 0, 0}};
  layer.features.push_back(Feature{3, Geometry::from_wkt("POLYGON((0 0,2 0,2 2,0 0))"), {std::string("x"), std::string("y")},
                                   Geometry::from_wkt("POLYGON((0 0,3 0,3 3,0 0))")});
  EXPECT_EQ(layer.field_index("HXLX"), 1u);
  try {
    layer.field_index("DLBM");
    ADD_FAILURE() << "unknown field accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "no field 'DLBM' (fields: BSM, HXLX)");
    EXPECT_EQ(e.where().file, "a.shp");
  }
  const Location at = layer.where(3);
  EXPECT_EQ(at.file, "a.shp");
  EXPECT_EQ(at.layer, "a");
  EXPECT_EQ(at.feature, 3);
  Layer copy = layer.clone();
  layer.features.clear();
  ASSERT_EQ(copy.features.size(), 1u);
  EXPECT_DOUBLE_EQ(copy.features[0].geometry.planar_area(), 2.0);
  EXPECT_DOUBLE_EQ(copy.features[0].original.planar_area(), 4.5);
  EXPECT_EQ(copy.fields.size(), 2u);
}

}  // namespace
}  // namespace redline
