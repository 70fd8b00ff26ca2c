// run_guarded: every error is one line on stderr with the exit code of its kind, whatever was
// thrown; hints become the flag of the input concerned.
#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>

#include "cli/common.h"
#include "redline/error.h"

namespace redline::cli {
namespace {

struct Guarded {
  int code;
  std::string err;
};

Guarded guard(const std::function<int()>& body) {
  testing::internal::CaptureStderr();
  const int code = run_guarded(body);
  return {code, testing::internal::GetCapturedStderr()};
}

TEST(RunGuarded, InternalErrorThroughARethrowExitsFourNamingTheFeature) {
  // As a library catch site does with a GEOS failure met while working on feature 12.
  const Guarded g = guard([]() -> int {
    try {
      throw InternalError("GEOS intersection: TopologyException: side location conflict");
    } catch (const Error& e) {
      rethrow_with_location(e, Location{"a.gpkg", "redline", 12, ""});
    }
  });
  EXPECT_EQ(g.code, kInternalError);
  EXPECT_EQ(g.err,
            "redline: error: a.gpkg: layer redline: feature 12: GEOS intersection: TopologyException: side location "
            "conflict\n");
}

TEST(RunGuarded, KindsGiveTheirExitCodes) {
  EXPECT_EQ(guard([]() -> int { throw UsageError("u"); }).code, kUsageOrInput);
  EXPECT_EQ(guard([]() -> int { throw InputError("i"); }).code, kUsageOrInput);
  EXPECT_EQ(guard([]() -> int { throw OutputError("o"); }).code, kOutputError);
  EXPECT_EQ(guard([]() -> int { return kCheckFailed; }).code, kCheckFailed);
}

TEST(RunGuarded, MultiLineMessagesAreFoldedToOneLine) {
  const Guarded input = guard([]() -> int { throw InputError("GDAL: first line\nsecond line\r\n", Location{"x.shp", "", std::nullopt, ""}); });
  EXPECT_EQ(input.code, kUsageOrInput);
  EXPECT_EQ(input.err, "redline: error: x.shp: GDAL: first line second line\n");

  const Guarded other = guard([]() -> int { throw std::runtime_error("dependency said\nthis\tand that"); });
  EXPECT_EQ(other.code, kInternalError);
  EXPECT_EQ(other.err, "redline: error: internal error: dependency said this and that\n");
}

TEST(RunGuarded, AnythingElseThrownExitsFour) {
  const Guarded unknown = guard([]() -> int { throw 42; });
  EXPECT_EQ(unknown.code, kInternalError);
  EXPECT_EQ(unknown.err, "redline: error: internal error: an unknown exception\n");

  const Guarded memory = guard([]() -> int { throw std::bad_alloc(); });
  EXPECT_EQ(memory.code, kInternalError);
  EXPECT_EQ(memory.err, "redline: error: out of memory\n");
}

TEST(RunGuarded, ControlCharactersAreShownNotSent) {
  const Guarded g = guard([]() -> int { throw InputError("no such file", Location{"a\033[2Jb.shp", "", std::nullopt, ""}); });
  EXPECT_EQ(g.err, "redline: error: a\\x1b[2Jb.shp: no such file\n");
}

// The apps live as long as the program, as the CLI's do: the registry keeps pointers to them.
struct TwoInputs {
  CLI::App app{"test"};
  CLI::App* cmd = nullptr;
  InputArgs a, b;
  TwoInputs() {
    cmd = app.add_subcommand("two");
    cmd->add_option("A", a.path);
    cmd->add_option("B", b.path);
    add_input_options(*cmd, a);
    add_input_options(*cmd, b, "cover", "the cover");
    const char* argv[] = {"test", "two", "one.gpkg", "other.shp"};
    app.parse(4, const_cast<char**>(argv));
  }
};

TwoInputs& two_inputs() {
  static TwoInputs t;
  return t;
}

TEST(SpellHint, EachInputGetsItsOwnFlag) {
  TwoInputs& t = two_inputs();
  ASSERT_TRUE(t.cmd->parsed());
  EXPECT_EQ(spell_hint(Hint{HintKind::ChooseLayer, ""}, Location{"one.gpkg", "", std::nullopt, ""}), "choose one with --layer");
  EXPECT_EQ(spell_hint(Hint{HintKind::AssumeCrs, "EPSG:4527"}, Location{"other.shp", "other", std::nullopt, ""}),
            "if so, pass --cover-assume-crs EPSG:4527");
  EXPECT_EQ(spell_hint(Hint{HintKind::DeclareEncoding, "GBK"}, Location{"other.shp", "other", 3, "NAME"}),
            "pass the file's encoding explicitly (--cover-encoding GBK for most Chinese shapefiles)");
  EXPECT_EQ(spell_hint(Hint{HintKind::InvalidPolicy, ""}, Location{"other.shp", "", std::nullopt, ""}), "use --cover-invalid repair or skip to go on");
  EXPECT_EQ(spell_hint(Hint{}, Location{"other.shp", "", std::nullopt, ""}), "");
}

TEST(SpellHint, RunGuardedPrintsTheSpelledHintNotTheNeutralOne) {
  two_inputs();
  const Guarded g = guard([]() -> int {
    throw InputError("no coordinate reference system", Location{"other.shp", "other", std::nullopt, ""}, Hint{HintKind::AssumeCrs, "EPSG:4527"});
  });
  EXPECT_EQ(g.err, "redline: error: other.shp: layer other: no coordinate reference system; if so, pass "
                   "--cover-assume-crs EPSG:4527\n");
}

}  // namespace
}  // namespace redline::cli
