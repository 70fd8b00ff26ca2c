#pragma once
// How figures are printed: fixed decimals, areas in a unit rounded as official tables print
// it, percentages, group keys. Every report, check and listing formats its numbers here, so that a figure
// reads the same in a table, a finding and a drift listing.
//
// Example usage:
//   redline::format_area(755879800.0, redline::AreaUnit::Hectare);  // "75587.98"
//   redline::format_percent(27.8712);                                // "27.87"
#include <string>

#include "redline/export.h"
#include "redline/measure/units.h"

namespace redline {

/// Returns `value` with `decimals` digits after the point and no thousands separators; a value
/// that rounds to zero prints without a sign ("0.00", never "-0.00").
REDLINE_EXPORT std::string format_number(double value, int decimals);

/// Returns `m2` square metres in `unit`, rounded as official tables print that unit
/// (display_decimals(): ha and 亩 to 2 decimals).
REDLINE_EXPORT std::string format_area(double m2, AreaUnit unit);

/// Returns `m` metres in `unit`, rounded as reports print that unit (display_decimals(): km to
/// 4 decimals, m to 2).
REDLINE_EXPORT std::string format_length(double m, LengthUnit unit);

/// Returns a percentage with 2 decimals ("27.87"), without the % sign.
REDLINE_EXPORT std::string format_percent(double percent);

/// Returns how reports and findings show a group or key: "(null)" for the null group (null or
/// NaN values), "(empty)" for empty text, else `key` itself.
REDLINE_EXPORT std::string group_label(const std::string& key, bool is_null = false);

}  // namespace redline
