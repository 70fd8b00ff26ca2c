#pragma once
// Area units of Chinese land and ecology reporting.
//
// 1 ha = 10 000 m²; 1 亩 (mu) = 10000/15 m² (15 mu per ha); 1 万亩 = 10 000 亩 ≈ 666.67 ha;
// 1 km² = 100 ha. Official tables print ha and mu with 2 decimals.
#include <cstddef>
#include <string>
#include <vector>

#include "redline/export.h"

namespace redline {

enum class AreaUnit { SquareMetre, Hectare, Mu, WanMu, SquareKilometre };

/// DEFAULT unit of every report: the hectare.
constexpr AreaUnit kDefaultAreaUnit = AreaUnit::Hectare;

/// Returns the size of one `unit` in square metres.
REDLINE_EXPORT double square_metres_per(AreaUnit unit);

/// Returns `m2` square metres expressed in `unit`.
inline double from_square_metres(double m2, AreaUnit unit) { return m2 / square_metres_per(unit); }
/// Returns `value` in `unit` expressed in square metres.
inline double to_square_metres(double value, AreaUnit unit) { return value * square_metres_per(unit); }

/// Parses a unit name: m2, ha, mu, wanmu, km2, or the Chinese 平方米, 公顷, 亩, 万亩, 平方公里 /
/// 平方千米 (also m², km²). Case-insensitive. Throws UsageError "unknown area unit 'x'
/// (expected m2, ha, mu, wanmu or km2; or 平方米, 公顷, 亩, 万亩, 平方公里)".
REDLINE_EXPORT AreaUnit parse_area_unit(const std::string& text);

/// Returns the short names of the units ("m2", "ha", "mu", "wanmu", "km2"), for help texts.
REDLINE_EXPORT std::vector<std::string> area_unit_names();

/// Returns the unit's short name as parse_area_unit accepts it: "m2", "ha", "mu", "wanmu", "km2".
REDLINE_EXPORT std::string unit_name(AreaUnit unit);

/// Returns the unit as tables print it: "m²", "ha", "亩", "万亩", "km²".
REDLINE_EXPORT std::string unit_symbol(AreaUnit unit);

/// Returns the number of decimals figures in this unit are printed with (2 for m², ha and mu as
/// official tables do; 4 for km² and 万亩, which are 100 and 666.67 times larger than ha).
REDLINE_EXPORT int display_decimals(AreaUnit unit);

/// Parses a non-negative decimal number as a plan writes it: digits with an optional decimal
/// point and exponent ("75587.98", "2.5e3"), spaces around it allowed. Throws UsageError, with
/// `what` and the text quoted in the message, for anything else: empty text, a sign '-', NaN,
/// infinity, hexadecimal ("0x10"), a value out of the double range ("1e400") and, when `rest`
/// is null, anything after the number. When `rest` is not null it receives the offset of the
/// first character after the number and what follows is left to the caller. Pure: reads no
/// locale, prints nothing; safe from any thread.
REDLINE_EXPORT double parse_decimal(const std::string& text, const std::string& what, std::size_t* rest = nullptr);

/// Parses an area with its unit, e.g. "75587.98ha", "2711.83 km2", "3416亩". Returns m².
/// Throws UsageError when the number (see parse_decimal) or the unit is missing, malformed or
/// unknown ("75ha x" has the unit 'ha x'), and when the area exceeds the Earth's surface.
/// Pure like parse_decimal: a fuzzing entry point.
REDLINE_EXPORT double parse_area(const std::string& text);

/// Length units of line reports (shoreline, boundaries): the metre and the kilometre.
enum class LengthUnit { Metre, Kilometre };

/// DEFAULT unit of line lengths (redline length, line coverage, checks by length): the
/// kilometre, as shoreline lengths are published.
constexpr LengthUnit kDefaultLengthUnit = LengthUnit::Kilometre;

/// Returns the size of one `unit` in metres.
REDLINE_EXPORT double metres_per(LengthUnit unit);

/// Returns `m` metres expressed in `unit`.
inline double from_metres(double m, LengthUnit unit) { return m / metres_per(unit); }

/// Parses a length unit name: m, km, or the Chinese 米, 公里 / 千米 (also metre(s), kilometre(s)).
/// Case-insensitive. Throws UsageError "unknown length unit 'x' (expected m or km; or 米, 公里)".
REDLINE_EXPORT LengthUnit parse_length_unit(const std::string& text);

/// Returns the short names of the length units ("m", "km"), for help texts.
REDLINE_EXPORT std::vector<std::string> length_unit_names();

/// Returns the length unit's short name as parse_length_unit accepts it: "m" or "km".
REDLINE_EXPORT std::string unit_name(LengthUnit unit);

/// Returns the length unit as tables print it: "m" or "km".
REDLINE_EXPORT std::string unit_symbol(LengthUnit unit);

/// Returns the number of decimals lengths in this unit are printed and compared with: 2 for m
/// (centimetres), 4 for km (decimetres).
REDLINE_EXPORT int display_decimals(LengthUnit unit);

}  // namespace redline
