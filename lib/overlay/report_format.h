#pragma once
// Private: how the overlay reports print units, areas and percents.
#include <string>

#include "redline/measure/units.h"
#include "redline/report/table.h"

namespace redline::detail {

/// Returns the unit as tables head it: "ha", "亩", "万亩", "km²", "m²".
inline std::string unit_label(AreaUnit unit) {
  switch (unit) {
    case AreaUnit::SquareMetre: return "m²";
    case AreaUnit::Hectare: return "ha";
    case AreaUnit::Mu: return "亩";
    case AreaUnit::WanMu: return "万亩";
    case AreaUnit::SquareKilometre: return "km²";
  }
  return "";
}

/// Returns m² in `unit`, rounded as official tables print that unit.
inline std::string format_area(double m2, AreaUnit unit) {
  return format_number(from_square_metres(m2, unit), display_decimals(unit));
}

/// Returns a percent with 2 decimals.
inline std::string format_percent(double percent) { return format_number(percent, 2); }

}  // namespace redline::detail
