#include "redline/measure/units.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "redline/error.h"
#include "util/enum_names.h"
#include "util/quoted.h"
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

namespace {

// The first spelling of each unit is its name; the Chinese names are listed after the others.
constexpr detail::EnumNames<AreaUnit, 16> kAreaUnitNames{
    "area unit",
    {{{AreaUnit::SquareMetre, "m2"}, {AreaUnit::Hectare, "ha"}, {AreaUnit::Mu, "mu"},
      {AreaUnit::WanMu, "wanmu"}, {AreaUnit::SquareKilometre, "km2"},
      {AreaUnit::SquareMetre, "m²"}, {AreaUnit::SquareMetre, "sqm"}, {AreaUnit::SquareMetre, "平方米"},
      {AreaUnit::Hectare, "hectare"}, {AreaUnit::Hectare, "hectares"}, {AreaUnit::Hectare, "公顷"},
      {AreaUnit::Mu, "亩"}, {AreaUnit::WanMu, "万亩"}, {AreaUnit::SquareKilometre, "km²"},
      {AreaUnit::SquareKilometre, "平方公里"}, {AreaUnit::SquareKilometre, "平方千米"}}},
    "or 平方米, 公顷, 亩, 万亩, 平方公里"};

}  // namespace

AreaUnit parse_area_unit(const std::string& text) { return kAreaUnitNames.parse(text); }

std::string unit_name(AreaUnit unit) { return kAreaUnitNames.name(unit); }

std::vector<std::string> area_unit_names() { return kAreaUnitNames.names(); }

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

double metres_per(LengthUnit unit) { return unit == LengthUnit::Kilometre ? 1000.0 : 1.0; }

namespace {

constexpr detail::EnumNames<LengthUnit, 10> kLengthUnitNames{
    "length unit",
    {{{LengthUnit::Metre, "m"}, {LengthUnit::Kilometre, "km"}, {LengthUnit::Metre, "metre"},
      {LengthUnit::Metre, "metres"}, {LengthUnit::Metre, "米"}, {LengthUnit::Kilometre, "kilometre"},
      {LengthUnit::Kilometre, "kilometres"}, {LengthUnit::Kilometre, "公里"},
      {LengthUnit::Kilometre, "千米"}, {LengthUnit::Metre, "meter"}}},
    "or 米, 公里"};

}  // namespace

LengthUnit parse_length_unit(const std::string& text) { return kLengthUnitNames.parse(text); }

std::vector<std::string> length_unit_names() { return kLengthUnitNames.names(); }

std::string unit_name(LengthUnit unit) { return kLengthUnitNames.name(unit); }

std::string unit_symbol(LengthUnit unit) { return unit_name(unit); }

int display_decimals(LengthUnit unit) { return unit == LengthUnit::Kilometre ? 4 : 2; }

int display_decimals(AreaUnit unit) {
  return unit == AreaUnit::SquareKilometre || unit == AreaUnit::WanMu ? 4 : 2;
}

namespace {

// The Earth's surface, 5.1e8 km²: no area a check compares with can be larger.
constexpr double kEarthSurfaceM2 = 5.1e14;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

double parse_decimal(const std::string& text, const std::string& what, std::size_t* rest) {
  // A strict grammar, not strtod: strtod also takes "nan", "inf", hex ("0x10"), a locale's
  // decimal comma and overflows to infinity, none of which is a figure a plan writes.
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && is_space(text[i])) ++i;
  if (i < n && text[i] == '-') {
    throw UsageError(fmt::format("{} {} is negative", what, detail::quoted(text)));
  }
  if (i < n && text[i] == '+') ++i;
  const std::size_t number_begin = i;
  std::size_t digits = 0;
  while (i < n && is_digit(text[i])) ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) {
    throw UsageError(fmt::format("{} {} is not a number: write decimal digits, e.g. 75587.98", what,
                                 detail::quoted(text)));
  }
  if (i < n && (text[i] == 'x' || text[i] == 'X') && i - number_begin == 1 && text[number_begin] == '0') {
    throw UsageError(fmt::format("{} {} is not a decimal number (hexadecimal is not accepted)", what,
                                 detail::quoted(text)));
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t exponent_begin = j;
    while (j < n && is_digit(text[j])) ++j;
    // "2e" or "3ea" is not an exponent; then the 'e' starts what follows (and is refused there).
    if (j > exponent_begin) i = j;
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data() + number_begin, text.data() + i, value);
  if (ec == std::errc::result_out_of_range) {
    throw UsageError(fmt::format("{} {} is out of range", what, detail::quoted(text)));
  }
  if (ec != std::errc() || end != text.data() + i || !std::isfinite(value)) {
    throw UsageError(fmt::format("{} {} is not a number", what, detail::quoted(text)));
  }
  if (rest) {
    *rest = i;
  } else {
    while (i < n && is_space(text[i])) ++i;
    if (i != n) {
      throw UsageError(fmt::format("{} {} has {} after the number", what, detail::quoted(text),
                                   detail::quoted(text.substr(i))));
    }
  }
  return value;
}

double parse_area(const std::string& text) {
  std::size_t rest = 0;
  const double value = parse_decimal(text, "area", &rest);
  std::string unit = text.substr(rest);
  while (!unit.empty() && is_space(unit.front())) unit.erase(0, 1);
  while (!unit.empty() && is_space(unit.back())) unit.pop_back();
  if (unit.empty()) {
    throw UsageError(fmt::format("area {} has no unit: write e.g. {}ha or {}mu", detail::quoted(text),
                                 text.substr(0, rest), text.substr(0, rest)));
  }
  AreaUnit parsed;
  try {
    parsed = parse_area_unit(unit);
  } catch (const UsageError&) {
    throw UsageError(fmt::format("area {}: unknown unit {} (expected {}; {})", detail::quoted(text),
                                 detail::quoted(unit), kAreaUnitNames.joined(), kAreaUnitNames.extra));
  }
  const double m2 = to_square_metres(value, parsed);
  if (!(m2 <= kEarthSurfaceM2)) {
    throw UsageError(fmt::format("area {} is larger than the Earth's surface (5.1e8 km²)", detail::quoted(text)));
  }
  return m2;
}

}  // namespace redline
