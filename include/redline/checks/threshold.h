#pragma once
// Thresholds of checks: what a rules file or the command line may give as a baseline area or a
// smallest share, and what is refused as making no sense.
//
// A threshold is refused (UsageError) when it is not a finite decimal number (NaN, infinity,
// hexadecimal, "1e400", trailing junk, no number at all), negative, zero (a check against 0
// can never fail: it would pass every layer, even an empty one; so is a percentage that is 0 to
// the 2 decimals shares are compared with), a percentage above 100, or an area larger than the
// Earth's surface. Areas are parsed by parse_area (redline/measure/units.h).
//
// Every function here is pure: text or a number in, a value or a UsageError out; nothing is
// read, printed or kept, so they are safe from any thread and are fuzzing entry points.
//
// Example usage:
//   double m2 = redline::parse_baseline("75587.98ha");     // 755879800 m²
//   double share = redline::parse_percent("27.87%");       // 27.87
#include <string>

#include "redline/export.h"

namespace redline {

/// Parses a percentage: a decimal number, optionally followed by '%' ("52", "84.7 %"), more
/// than 0 and at most 100. Throws UsageError otherwise.
REDLINE_EXPORT double parse_percent(const std::string& text);

/// Checks a percentage given as a number (a rules file's min_percent): finite, more than 0 and
/// at most 100. Returns it; throws UsageError otherwise.
REDLINE_EXPORT double checked_percent(double percent);

/// Parses a baseline area with its unit ("75587.98ha", "3416亩"), returns m². Throws
/// UsageError for what parse_area refuses and for a baseline of 0.
REDLINE_EXPORT double parse_baseline(const std::string& text);

/// Checks a baseline in m² (set by a program rather than parsed): finite, more than 0, not
/// larger than the Earth's surface. Returns it; throws UsageError otherwise.
REDLINE_EXPORT double checked_baseline_m2(double m2);

/// Parses a largest area that passes ("0ha", "1.5亩": max_overlap, max_area, max_gap), returns
/// m². Unlike a baseline, 0 makes sense here (nothing may overlap). Throws UsageError for what
/// parse_area refuses and for a negative area.
REDLINE_EXPORT double parse_max_area(const std::string& text);

/// Checks a largest area in m² (set by a program): finite, at least 0, not larger than the
/// Earth's surface. Returns it; throws UsageError otherwise.
REDLINE_EXPORT double checked_max_area_m2(double m2);

/// Parses a largest percentage that passes ("0", "5%": max_percent): a decimal number,
/// optionally followed by '%', at least 0 and at most 100. Throws UsageError otherwise.
REDLINE_EXPORT double parse_max_percent(const std::string& text);

/// Checks a largest percentage given as a number: finite, at least 0, at most 100. Returns it;
/// throws UsageError otherwise.
REDLINE_EXPORT double checked_max_percent(double percent);

}  // namespace redline
