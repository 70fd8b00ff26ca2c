#include "redline/measure/quantity_format.h"

#include <cmath>

#include <fmt/format.h>

namespace redline {

std::string format_number(double value, int decimals) {
  if (value == 0.0 || std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.00"
  return fmt::format("{:.{}f}", value, decimals);
}

std::string format_area(double m2, AreaUnit unit) {
  return format_number(from_square_metres(m2, unit), display_decimals(unit));
}

std::string format_length(double m, LengthUnit unit) {
  return format_number(from_metres(m, unit), display_decimals(unit));
}

std::string format_percent(double percent) { return format_number(percent, 2); }

std::string group_label(const std::string& key, bool is_null) {
  if (is_null) return "(null)";
  return key.empty() ? "(empty)" : key;
}

}  // namespace redline
