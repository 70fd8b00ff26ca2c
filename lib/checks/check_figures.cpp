#include "checks/check_figures.h"

#include <algorithm>
#include <cmath>

namespace redline::detail {

bool passes(double value, const std::string& comparison, double threshold, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double v = std::round(value * scale), t = std::round(threshold * scale);
  return comparison == "<=" ? v <= t : v >= t;
}

int comparison_decimals(AreaUnit unit) {
  constexpr double kStepM2 = 100.0;  // 0.01 ha: the step of official tables in ha
  const int needed = static_cast<int>(std::ceil(std::log10(square_metres_per(unit) / kStepM2) - 1e-9));
  return std::max(display_decimals(unit), needed);
}

}  // namespace redline::detail
