// The catalogue of counties (lib/checks/catalogue.cpp): CSV as spreadsheets write it, paths
// against the catalogue's folder, and the checks of a county.
#include <gtest/gtest.h>

#include <string>

#include "redline/checks/catalogue.h"
#include "redline/checks/rules.h"
#include "redline/error.h"
#include "support/test_support.h"

namespace redline {
namespace {

TEST(Catalogue, ReadsColumnsInAnyOrderWithQuotesBomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBF" "name,delivery,code,boundary,boundary_layer\r\n"
      "\"会昌县, 赣州\",d/360733,360733,b.gpkg,county_360733\r\n"
      "\r\n"
      "\"寻乌\"\"县\"\"\",/abs/360734,360734,,\r\n";
  const Catalogue c = parse_catalogue(text, "data/counties.csv");
  ASSERT_EQ(c.counties.size(), 2u);
  EXPECT_EQ(c.counties[0].code, "360733");
  EXPECT_EQ(c.counties[0].name, "会昌县, 赣州");
  EXPECT_EQ(c.counties[0].delivery, "data/d/360733");  // against the catalogue's folder
  ASSERT_TRUE(c.counties[0].boundary);
  EXPECT_EQ(c.counties[0].boundary->path, "data/b.gpkg");
  EXPECT_EQ(c.counties[0].boundary->layer, "county_360733");
  EXPECT_EQ(c.counties[0].line, 2u);
  EXPECT_EQ(c.counties[1].name, "寻乌\"县\"");
  EXPECT_EQ(c.counties[1].delivery, "/abs/360734");
  EXPECT_FALSE(c.counties[1].boundary);
  EXPECT_EQ(c.counties[1].line, 4u);  // the blank line is skipped, still counted
}

TEST(Catalogue, QuotedLineBreaksKeepLineNumbers) {
  const std::string text = "code,name,delivery\n360733,\"会昌\n县\",a\n360733,x,b\n";
  try {
    parse_catalogue(text, "c.csv");
    FAIL() << "a duplicate code was accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "c.csv: line 4: county code 360733 is given twice (also on line 2)");
  }
}

TEST(Catalogue, RefusesWhatMakesNoSense) {
  EXPECT_THROW(parse_catalogue("code,name,delivery,code\n", "c.csv"), UsageError);   // named twice
  EXPECT_THROW(parse_catalogue("code,name,delivery\n36073a,x,d\n", "c.csv"), UsageError);
  EXPECT_THROW(parse_catalogue("code,name,delivery\n3607331,x,d\n", "c.csv"), UsageError);
  EXPECT_THROW(parse_catalogue("code,name,delivery\n360733,,d\n", "c.csv"), UsageError);  // no name
  EXPECT_THROW(parse_catalogue("code,name,delivery,boundary_layer\n360733,x,d,l\n", "c.csv"), UsageError);
  EXPECT_THROW(parse_catalogue("code,name,delivery\n360733,x\"y,d\n", "c.csv"), InputError);  // stray quote
  EXPECT_THROW(parse_catalogue("code,name,delivery\n360733,\"x\"y,d\n", "c.csv"), InputError);
  EXPECT_THROW(parse_catalogue("code,name,delivery\n360733,\xC3\x28,d\n", "c.csv"), InputError);  // not UTF-8
  EXPECT_THROW(parse_catalogue("\n\n", "c.csv"), UsageError);
  EXPECT_THROW(load_catalogue(test::data_path("cluster")), InputError);  // a folder
}

TEST(Catalogue, CountyChecksReplaceTheDelivery) {
  const RuleSet rules = load_rules(test::data_path("cluster/rules.toml"));
  const Catalogue c = load_catalogue(test::data_path("cluster/counties.csv"));
  ASSERT_EQ(c.counties.size(), 3u);
  const std::vector<CheckSpec> specs = county_checks(rules, c.counties[1]);
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].layer.path, test::data_path("cluster/deliveries/360782") + "/redline.geojson");
  ASSERT_TRUE(specs[1].within);
  EXPECT_EQ(specs[1].within->path, test::data_path("cluster/deliveries/360782") + "/county.geojson");
  // A rules file with a check on a shared layer: counted once per county, it is refused.
  const RuleSet shared = load_rules(test::data_path("checks/deliveries.toml"));
  EXPECT_THROW(county_checks(shared, c.counties[0]), UsageError);
}

TEST(Catalogue, BoundaryStandsForTheCountysBoundaryLayer) {
  const RuleSet rules = load_rules(test::data_path("cluster/rules_boundary.toml"));
  const Catalogue c = parse_catalogue("code,name,delivery,boundary,boundary_layer\n"
                                      "360781,a,d1,b.gpkg,county_360781\n360782,b,d2,,\n",
                                      "/data/counties.csv");
  const std::vector<CheckSpec> specs = county_checks(rules, c.counties[0]);
  ASSERT_EQ(specs.size(), 1u);
  ASSERT_TRUE(specs[0].within);
  EXPECT_EQ(specs[0].within->path, "/data/b.gpkg");
  EXPECT_EQ(specs[0].within->layer, "county_360781");
  EXPECT_EQ(specs[0].layer.path, "/data/d1/redline.geojson");
  try {
    county_checks(rules, c.counties[1]);
    FAIL() << "a county without a boundary ran a check on {boundary}";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("the catalogue gives county 360782 no boundary"), std::string::npos) << e.what();
  }
  // Outside a catalogue (redline check), {boundary} stands for nothing.
  EXPECT_THROW(expand_deliveries(rules, {"/data/d1"}), UsageError);
  // The whole path, and its layer from the catalogue only.
  const std::string head = "[[check]]\nkind = \"min-share\"\nlayer = \"{delivery}/r.shp\"\nmin_percent = 20\n";
  EXPECT_THROW(parse_rules(head + "within = \"{boundary}/county.shp\"\n", "r.toml"), UsageError);
  EXPECT_THROW(parse_rules(head + "within = \"{boundary}\"\nwithin_layer = \"county\"\n", "r.toml"), UsageError);
  EXPECT_NO_THROW(parse_rules(head + "within = \"{boundary}\"\n", "r.toml"));
  // What the run reads, the boundary-less county's delivery included, for the outputs' checks.
  const std::vector<std::string> inputs = catalogue_inputs(rules, c);
  const std::vector<std::string> expected = {test::data_path("cluster/rules_boundary.toml"), "/data/counties.csv",
                                             "/data/d1", "/data/b.gpkg", "/data/d1/redline.geojson", "/data/b.gpkg",
                                             "/data/d2"};
  EXPECT_EQ(inputs, expected);
}

}  // namespace
}  // namespace redline
