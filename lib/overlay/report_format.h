#pragma once
// Private: how the overlay reports print units, areas and percents.
#include <string>

#include "redline/measure/units.h"
#include "redline/measure/quantity_format.h"

namespace redline::detail {

/// Returns the unit as tables head it: "ha", "亩", "万亩", "km²", "m²".
inline std::string unit_label(AreaUnit unit) { return unit_symbol(unit); }

using ::redline::format_area;  // m² in a unit, rounded as official tables print it

using ::redline::format_percent;  // 2 decimals

}  // namespace redline::detail
