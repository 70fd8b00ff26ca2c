// The one builder of checks from key/value parameters: what the rules reader and the quick form
// of `redline check` share. Expected specs are written by hand from the parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "redline/checks/check_spec_builder.h"
#include "redline/checks/rules.h"
#include "redline/error.h"

namespace redline {
namespace {

CheckParameter word(const std::string& key, const std::string& value, const std::string& name = "") {
  return {key, CheckValue::word(value), name};
}

CheckValue text(const std::string& value, std::size_t line = 0) {
  CheckValue v;
  v.text = value;
  v.line = line;
  return v;
}

CheckValue number(double value, std::size_t line = 0, bool decimal = true) {
  CheckValue v;
  v.type = CheckValue::Type::Number;
  v.number = value;
  v.decimal = decimal;
  v.line = line;
  return v;
}

CheckValue list(const std::vector<std::string>& values, std::size_t line = 0) {
  CheckValue v;
  v.type = CheckValue::Type::List;
  v.line = line;
  for (const std::string& s : values) v.items.push_back({"", text(s, line), ""});
  return v;
}

CheckValue table(const std::vector<std::pair<std::string, CheckValue>>& items, std::size_t line = 0) {
  CheckValue v;
  v.type = CheckValue::Type::Table;
  v.line = line;
  for (const auto& [k, value] : items) v.items.push_back({k, value, ""});
  return v;
}

// Returns what() of the UsageError building throws ("" when it builds).
std::string refusal(const std::vector<CheckParameter>& p, const CheckSpecContext& context = {}) {
  try {
    build_check_spec(p, context);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(CheckSpecBuilder, NotReducedFromWords) {
  const CheckSpec s = build_check_spec({word("kind", "not-reduced"), word("layer", "a.gpkg"),
                                        word("layer_name", "redline"), word("baseline", "75587.98ha"),
                                        word("previous", "b.gpkg"), word("previous_layer", "redline"),
                                        word("key", "BSM"), word("label", "HXMC"), word("by", "HXLX"),
                                        word("where", "XFZT=已修复,在修复"), word("unit", "mu"),
                                        word("method", "planar"), word("name", "面积不减少")});
  EXPECT_EQ(s.kind, CheckKind::NotReduced);
  EXPECT_EQ(s.name, "面积不减少");
  EXPECT_EQ(s.layer.path, "a.gpkg");
  EXPECT_EQ(s.layer.layer, "redline");
  ASSERT_TRUE(s.baseline_m2.has_value());
  EXPECT_DOUBLE_EQ(*s.baseline_m2, 755879800.0);  // 75587.98 ha × 10 000 m²/ha
  ASSERT_TRUE(s.previous.has_value());
  EXPECT_EQ(s.previous->path, "b.gpkg");
  EXPECT_EQ(s.previous->layer, "redline");
  EXPECT_EQ(s.key, "BSM");
  EXPECT_EQ(s.label, "HXMC");
  EXPECT_EQ(s.by, "HXLX");
  ASSERT_EQ(s.where.size(), 1u);
  EXPECT_EQ(s.where.at("XFZT"), (std::vector<std::string>{"已修复", "在修复"}));
  EXPECT_EQ(s.unit, AreaUnit::Mu);
  EXPECT_EQ(s.method, AreaMethod::Planar);
}

TEST(CheckSpecBuilder, NotReducedGroupBaselinesFromATable) {
  const CheckSpec s = build_check_spec(
      {{"kind", text("not-reduced"), ""}, {"layer", text("a.gpkg"), ""}, {"by", text("HXLX"), ""},
       {"baseline", table({{"水源涵养", text("100ha")}, {"生物多样性维护", text("1500亩")}}), ""}});
  EXPECT_FALSE(s.baseline_m2.has_value());
  ASSERT_EQ(s.group_baselines_m2.size(), 2u);
  EXPECT_DOUBLE_EQ(s.group_baselines_m2.at("水源涵养"), 1.0e6);
  EXPECT_DOUBLE_EQ(s.group_baselines_m2.at("生物多样性维护"), 1.0e6);  // 1500 亩 × 10000/15 m²
}

TEST(CheckSpecBuilder, NatureUnchanged) {
  const CheckSpec s = build_check_spec({word("kind", "nature-unchanged"), word("layer", "a.gpkg"),
                                        word("previous", "b.gpkg"), word("field", "HXLX")});
  EXPECT_EQ(s.kind, CheckKind::NatureUnchanged);
  EXPECT_EQ(s.field, "HXLX");
  EXPECT_EQ(s.unit, kDefaultCheckUnit);
  EXPECT_EQ(s.method, kDefaultCheckMethod);
}

TEST(CheckSpecBuilder, FunctionNotLoweredOrderFromAWordOrAList) {
  const std::vector<std::string> order = {"核心区", "缓冲区", "实验区"};
  const CheckSpec from_word = build_check_spec({word("kind", "function-not-lowered"), word("layer", "a.gpkg"),
                                                word("previous", "b.gpkg"), word("field", "GNFQ"),
                                                word("order", "核心区,缓冲区,实验区")});
  EXPECT_EQ(from_word.order, order);
  const CheckSpec from_list = build_check_spec({{"kind", text("function-not-lowered"), ""}, {"layer", text("a.gpkg"), ""},
                                                {"previous", text("b.gpkg"), ""}, {"field", text("GNFQ"), ""},
                                                {"order", list(order), ""}});
  EXPECT_EQ(from_list.order, order);
}

TEST(CheckSpecBuilder, MinSharePercentFromAWordOrANumber) {
  const CheckSpec s = build_check_spec({word("kind", "min-share"), word("layer", "a.gpkg"), word("within", "b.gpkg"),
                                        word("within_layer", "county"), word("min_percent", "27.87%"),
                                        word("share_of", "within")});
  EXPECT_EQ(s.kind, CheckKind::MinShare);
  ASSERT_TRUE(s.within.has_value());
  EXPECT_EQ(s.within->layer, "county");
  EXPECT_DOUBLE_EQ(*s.min_percent, 27.87);
  EXPECT_EQ(s.share_of, ShareOf::Within);
  const CheckSpec n = build_check_spec({{"kind", text("min-share"), ""}, {"layer", text("a.gpkg"), ""},
                                        {"within", text("b.gpkg"), ""}, {"min_percent", number(52), ""}});
  EXPECT_DOUBLE_EQ(*n.min_percent, 52.0);
  EXPECT_EQ(n.share_of, kDefaultShareOf);
}

TEST(CheckSpecBuilder, ShareOfZonesDefaultsAndZones) {
  const CheckSpec d = build_check_spec({word("kind", "share-of-zones"), word("layer", "a.gpkg"), word("min_percent", "50")});
  EXPECT_FALSE(d.zones.has_value());  // the default zones, kDefaultProtectedZones, apply when run
  EXPECT_EQ(d.field, "");
  const CheckSpec z = build_check_spec({word("kind", "share-of-zones"), word("layer", "a.gpkg"),
                                        word("min_percent", "50"), word("zones", "岸线保护区")});
  EXPECT_EQ(*z.zones, std::vector<std::string>{"岸线保护区"});
  // A single text in a rules file is a list of one.
  const CheckSpec t = build_check_spec({{"kind", text("share-of-zones"), ""}, {"layer", text("a.gpkg"), ""},
                                        {"min_percent", number(50), ""}, {"zones", text("岸线保留区"), ""}});
  EXPECT_EQ(*t.zones, std::vector<std::string>{"岸线保留区"});
}

TEST(CheckSpecBuilder, PathsStartAtTheBaseFolderAndPlaceholderIsKept) {
  CheckSpecContext c;
  c.base_dir = "/rules";
  const CheckSpec kept = build_check_spec(
      {word("kind", "not-reduced"), word("layer", "{delivery}/redline.shp"), word("previous", "base/../base/redline.shp")},
      c);
  EXPECT_EQ(kept.layer.path, "{delivery}/redline.shp");
  EXPECT_EQ(kept.previous->path, "/rules/base/redline.shp");
  const CheckSpec as_given = build_check_spec({word("kind", "not-reduced"), word("layer", "./a.gpkg"),
                                               word("baseline", "1ha")});
  EXPECT_EQ(as_given.layer.path, "./a.gpkg");  // no base folder: the path as typed
}

TEST(CheckSpecBuilder, ContextGivesDefaultsSourceAndDescription) {
  CheckSpecContext c;
  c.unit = AreaUnit::SquareKilometre;
  c.method = AreaMethod::Survey;
  c.source = "r.toml, check 1, line 1";
  const CheckSpec s = build_check_spec({word("kind", "not-reduced"), word("layer", "a.gpkg"), word("baseline", "1km2")}, c);
  EXPECT_EQ(s.unit, AreaUnit::SquareKilometre);
  EXPECT_EQ(s.method, AreaMethod::Survey);
  EXPECT_EQ(s.source, "r.toml, check 1, line 1");
}

TEST(CheckSpecBuilder, ARulesTableAndCommandLineWordsBuildTheSameCheck) {
  const RuleSet rules = parse_rules(
      "[[check]]\nkind = \"min-share\"\nlayer = \"/d/a.gpkg\"\nlayer_name = \"wetlands\"\nwithin = \"/d/b.gpkg\"\n"
      "within_layer = \"reserves\"\nmin_percent = 27.87\nshare_of = \"within\"\nwhere = { X = [\"a\", \"b\"] }\n"
      "unit = \"mu\"\nmethod = \"survey\"\n",
      "/d/r.toml");
  ASSERT_EQ(rules.checks.size(), 1u);
  const CheckSpec& t = rules.checks[0];
  const CheckSpec w = build_check_spec({word("kind", "min-share"), word("layer", "/d/a.gpkg"), word("layer_name", "wetlands"),
                                        word("within", "/d/b.gpkg"), word("within_layer", "reserves"),
                                        word("min_percent", "27.87"), word("share_of", "within"), word("where", "X=a,b"),
                                        word("unit", "mu"), word("method", "survey")});
  EXPECT_EQ(t.kind, w.kind);
  EXPECT_EQ(t.layer.label(), w.layer.label());
  EXPECT_EQ(t.within->label(), w.within->label());
  EXPECT_EQ(t.min_percent, w.min_percent);
  EXPECT_EQ(t.share_of, w.share_of);
  EXPECT_EQ(t.where, w.where);
  EXPECT_EQ(t.unit, w.unit);
  EXPECT_EQ(t.method, w.method);
}

TEST(CheckSpecBuilder, EveryKeyIsListed) {
  const std::vector<std::string> keys = check_parameter_keys();
  EXPECT_EQ(keys.size(), 28u);
  for (const char* k : {"name", "kind", "description", "layer", "layer_name", "previous", "previous_layer", "baseline",
                        "key", "label", "by", "field", "order", "within", "within_layer", "min_percent", "share_of",
                        "zones", "where", "unit", "method", "measure", "with", "max_overlap", "max_area",
                        "max_percent", "max_gap", "sliver_width"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << k;
  }
}

struct Refused {
  const char* what;
  std::vector<CheckParameter> parameters;
  std::string message;  // a part of what() that says what is wrong
};

// Every refusal, each with its message: named check, line when known, the parameter as spelled.
TEST(CheckSpecBuilder, EveryRefusalNamesTheCheckAndTheParameter) {
  const CheckParameter nr = word("kind", "not-reduced");
  const CheckParameter a = word("layer", "a.gpkg");
  const CheckParameter one_ha = word("baseline", "1ha");
  const CheckParameter ms = word("kind", "min-share");
  const CheckParameter sz = word("kind", "share-of-zones");
  const CheckParameter p50 = word("min_percent", "50");
  const CheckParameter fl = word("kind", "function-not-lowered");
  const CheckParameter b = word("previous", "b.gpkg");
  const CheckParameter field = word("field", "GNFQ");
  const std::vector<Refused> cases = {
      {"unknown key", {nr, a, one_ha, {"baseine", text("2ha", 7), ""}}, "check 'not-reduced': line 7: unknown key 'baseine'; expected one of: "},
      {"key twice", {nr, a, one_ha, word("baseline", "2ha", "--baseline")}, "check 'not-reduced': --baseline is given twice"},
      {"placeholder outside a path", {nr, a, one_ha, word("key", "{delivery}")}, "'key' holds {delivery}, which is replaced only in"},
      {"placeholder inside a path", {nr, word("layer", "data/{delivery}.gpkg"), one_ha}, "'layer': {delivery} stands for a delivery's whole path and must begin it"},
      {"missing kind", {a, one_ha}, "'kind' is missing"},
      {"unknown kind", {word("kind", "smaller"), a}, "unknown check kind 'smaller' (expected not-reduced, nature-unchanged, function-not-lowered, min-share, share-of-zones, no-overlap, max-inside or no-gaps)"},
      {"missing layer", {nr, one_ha}, "check 'not-reduced': 'layer' is missing"},
      {"text of another type", {nr, a, one_ha, {"key", number(5, 4), ""}}, "check 'not-reduced': line 4: 'key' must be a text in quotes"},
      {"empty text", {nr, a, one_ha, word("by", "", "--by")}, "--by is empty; leave it out, or give it a value"},
      {"layer name without its path", {nr, a, one_ha, word("previous_layer", "x", "--previous-layer")}, "--previous-layer is given without 'previous'"},
      {"previous is the layer", {nr, a, word("previous", "a.gpkg")}, "'previous' is the layer checked itself"},
      {"within is the layer", {ms, a, word("within", "a.gpkg"), p50}, "'within' is the layer checked itself"},
      {"NaN baseline", {nr, a, word("baseline", "nanha", "--baseline")}, "check 'not-reduced': --baseline: area 'nanha' is not a number"},
      {"zero baseline", {nr, a, word("baseline", "0ha")}, "baseline: baseline '0ha' is 0"},
      {"baseline of another type", {nr, a, {"baseline", number(75587.98, 3), ""}}, "line 3: 'baseline' must be an area with its unit"},
      {"empty baseline table", {nr, a, word("by", "HXLX"), {"baseline", table({}, 5), ""}}, "line 5: 'baseline' is an empty table"},
      {"group baseline not a text", {nr, a, word("by", "HXLX"), {"baseline", table({{"A", number(1, 6)}}, 5), ""}}, "line 6: baseline of group 'A' must be an area with its unit"},
      {"bad group baseline", {nr, a, word("by", "HXLX"), {"baseline", table({{"B", text("nanha", 6)}}, 5), ""}}, "line 6: baseline of group 'B': area 'nanha' is not a number"},
      {"where without =", {nr, a, one_ha, word("where", "XFZT", "--where")}, "--where XFZT: expected FIELD=VALUE[,VALUE...]"},
      {"where without a field", {nr, a, one_ha, word("where", "=a", "--where")}, "--where =a: expected FIELD=VALUE"},
      {"where field twice", {nr, a, one_ha, word("where", "X=a", "--where"), word("where", "X=b", "--where")}, "--where names the field X twice"},
      {"where without values", {nr, a, one_ha, word("where", "X=", "--where")}, "--where X is an empty list"},
      {"where of another type", {nr, a, one_ha, {"where", text("X", 8), ""}}, "line 8: 'where' must be a table"},
      {"empty where table", {nr, a, one_ha, {"where", table({}, 8), ""}}, "line 8: 'where' is an empty table"},
      {"where names no field", {nr, a, one_ha, {"where", table({{"", text("v", 8)}}, 8), ""}}, "line 8: 'where' names a field \"\""},
      {"where value twice", {nr, a, one_ha, {"where", table({{"X", list({"v", "v"}, 9)}}, 8), ""}}, "line 9: 'where.X' holds 'v' twice"},
      {"order not texts", {fl, a, b, field, {"order", [] { CheckValue l = list({"核心区"}, 6); l.items.push_back({"", number(2, 6), ""}); return l; }(), ""}}, "line 6: 'order' must hold texts only"},
      {"order of another type", {fl, a, b, field, {"order", number(1, 6), ""}}, "line 6: 'order' must be a list of texts"},
      {"order twice", {fl, a, b, field, word("order", "a,b,a", "--order")}, "--order holds 'a' twice"},
      {"order with an empty item", {fl, a, b, field, word("order", "a,,b", "--order")}, "--order holds an empty value \"\""},
      {"empty zones", {sz, a, p50, word("zones", "", "--zones")}, "--zones is an empty list"},
      {"percent as text", {ms, a, word("within", "b.gpkg"), {"min_percent", text("52", 6), ""}}, "line 6: 'min_percent' must be a number"},
      {"hex percent", {ms, a, word("within", "b.gpkg"), {"min_percent", number(16, 6, false), ""}}, "line 6: 'min_percent' must be a decimal number"},
      {"percent above 100", {ms, a, word("within", "b.gpkg"), {"min_percent", number(100.5, 6), ""}}, "line 6: 'min_percent': percentage 100.5 is above 100"},
      {"percent word above 100", {sz, a, word("min_percent", "101", "--min-percent")}, "--min-percent: percentage '101': percentage 101 is above 100"},
      {"unknown share_of", {ms, a, word("within", "b.gpkg"), p50, word("share_of", "county")}, "unknown share_of 'county' (expected layer or within)"},
      {"unknown share_of from an option", {ms, a, word("within", "b.gpkg"), p50, word("share_of", "county", "--share-of")},
       "check 'min-share': --share-of: unknown share_of 'county'"},
      {"check named by its name before its kind", {word("name", "我的"), nr, a, one_ha, word("key", "{delivery}")},
       "check '我的': 'key' holds {delivery}"},
      {"unknown unit", {nr, a, one_ha, {"unit", text("acres", 9), ""}}, "line 9: unknown area unit 'acres'"},
      {"unknown method", {nr, a, one_ha, {"method", text("guess", 9), ""}}, "'guess'"},
      {"value of no type", {nr, a, one_ha, [] { CheckParameter p{"label", {}, ""}; p.value.type = CheckValue::Type::Other; return p; }()}, "'label' must be a text in quotes"},
      // What validate_check refuses comes through, naming the check.
      {"missing baseline", {nr, a}, "check 'not-reduced': not-reduced needs a baseline"},
      {"parameter of another kind", {nr, a, one_ha, word("min_percent", "5")}, "'min_percent' does not apply to not-reduced"},
      {"label without key", {nr, a, b, word("label", "HXMC")}, "give 'key' too"},
      {"nature-unchanged without field", {word("kind", "nature-unchanged"), a, b}, "needs the attribute to compare"},
      {"function-not-lowered without order", {fl, a, b, field}, "function-not-lowered needs 'order'"},
      {"min-share without within", {ms, a, p50}, "min-share needs 'within'"},
      {"share-of-zones without min_percent", {sz, a}, "needs 'min_percent'"},
  };
  for (const Refused& r : cases) {
    SCOPED_TRACE(r.what);
    const std::string e = refusal(r.parameters);
    ASSERT_FALSE(e.empty()) << "built";
    EXPECT_TRUE(contains(e, r.message)) << e;
    EXPECT_FALSE(contains(e, "\n")) << e;
  }
}

TEST(CheckSpecBuilder, ErrorsPointAtTheFileAndUseTheGivenDescription) {
  CheckSpecContext c;
  c.description = "check 'c' (check 1, line 1)";
  c.file = Location{"dir/RULES.toml", "", std::nullopt, ""};
  c.source = "check 1, line 1";
  const std::string e = refusal({{"kind", text("not-reduced", 2), ""}, {"layer", text("a.gpkg", 3), ""},
                                 {"baseline", text("-1ha", 4), ""}},
                                c);
  EXPECT_EQ(e, "dir/RULES.toml: check 'c' (check 1, line 1): line 4: baseline: area '-1ha' is negative");
  // validate_check's refusals point at the file too, naming the check by its source.
  const std::string v = refusal({{"name", text("c", 2), ""}, {"kind", text("not-reduced", 2), ""},
                                 {"layer", text("a.gpkg", 3), ""}},
                                c);
  EXPECT_EQ(v.rfind("dir/RULES.toml: check 'c' (check 1, line 1): not-reduced needs a baseline", 0), 0u) << v;
}

}  // namespace
}  // namespace redline
