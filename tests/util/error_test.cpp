// redline::Error: rethrowing keeps the kind, the hint and the location already attached.
#include <gtest/gtest.h>

#include <string>

#include "redline/error.h"

namespace redline {
namespace {

Location feature_of(const std::string& file, const std::string& layer, std::int64_t fid) {
  return Location{file, layer, fid, ""};
}

// Catches what `fn` throws as the given kind's own class, so a downgrade to Error (or to another
// kind) fails the test instead of passing it.
template <typename Kind, typename Fn>
Kind catch_as(Fn fn) {
  try {
    fn();
  } catch (const Kind& e) {
    return e;
  } catch (const Error& e) {
    ADD_FAILURE() << "thrown as another kind: " << e.what();
  }
  ADD_FAILURE() << "nothing thrown";
  return Kind("");
}

TEST(Rethrow, InternalStaysInternalAndGetsItsFeature) {
  const InternalError e = catch_as<InternalError>([] {
    try {
      throw InternalError("GEOS: TopologyException: side location conflict");
    } catch (const Error& inner) {
      rethrow_with_location(inner, feature_of("a.gpkg", "redline", 7));
    }
  });
  EXPECT_EQ(e.kind(), ErrorKind::Internal);
  EXPECT_EQ(e.where().file, "a.gpkg");
  EXPECT_EQ(e.where().layer, "redline");
  ASSERT_TRUE(e.where().feature.has_value());
  EXPECT_EQ(*e.where().feature, 7);
  EXPECT_STREQ(e.what(), "a.gpkg: layer redline: feature 7: GEOS: TopologyException: side location conflict");
}

TEST(Rethrow, EveryKindIsKept) {
  const Location at = feature_of("a.shp", "a", 1);
  catch_as<UsageError>([&] {
    try { throw UsageError("u"); } catch (const Error& e) { rethrow_with_location(e, at); }
  });
  catch_as<InputError>([&] {
    try { throw InputError("i"); } catch (const Error& e) { rethrow_with_location(e, at); }
  });
  catch_as<OutputError>([&] {
    try { throw OutputError("o"); } catch (const Error& e) { rethrow_with_location(e, at); }
  });
  catch_as<InternalError>([&] {
    try { throw InternalError("x"); } catch (const Error& e) { rethrow_with_location(e, at, "doing y: x"); }
  });
}

TEST(Rethrow, FeatureAlreadyNamedIsNotOverwritten) {
  // An error raised while reading feature 3 of the cover, caught at a site that was working on
  // feature 9 of the target: the cover's feature is the one to name.
  const InputError e = catch_as<InputError>([] {
    try {
      throw InputError("not finite", feature_of("cover.shp", "cover", 3));
    } catch (const Error& inner) {
      rethrow_with_location(inner, feature_of("target.shp", "target", 9));
    }
  });
  EXPECT_EQ(e.where().file, "cover.shp");
  EXPECT_EQ(e.where().layer, "cover");
  EXPECT_EQ(e.where().feature, std::optional<std::int64_t>(3));
}

TEST(Rethrow, ReasonReplacedHintKept) {
  const UsageError e = catch_as<UsageError>([] {
    try {
      throw UsageError("the source has 2 layers (a, b)", Location{"x.gpkg", "", std::nullopt, ""},
                       Hint{HintKind::ChooseLayer, ""});
    } catch (const Error& inner) {
      rethrow_with_location(inner, {}, "check 1: " + inner.reason());
    }
  });
  EXPECT_EQ(e.reason(), "check 1: the source has 2 layers (a, b)");
  EXPECT_EQ(e.hint().kind, HintKind::ChooseLayer);
  EXPECT_EQ(e.where().file, "x.gpkg");
  EXPECT_STREQ(e.what(), "x.gpkg: check 1: the source has 2 layers (a, b); choose one");
}

TEST(FillLocation, FillsOnlyMissingPartsOfTheSameSource) {
  const Location known{"a.gpkg", "", std::nullopt, "NAME"};
  const Location filled = fill_location(known, feature_of("a.gpkg", "roads", 4));
  EXPECT_EQ(filled.layer, "roads");
  EXPECT_EQ(filled.feature, std::optional<std::int64_t>(4));
  EXPECT_EQ(filled.field, "NAME");

  // Another layer of the same file: its feature id would name the wrong feature.
  const Location other = fill_location(Location{"a.gpkg", "rivers", std::nullopt, ""}, feature_of("a.gpkg", "roads", 4));
  EXPECT_EQ(other.layer, "rivers");
  EXPECT_FALSE(other.feature.has_value());

  // Nothing known: everything comes from the fill-in.
  const Location empty = fill_location(Location{}, feature_of("b.shp", "b", 0));
  EXPECT_EQ(describe(empty), "b.shp: layer b: feature 0");
}

TEST(WithLocation, CopyKeepsKindAndHint) {
  const InputError e("no CRS", Location{"z.shp", "z", std::nullopt, ""}, Hint{HintKind::AssumeCrs, "EPSG:4527"});
  const Error copy = e.with_location(feature_of("z.shp", "z", 2));
  EXPECT_EQ(copy.kind(), ErrorKind::Input);
  EXPECT_EQ(copy.hint().value, "EPSG:4527");
  EXPECT_EQ(copy.where().feature, std::optional<std::int64_t>(2));
}

TEST(Hint, NeutralWordsNameNoFlag) {
  for (HintKind k : {HintKind::AssumeCrs, HintKind::ChooseLayer, HintKind::DeclareEncoding, HintKind::InvalidPolicy,
                     HintKind::ClassField, HintKind::Deliveries}) {
    for (const char* value : {"", "GBK"}) {
      const std::string text = describe(Hint{k, value});
      EXPECT_FALSE(text.empty());
      EXPECT_EQ(text.find("--"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(describe(Hint{}), "");
}

}  // namespace
}  // namespace redline
