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

// A check whose layer is given: the line numbers below count from its "[[check]]" at line 1.
std::string check(const std::string& name, const std::string& more) {
  return "[[check]]\nname = \"" + name + "\"\nlayer = \"a.gpkg\"\n" + more;
}

struct Hostile {
  const char* what;       // the class of mistake
  std::string toml;       // the rules text
  std::string line;       // "line N" the message names (the key's line)
  std::string word;       // a word of the reason
};

// Every class of threshold or parameter that makes no sense is refused, naming the rules file,
// the check and the line, in one line. Lines counted by hand from the text.
TEST(Rules, HostileRulesAreRefusedNamingFileCheckAndLine) {
  const std::string nr = "kind = \"not-reduced\"\n";  // line 4
  const std::string ms = "kind = \"min-share\"\nwithin = \"b.gpkg\"\n";  // lines 4, 5
  const std::string sz = "kind = \"share-of-zones\"\nmin_percent = 50\n";  // lines 4, 5
  const std::string fl = "kind = \"function-not-lowered\"\nprevious = \"b.gpkg\"\nfield = \"GNFQ\"\n";  // 4-6
  const std::vector<Hostile> cases = {
      {"NaN baseline", check("c", nr + "baseline = \"nanha\"\n"), "line 5:", "not a number"},
      {"infinite baseline", check("c", nr + "baseline = \"infha\"\n"), "line 5:", "not a number"},
      {"negative baseline", check("c", nr + "baseline = \"-75587.98ha\"\n"), "line 5:", "negative"},
      {"overflowing baseline", check("c", nr + "baseline = \"1e400ha\"\n"), "line 5:", "out of range"},
      {"hex baseline", check("c", nr + "baseline = \"0x10ha\"\n"), "line 5:", "hexadecimal"},
      {"empty baseline", check("c", nr + "baseline = \"\"\n"), "line 5:", "not a number"},
      {"junk after baseline", check("c", nr + "baseline = \"75ha x\"\n"), "line 5:", "unknown unit 'ha x'"},
      {"unknown unit", check("c", nr + "baseline = \"75 acres\"\n"), "line 5:", "unknown unit 'acres'"},
      {"zero baseline", check("c", nr + "baseline = \"0ha\"\n"), "line 5:", "could never fail"},
      {"baseline as a number", check("c", nr + "baseline = 75587.98\n"), "line 5:", "with its unit"},
      {"bad group baseline", check("c", nr + "by = \"HXLX\"\nbaseline = { A = \"1ha\", B = \"nanha\" }\n"), "line 6:",
       "group 'B'"},
      {"empty baseline table", check("c", nr + "by = \"HXLX\"\nbaseline = {}\n"), "line 6:", "empty table"},
      {"NaN percent", check("c", ms + "min_percent = nan\n"), "line 6:", "not a finite number"},
      {"infinite percent", check("c", ms + "min_percent = inf\n"), "line 6:", "not a finite number"},
      {"negative percent", check("c", ms + "min_percent = -5\n"), "line 6:", "negative"},
      {"percent above 100", check("c", ms + "min_percent = 100.5\n"), "line 6:", "above 100"},
      {"hex percent", check("c", ms + "min_percent = 0x10\n"), "line 6:", "hexadecimal"},
      {"octal percent", check("c", ms + "min_percent = 0o17\n"), "line 6:", "hexadecimal, octal or binary"},
      {"zero percent", check("c", ms + "min_percent = 0\n"), "line 6:", "could never fail"},
      {"percent as text", check("c", ms + "min_percent = \"52\"\n"), "line 6:", "must be a number"},
      {"empty zones", check("c", sz + "zones = []\n"), "line 6:", "empty list"},
      {"zone twice", check("c", sz + "zones = [\"岸线保护区\", \"岸线保护区\"]\n"), "line 6:", "'岸线保护区' twice"},
      {"empty zone", check("c", sz + "zones = [\"岸线保护区\", \"\"]\n"), "line 6:", "empty value"},
      {"order twice", check("c", fl + "order = [\"核心区\", \"缓冲区\", \"核心区\"]\n"), "line 7:", "'核心区' twice"},
      {"order not texts", check("c", fl + "order = [\"核心区\", 2]\n"), "line 7:", "texts only"},
      {"empty where", check("c", nr + "baseline = \"1ha\"\nwhere = {}\n"), "line 6:", "empty table"},
      {"where without values", check("c", nr + "baseline = \"1ha\"\nwhere = { XFZT = [] }\n"), "line 6:", "empty list"},
      {"missing kind", check("c", ""), "check 1, line 1", "'kind' is missing"},
      {"missing layer", "[[check]]\nname = \"c\"\nkind = \"not-reduced\"\nbaseline = \"1ha\"\n", "check 1, line 1",
       "'layer' is missing"},
      {"missing baseline", check("c", nr), "check 1, line 1", "needs a baseline"},
      {"empty layer path", "[[check]]\nname = \"c\"\nlayer = \"\"\n" + nr + "baseline = \"1ha\"\n", "line 3:", "empty"},
      {"name not a text", "[[check]]\nname = 5\nlayer = \"a.gpkg\"\n" + nr + "baseline = \"1ha\"\n", "line 2:",
       "text in quotes"},
      {"key not a text", check("c", nr + "baseline = \"1ha\"\nkey = 5\n"), "line 6:", "text in quotes"},
      {"by empty", check("c", nr + "previous = \"b.gpkg\"\nby = \"\"\n"), "line 6:", "empty"},
      {"previous is the layer", check("c", nr + "previous = \"a.gpkg\"\n"), "line 5:", "itself"},
      {"previous is the layer by another path", check("c", nr + "previous = \"./x/../a.gpkg\"\n"), "line 5:", "itself"},
      {"within is the layer", check("c", "kind = \"min-share\"\nwithin = \"a.gpkg\"\nmin_percent = 5\n"), "line 5:",
       "itself"},
      {"label without key", check("c", nr + "previous = \"b.gpkg\"\nlabel = \"HXMC\"\n"), "check 1, line 1",
       "give 'key' too"},
      {"placeholder in a layer name", check("c", nr + "baseline = \"1ha\"\nlayer_name = \"{delivery}\"\n"), "line 6:",
       "replaced only in"},
      {"placeholder inside a path", "[[check]]\nname = \"c\"\nlayer = \"data/{delivery}.gpkg\"\n" + nr +
       "baseline = \"1ha\"\n", "line 3:", "must begin it"},
      {"unknown key", check("c", nr + "baseline = \"1ha\"\nbaseine = \"2ha\"\n"), "line 6:", "'baseine'"},
      {"unknown unit of a check", check("c", nr + "baseline = \"1ha\"\nunit = \"acres\"\n"), "line 6:",
       "unknown area unit 'acres'"},
      {"unknown method of a check", check("c", nr + "baseline = \"1ha\"\nmethod = \"guess\"\n"), "line 6:",
       "guess"},
  };
  for (const Hostile& h : cases) {
    std::string e;
    try {
      parse_rules(h.toml, "dir/RULES.toml");
    } catch (const UsageError& err) {
      e = err.what();
    }
    SCOPED_TRACE(h.what);
    ASSERT_FALSE(e.empty()) << "accepted:\n" << h.toml;
    EXPECT_EQ(e.rfind("dir/RULES.toml: ", 0), 0u) << e;
    const std::string named = std::string(h.what) == "name not a text" ? "check 1 (line 1)" : "'c' (check 1, line 1)";
    EXPECT_NE(e.find(named), std::string::npos) << e;
    EXPECT_NE(e.find(h.line), std::string::npos) << e;
    EXPECT_NE(e.find(h.word), std::string::npos) << e;
    EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  }
}

TEST(Rules, TopLevelDefaultsOfAnotherTypeOrUnknownAreRefused) {
  const std::string c = check("c", "kind = \"not-reduced\"\nbaseline = \"1ha\"\n");
  for (const std::string& top : {"unit = 5\n" + c, "method = true\n" + c, "title = 1\n" + c, std::string("check = 1\n"),
                                 "unit = \"acres\"\n" + c, "method = \"guess\"\n" + c}) {
    try {
      parse_rules(top, "r.toml");
      ADD_FAILURE() << "accepted: " << top;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("r.toml: line 1: "), std::string::npos) << e.what();
    } catch (const InputError& e) {
      ADD_FAILURE() << top << e.what();  // all valid TOML
    }
  }
}

TEST(Rules, TwoChecksWithOneNameAreRefused) {
  const std::string nr = "kind = \"not-reduced\"\nbaseline = \"1ha\"\n";
  try {
    parse_rules(check("same", nr) + check("same", nr), "r.toml");
    FAIL() << "accepted";
  } catch (const UsageError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("'same' (check 2, line 6): line 7:"), std::string::npos) << m;
    EXPECT_NE(m.find("check at line 1"), std::string::npos) << m;
  }
}

TEST(Rules, OverflowingTomlNumberIsRefused) {
  // toml++ itself refuses a float literal beyond the double range; whatever it does, never a figure.
  const std::string c = check("c", "kind = \"min-share\"\nwithin = \"b.gpkg\"\nmin_percent = 1e400\n");
  EXPECT_ANY_THROW(parse_rules(c, "r.toml"));
  try {
    parse_rules(c, "r.toml");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("line 6"), std::string::npos) << e.what();
  }
}

TEST(Rules, PlaceholderAtTheStartAndRelativePathsAreKept) {
  const RuleSet r = parse_rules("[[check]]\nkind = \"not-reduced\"\nlayer = \"{delivery}/redline.shp\"\n"
                                "previous = \"base/redline.shp\"\n",
                                "/rules/r.toml");
  EXPECT_EQ(r.checks[0].layer.path, "{delivery}/redline.shp");
  EXPECT_EQ(r.checks[0].previous->path, "/rules/base/redline.shp");
}

}  // namespace
}  // namespace redline
