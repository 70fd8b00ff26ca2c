// Deliveries (lib/checks/deliveries.cpp): the folder scan and {delivery} in the rules' paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "redline/checks/deliveries.h"
#include "redline/checks/rules.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

std::string rules(const std::string& name) { return test::data_path("checks/" + name); }

TEST(Deliveries, DeliveriesReplaceThePlaceholder) {
  const RuleSet r = load_rules(rules("deliveries.toml"));
  EXPECT_TRUE(r.uses_delivery);
  EXPECT_EQ(r.title, "交付检查");
  EXPECT_THROW(expand_deliveries(r, {}), UsageError);
  const std::vector<std::string> d = list_deliveries(rules("deliveries"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(std::filesystem::path(d[0]).filename(), "2024-01.gpkg");
  const std::vector<CheckSpec> specs = expand_deliveries(r, d);
  ASSERT_EQ(specs.size(), 5u);  // the shared check once, then two per delivery
  EXPECT_EQ(specs[0].name, "基线版面积");
  EXPECT_EQ(specs[0].delivery, "");
  EXPECT_EQ(specs[1].delivery, "2024-01.gpkg");
  EXPECT_EQ(specs[1].layer.path, d[0]);
  EXPECT_EQ(specs[3].delivery, "2024-02.gpkg");
  EXPECT_EQ(specs[4].layer.path, d[1]);
}

TEST(Deliveries, EmptyDeliveryIsRefused) {
  // "" would make "{delivery}/redline.shp" the absolute path "/redline.shp".
  const RuleSet r = parse_rules("[[check]]\nkind = \"not-reduced\"\nlayer = \"{delivery}/redline.shp\"\n"
                                "baseline = \"1ha\"\n",
                                "r.toml");
  ASSERT_TRUE(r.uses_delivery);
  EXPECT_THROW(expand_deliveries(r, {""}), UsageError);
}

TEST(Deliveries, DeliveriesForRulesWithoutThePlaceholderAreRefused) {
  // Running the same fixed layers once per delivery would report one delivery's figures as all.
  const RuleSet r = parse_rules("[[check]]\nkind = \"not-reduced\"\nlayer = \"redline.shp\"\n"
                                "baseline = \"1ha\"\n",
                                "r.toml");
  ASSERT_FALSE(r.uses_delivery);
  try {
    expand_deliveries(r, {"incoming/2024-01.gpkg"});
    ADD_FAILURE() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.reason(), "no path of the rules holds {delivery}: nothing to run per delivery");
    EXPECT_EQ(e.where().file, "r.toml");
  }
  EXPECT_EQ(expand_deliveries(r, {}).size(), 1u);
}

TEST(Deliveries, FolderWithoutDeliveriesIsRefused) {
  EXPECT_THROW(list_deliveries(test::work_dir("no_deliveries")), UsageError);
  EXPECT_THROW(list_deliveries(rules("small.toml")), InputError);
}

}  // namespace
}  // namespace redline
