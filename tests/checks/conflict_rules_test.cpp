// Rules files with the conflict checks: [[check.with]] tables, max_* limits, sliver_width.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "redline/checks/rules.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

std::string rules(const std::string& name) { return test::data_path("checks/" + name); }

TEST(ConflictRules, CheckWithTablesBecomeTheWithLayersInOrder) {
  const RuleSet r = load_rules(rules("conflicts.toml"));
  ASSERT_EQ(r.checks.size(), 4u);
  const CheckSpec& overlap = r.checks[0];
  EXPECT_EQ(overlap.kind, CheckKind::NoOverlap);
  ASSERT_EQ(overlap.with.size(), 2u);
  EXPECT_TRUE(std::filesystem::equivalent(overlap.with[0].path, test::data_path("checks/conflicts.gpkg")));
  EXPECT_EQ(overlap.with[0].layer, "farmland");
  EXPECT_EQ(overlap.with[1].layer, "development");
  EXPECT_FALSE(overlap.max_overlap_m2.has_value());  // the default, kDefaultMaxOverlap
  EXPECT_TRUE(r.checks[1].with.empty());             // against itself
  EXPECT_EQ(r.checks[2].kind, CheckKind::MaxInside);
  EXPECT_EQ(r.checks[2].max_area_m2, 0.0);
  EXPECT_EQ(r.checks[3].kind, CheckKind::NoGaps);
  EXPECT_DOUBLE_EQ(*r.checks[3].max_gap_m2, 15000.0);
  EXPECT_DOUBLE_EQ(*r.checks[3].sliver_width_m, 0.1);
}

// Returns the message of the UsageError loading the rules file `name` throws (fails without one).
std::string usage_error(const std::string& name) {
  std::string message;
  EXPECT_THROW(
      {
        try {
          load_rules(rules(name));
        } catch (const UsageError& e) {
          message = e.what();
          throw;
        }
      },
      UsageError);
  return message;
}

TEST(ConflictRules, AMisspeltKeyInAWithTableIsRefusedWithItsLine) {
  const std::string e = usage_error("conflicts_bad_with.toml");
  EXPECT_TRUE(test::contains(e, "conflicts_bad_with.toml")) << e;
  EXPECT_TRUE(test::contains(e, "'bad with'")) << e;
  EXPECT_TRUE(test::contains(e, "line 9")) << e;
  EXPECT_TRUE(test::contains(e, "unknown key 'layer_nmae'")) << e;
}

TEST(ConflictRules, WithTheCheckedLayerItselfIsRefused) {
  const std::string e = usage_error("conflicts_with_itself.toml");
  EXPECT_TRUE(test::contains(e, "the layer checked itself")) << e;
  EXPECT_TRUE(test::contains(e, "line 8")) << e;
}

}  // namespace
}  // namespace redline
