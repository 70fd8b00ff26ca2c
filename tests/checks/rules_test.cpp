// Rules files: parsing, errors that name the file and the check, deliveries.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "redline/checks/rules.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

std::string rules(const std::string& name) { return test::data_path("checks/" + name); }

// Returns the message of the Error load_rules() throws, "" when it does not.
template <typename E>
std::string load_error(const std::string& name) {
  try {
    load_rules(rules(name));
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

TEST(Rules, ChecksAreReadInOrderWithPathsBesideTheRulesFile) {
  const RuleSet r = load_rules(rules("small.toml"));
  ASSERT_EQ(r.checks.size(), 4u);
  EXPECT_EQ(r.checks[0].name, "edited not reduced");
  EXPECT_EQ(r.checks[0].kind, CheckKind::NotReduced);
  EXPECT_TRUE(std::filesystem::equivalent(r.checks[0].layer.path, test::data_path("drift/versions.gpkg")));
  EXPECT_EQ(r.checks[0].layer.layer, "edited");
  ASSERT_TRUE(r.checks[0].previous.has_value());
  EXPECT_EQ(r.checks[0].previous->layer, "base");
  EXPECT_DOUBLE_EQ(*r.checks[1].baseline_m2, 600000.0);  // "60ha"
  EXPECT_EQ(r.checks[2].kind, CheckKind::NatureUnchanged);
  EXPECT_EQ(r.checks[3].by, "HXLX");
  EXPECT_EQ(r.checks[3].unit, AreaUnit::SquareMetre);  // its own unit over the file's ha
  EXPECT_FALSE(r.uses_delivery);
}

TEST(Rules, SyntaxErrorNamesFileAndLine) {
  const std::string e = load_error<InputError>("bad_syntax.toml");
  EXPECT_NE(e.find("bad_syntax.toml"), std::string::npos) << e;
  EXPECT_NE(e.find("line 1"), std::string::npos) << e;
}

TEST(Rules, UnknownKindNamesTheCheck) {
  const std::string e = load_error<UsageError>("unknown_kind.toml");
  EXPECT_NE(e.find("unknown_kind.toml"), std::string::npos) << e;
  EXPECT_NE(e.find("'typo in kind'"), std::string::npos) << e;
  EXPECT_NE(e.find("not-reducd"), std::string::npos) << e;
}

TEST(Rules, UnknownKeyNamesTheCheckAndTheKey) {
  const std::string e = load_error<UsageError>("unknown_key.toml");
  EXPECT_NE(e.find("'typo in a key' (check 2, line 8)"), std::string::npos) << e;
  EXPECT_NE(e.find("baseine"), std::string::npos) << e;
}

TEST(Rules, AreaWithoutUnitIsRefused) {
  const std::string e = load_error<UsageError>("no_unit.toml");
  EXPECT_NE(e.find("baseline without unit"), std::string::npos) << e;
  EXPECT_NE(e.find("75587.98"), std::string::npos) << e;
}

TEST(Rules, MissingParameterNamesTheCheck) {
  const std::string e = load_error<UsageError>("missing_parameter.toml");
  EXPECT_NE(e.find("'order missing'"), std::string::npos) << e;
  EXPECT_NE(e.find("order"), std::string::npos) << e;
}

TEST(Rules, MissingRulesFileIsAnInputError) {
  EXPECT_NE(load_error<InputError>("nowhere.toml").find("nowhere.toml"), std::string::npos);
}

TEST(Rules, DeliveriesReplaceThePlaceholder) {
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

TEST(Rules, FolderWithoutDeliveriesIsRefused) {
  EXPECT_THROW(list_deliveries(test::work_dir("no_deliveries")), UsageError);
  EXPECT_THROW(list_deliveries(rules("small.toml")), InputError);
}

}  // namespace
}  // namespace redline
