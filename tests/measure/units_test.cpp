#include <gtest/gtest.h>

#include "redline/error.h"
#include "redline/measure/units.h"

namespace redline {

TEST(AreaUnits, MuIsOneFifteenthOfAHectare) {
  EXPECT_DOUBLE_EQ(from_square_metres(10000.0, AreaUnit::Mu), 15.0);
  EXPECT_DOUBLE_EQ(to_square_metres(1.0, AreaUnit::WanMu), 1.0e8 / 15.0);  // 666.67 ha
  EXPECT_DOUBLE_EQ(from_square_metres(2711.83e6, AreaUnit::SquareKilometre), 2711.83);
}

TEST(AreaUnits, ChineseNamesParse) {
  EXPECT_EQ(parse_area_unit("亩"), AreaUnit::Mu);
  EXPECT_EQ(parse_area_unit("万亩"), AreaUnit::WanMu);
  EXPECT_EQ(parse_area_unit("公顷"), AreaUnit::Hectare);
  EXPECT_EQ(parse_area_unit("平方公里"), AreaUnit::SquareKilometre);
  EXPECT_EQ(parse_area_unit("KM2"), AreaUnit::SquareKilometre);
  EXPECT_THROW(parse_area_unit("acre"), UsageError);
}

TEST(AreaUnits, AreaWithUnitParses) {
  EXPECT_DOUBLE_EQ(parse_area("75587.98ha"), 755879800.0);
  EXPECT_DOUBLE_EQ(parse_area("3416 亩"), 3416.0 * 10000.0 / 15.0);
  EXPECT_THROW(parse_area("75587.98"), UsageError);
  EXPECT_THROW(parse_area("ha"), UsageError);
}

}  // namespace redline
