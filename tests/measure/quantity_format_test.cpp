// Numbers as official tables print them (redline/measure/quantity_format.h).
#include "redline/measure/quantity_format.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(FormatNumber, NoNegativeZero) {
  EXPECT_EQ(format_number(-0.001, 2), "0.00");
  EXPECT_EQ(format_number(-0.0049, 2), "0.00");
  EXPECT_EQ(format_number(-0.0, 2), "0.00");
  EXPECT_EQ(format_number(-0.00004, 4), "0.0000");
  EXPECT_EQ(format_number(-0.00006, 4), "-0.0001");
  EXPECT_EQ(format_number(-12.345, 1), "-12.3");
}

TEST(FormatNumber, FixedDecimalsNoThousandsSeparators) {
  EXPECT_EQ(format_number(75587.98, 2), "75587.98");
  EXPECT_EQ(format_number(1234567.891, 2), "1234567.89");
  EXPECT_EQ(format_number(2711.83, 4), "2711.8300");
  EXPECT_EQ(format_number(3416, 0), "3416");
}

TEST(GroupLabel, NullAndEmptyKeysAreNamedNeverShownBlank) {
  EXPECT_EQ(group_label("生态保护红线", false), "生态保护红线");
  EXPECT_EQ(group_label("", false), "(empty)");
  EXPECT_EQ(group_label("", true), "(null)");
  EXPECT_EQ(group_label("anything", true), "(null)");  // null wins over whatever text came with it
  EXPECT_EQ(group_label("(null)"), "(null)");           // a real value spelled so stays itself
}

}  // namespace
}  // namespace redline
