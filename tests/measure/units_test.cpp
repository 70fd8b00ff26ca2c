#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(AreaUnitNames, OneTableNamesParsesAndListsInMessages) {
  EXPECT_EQ(area_unit_names(), (std::vector<std::string>{"m2", "ha", "mu", "wanmu", "km2"}));
  for (const std::string& name : area_unit_names()) EXPECT_EQ(unit_name(parse_area_unit(name)), name);
  EXPECT_EQ(unit_name(kDefaultAreaUnit), "ha");
  EXPECT_EQ(parse_area_unit("平方千米"), AreaUnit::SquareKilometre);
  EXPECT_EQ(parse_area_unit("HECTARES"), AreaUnit::Hectare);
  try {
    parse_area_unit("acres");
    ADD_FAILURE() << "acres accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown area unit 'acres' (expected m2, ha, mu, wanmu or km2; or 平方米, 公顷, 亩, 万亩, 平方公里)");
  }
  try {
    parse_area("75 acres");
    ADD_FAILURE() << "75 acres accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "area '75 acres': unknown unit 'acres' (expected m2, ha, mu, wanmu or km2; or 平方米, 公顷, 亩, 万亩, 平方公里)");
  }
}

}  // namespace redline
