// Thresholds: what parse_decimal / parse_area / parse_percent / parse_baseline accept and refuse.
// Expected values by hand: 1 ha = 10 000 m², 1 亩 = 10 000/15 m², 1 km² = 1e6 m².
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "redline/checks/threshold.h"
#include "redline/error.h"
#include "redline/measure/units.h"

namespace redline {
namespace {

// Returns the reason of the UsageError `f` throws, "" when it returns.
template <typename F>
std::string refusal(F f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(Threshold, PlainAreasParse) {
  EXPECT_DOUBLE_EQ(parse_area("75587.98ha"), 755879800.0);
  EXPECT_DOUBLE_EQ(parse_area("  2711.83 km2 "), 2711.83e6);
  EXPECT_DOUBLE_EQ(parse_area("3416亩"), 3416.0 * 10000.0 / 15.0);
  EXPECT_DOUBLE_EQ(parse_area("2.5e3m2"), 2500.0);  // an exponent is a decimal number too
  EXPECT_DOUBLE_EQ(parse_area(".5ha"), 5000.0);
  EXPECT_DOUBLE_EQ(parse_area("+7ha"), 70000.0);
}

TEST(Threshold, AreasThatAreNoFigureAreRefused) {
  // Each case, and a word the message must hold.
  const std::pair<const char*, const char*> cases[] = {
      {"nanha", "not a number"},        {"NaN ha", "not a number"},   {"infha", "not a number"},
      {"-infha", "negative"},           {"-5ha", "negative"},         {"1e400ha", "out of range"},
      {"0x10ha", "hexadecimal"},        {"0X1Aha", "hexadecimal"},    {"", "not a number"},
      {"   ", "not a number"},          {"ha", "not a number"},       {"75ha x", "unknown unit 'ha x'"},
      {"75 acres", "unknown unit"},     {"75", "no unit"},            {"75,587.98ha", "unknown unit"},
      {"1e300km2", "Earth"},            {"6e14m2", "Earth"},          {"1e-400ha", "out of range"},
      {"７５ha", "not a number"},       {"75ha\n", "unknown unit"},   {"75e", "unknown unit 'e'"},
  };
  for (const auto& [text, word] : cases) {
    const std::string e = refusal([&] { parse_area(text); });
    EXPECT_NE(e.find(word), std::string::npos) << "'" << text << "' gave: " << e;
  }
}

TEST(Threshold, MessagesStayOnOneLine) {
  const std::string e = refusal([] { parse_area("5\nha\x1b[31m"); });
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  EXPECT_EQ(e.find('\x1b'), std::string::npos) << e;
  EXPECT_NE(e.find("\\n"), std::string::npos) << e;
  // Long junk is cut, not echoed whole.
  EXPECT_LT(refusal([] { parse_area("1" + std::string(100000, 'x')); }).size(), 400u);
}

TEST(Threshold, DecimalAloneRefusesTrailingText) {
  EXPECT_DOUBLE_EQ(parse_decimal(" 52.5 ", "share"), 52.5);
  EXPECT_NE(refusal([] { parse_decimal("52 x", "share"); }).find("'x' after the number"), std::string::npos);
  std::size_t rest = 0;
  EXPECT_DOUBLE_EQ(parse_decimal("12ha", "area", &rest), 12.0);
  EXPECT_EQ(rest, 2u);
}

TEST(Threshold, PercentagesParseWithinZeroToHundred) {
  EXPECT_DOUBLE_EQ(parse_percent("52"), 52.0);
  EXPECT_DOUBLE_EQ(parse_percent("27.87%"), 27.87);
  EXPECT_DOUBLE_EQ(parse_percent(" 84.7 % "), 84.7);
  EXPECT_DOUBLE_EQ(parse_percent("100"), 100.0);
  EXPECT_DOUBLE_EQ(parse_percent("0.005"), 0.005);  // prints 0.01 %
  const std::pair<const char*, const char*> cases[] = {
      {"100.01", "above 100"}, {"101%", "above 100"}, {"-1", "negative"},  {"nan", "not a number"},
      {"inf", "not a number"}, {"0x10", "hexadecimal"}, {"1e400", "out of range"}, {"", "not a number"},
      {"52 x", "after the number"}, {"52%%", "after the number"}, {"0", "could never fail"},
      {"0.0%", "could never fail"}, {"0.004", "could never fail"}, {"1e-300", "could never fail"},
  };
  for (const auto& [text, word] : cases) {
    const std::string e = refusal([&] { parse_percent(text); });
    EXPECT_NE(e.find(word), std::string::npos) << "'" << text << "' gave: " << e;
  }
}

TEST(Threshold, NumericPercentagesAreCheckedToo) {
  EXPECT_DOUBLE_EQ(checked_percent(27.87), 27.87);
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), -5.0, 0.0, 100.5, 1e300}) {
    EXPECT_THROW(checked_percent(bad), UsageError) << bad;
  }
}

TEST(Threshold, BaselineOfZeroCouldNeverFail) {
  EXPECT_DOUBLE_EQ(parse_baseline("75587.98ha"), 755879800.0);
  EXPECT_NE(refusal([] { parse_baseline("0ha"); }).find("could never fail"), std::string::npos);
  EXPECT_NE(refusal([] { parse_baseline("0.000e5 亩"); }).find("could never fail"), std::string::npos);
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), -1.0, 0.0, 1e15}) {
    EXPECT_THROW(checked_baseline_m2(bad), UsageError) << bad;
  }
}

}  // namespace
}  // namespace redline
