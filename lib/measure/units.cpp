#include "redline/measure/units.h"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "redline/error.h"
#include "util/text.h"

namespace redline {

double square_metres_per(AreaUnit unit) {
  switch (unit) {
    case AreaUnit::SquareMetre: return 1.0;
    case AreaUnit::Hectare: return 1.0e4;
    case AreaUnit::Mu: return 1.0e4 / 15.0;
    case AreaUnit::WanMu: return 1.0e8 / 15.0;
    case AreaUnit::SquareKilometre: return 1.0e6;
  }
  return 1.0;
}

AreaUnit parse_area_unit(const std::string& text) {
  const std::string t = detail::ascii_lower(text);
  if (t == "m2" || t == "m²" || t == "sqm" || t == "平方米") return AreaUnit::SquareMetre;
  if (t == "ha" || t == "hectare" || t == "hectares" || t == "公顷") return AreaUnit::Hectare;
  if (t == "mu" || t == "亩") return AreaUnit::Mu;
  if (t == "wanmu" || t == "万亩") return AreaUnit::WanMu;
  if (t == "km2" || t == "km²" || t == "平方公里" || t == "平方千米") return AreaUnit::SquareKilometre;
  throw UsageError(fmt::format(
      "unknown area unit '{}' (use m2, ha, mu, wanmu or km2; or 平方米, 公顷, 亩, 万亩, 平方公里)", text));
}

std::string unit_name(AreaUnit unit) {
  switch (unit) {
    case AreaUnit::SquareMetre: return "m2";
    case AreaUnit::Hectare: return "ha";
    case AreaUnit::Mu: return "mu";
    case AreaUnit::WanMu: return "wanmu";
    case AreaUnit::SquareKilometre: return "km2";
  }
  return "m2";
}

std::string unit_symbol(AreaUnit unit) {
  switch (unit) {
    case AreaUnit::SquareMetre: return "m²";
    case AreaUnit::Hectare: return "ha";
    case AreaUnit::Mu: return "亩";
    case AreaUnit::WanMu: return "万亩";
    case AreaUnit::SquareKilometre: return "km²";
  }
  return "m²";
}

int display_decimals(AreaUnit unit) {
  return unit == AreaUnit::SquareKilometre || unit == AreaUnit::WanMu ? 4 : 2;
}

double parse_area(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double value = std::strtod(begin, &end);
  if (end == begin) {
    throw UsageError(fmt::format("'{}' is not an area: write a number and a unit, e.g. 75587.98ha", text));
  }
  std::string unit(end);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.front()))) unit.erase(0, 1);
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.back()))) unit.pop_back();
  if (unit.empty()) {
    throw UsageError(fmt::format("'{}' has no unit: write e.g. {}ha or {}mu", text, text, text));
  }
  return to_square_metres(value, parse_area_unit(unit));
}

}  // namespace redline
