// One name table per enum: parse, name, names and the message of an unknown spelling.
#include "util/enum_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redline {
namespace {

enum class Fruit { Apple, Pear, Quince };

constexpr detail::EnumNames<Fruit, 5> kFruitNames{
    "fruit",
    {{{Fruit::Apple, "apple"}, {Fruit::Apple, "苹果"}, {Fruit::Pear, "pear"}, {Fruit::Quince, "quince"},
      {Fruit::Pear, "poire"}}},
    "or 苹果"};

TEST(EnumNames, ParsesEverySpellingIgnoringAsciiCase) {
  EXPECT_EQ(kFruitNames.parse("apple"), Fruit::Apple);
  EXPECT_EQ(kFruitNames.parse("APPLE"), Fruit::Apple);
  EXPECT_EQ(kFruitNames.parse("苹果"), Fruit::Apple);
  EXPECT_EQ(kFruitNames.parse("Poire"), Fruit::Pear);
  EXPECT_EQ(kFruitNames.parse("quince"), Fruit::Quince);
}

TEST(EnumNames, NameIsTheFirstSpellingOfTheValue) {
  EXPECT_EQ(kFruitNames.name(Fruit::Apple), "apple");
  EXPECT_EQ(kFruitNames.name(Fruit::Pear), "pear");
  EXPECT_EQ(kFruitNames.name(Fruit::Quince), "quince");
}

TEST(EnumNames, NamesListEachValueOnceInTableOrder) {
  EXPECT_EQ(kFruitNames.names(), (std::vector<std::string>{"apple", "pear", "quince"}));
  EXPECT_EQ(kFruitNames.joined(), "apple, pear or quince");
  EXPECT_EQ(kFruitNames.joined("|", "|"), "apple|pear|quince");
}

std::string parse_error(const std::string& text) {
  try {
    kFruitNames.parse(text);
  } catch (const UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no UsageError for " << text;
  return "";
}

TEST(EnumNames, UnknownSpellingIsAUsageErrorNamingWhatTheTextAndTheNames) {
  EXPECT_EQ(parse_error("banana"), "unknown fruit 'banana' (expected apple, pear or quince; or 苹果)");
  EXPECT_EQ(parse_error("ap\nple"), "unknown fruit 'ap\\nple' (expected apple, pear or quince; or 苹果)");
  EXPECT_EQ(parse_error(""), "unknown fruit '' (expected apple, pear or quince; or 苹果)");
}

}  // namespace
}  // namespace redline
