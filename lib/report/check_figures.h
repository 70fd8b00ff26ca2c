#pragma once
// Private: how every rendering of the check report prints a check's figures with their unit.
#include <string>

#include <nlohmann/json.hpp>

#include "redline/checks/check.h"
#include "redline/error.h"
#include "redline/measure/quantity_format.h"

namespace redline::detail {

/// Returns the unit as reports print it: "%", "m²", "亩", "万亩", "km²", "ha" ...
inline std::string check_unit_text(const std::string& unit) {
  if (unit == "%") return "%";
  if (unit == "m2") return "m²";
  if (unit == "mu") return "亩";
  if (unit == "wanmu") return "万亩";
  if (unit == "km2") return "km²";
  return unit;
}

/// Returns `value` with r's decimals and unit; `sign` puts "+" before a positive figure.
inline std::string check_figure(double value, const CheckResult& r, bool sign = false) {
  std::string n = format_number(value, r.decimals);
  if (sign && n.find_first_not_of("-0.") != std::string::npos && value > 0) n = "+" + n;
  if (n.find_first_not_of("-0.") == std::string::npos) n = format_number(0.0, r.decimals);  // no "-0.00"
  return n + " " + check_unit_text(r.unit);
}

/// Returns r.details_json parsed. Throws InternalError when it is not a JSON object.
inline nlohmann::ordered_json parsed_check_details(const CheckResult& r) {
  // details_json is the library's own dump: parsing it back and dumping again gives the same
  // bytes (numbers print in their shortest round-trip form; key order is kept).
  nlohmann::ordered_json details = nlohmann::ordered_json::parse(r.details_json, nullptr, /*allow_exceptions=*/false);
  if (!details.is_object()) throw InternalError("check " + r.name + ": its details are not a JSON object");
  return details;
}

}  // namespace redline::detail
