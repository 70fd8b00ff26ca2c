#pragma once
// Private: how checks compare and show their figures.
#include <string>

#include "redline/measure/units.h"

namespace redline::detail {

/// Returns true when `value` passes `comparison` against `threshold`, both rounded to
/// `decimals` first (figures are compared as printed).
bool passes(double value, const std::string& comparison, double threshold, int decimals);

/// Returns the decimals areas in `unit` are compared (and reported) with: the unit's display
/// decimals, more when one step of them exceeds 0.01 ha (万亩: 5, not 4), so that the unit a
/// rules file picks never widens the tolerance beyond what a figure in ha would allow.
int comparison_decimals(AreaUnit unit);


}  // namespace redline::detail
