#include "redline/checks/threshold.h"

#include <cmath>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/measure/units.h"
#include "util/quoted.h"

namespace redline {

namespace {

constexpr double kEarthSurfaceM2 = 5.1e14;  // as parse_area bounds an area

bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

double checked_percent(double percent) {
  if (!std::isfinite(percent)) throw UsageError(fmt::format("percentage {} is not a finite number", percent));
  if (percent <= 0) {
    throw UsageError(percent == 0 ? std::string("a smallest share of 0 % passes every layer: this check could never fail")
                                  : fmt::format("percentage {} is negative", percent));
  }
  if (percent > 100) throw UsageError(fmt::format("percentage {} is above 100", percent));
  // Shares are compared to 2 decimals: one that prints as 0.00 % passes every layer.
  if (std::round(percent * 100) == 0) {
    throw UsageError(fmt::format("percentage {} is 0.00 % to 2 decimals: this check could never fail", percent));
  }
  return percent;
}

namespace {

// Parses "52", "52%" or "52 %" and checks the number with `check`.
double parse_percent_with(const std::string& text, double (*check)(double)) {
  std::size_t rest = 0;
  const double value = parse_decimal(text, "percentage", &rest);
  std::size_t i = rest;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i < text.size() && text[i] == '%') ++i;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i != text.size()) {
    throw UsageError(fmt::format("percentage {} has {} after the number", detail::quoted(text),
                                 detail::quoted(text.substr(i))));
  }
  try {
    return check(value);
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("percentage {}: {}", detail::quoted(text), e.reason()));
  }
}

}  // namespace

double parse_percent(const std::string& text) { return parse_percent_with(text, checked_percent); }

double checked_max_percent(double percent) {
  if (!std::isfinite(percent)) throw UsageError(fmt::format("percentage {} is not a finite number", percent));
  if (percent < 0) throw UsageError(fmt::format("percentage {} is negative", percent));
  if (percent > 100) throw UsageError(fmt::format("percentage {} is above 100", percent));
  return percent;
}

double parse_max_percent(const std::string& text) { return parse_percent_with(text, checked_max_percent); }

double checked_max_area_m2(double m2) {
  if (!std::isfinite(m2)) throw UsageError(fmt::format("area {} m² is not a finite number", m2));
  if (m2 < 0) throw UsageError(fmt::format("area {} m² is negative", m2));
  if (m2 > kEarthSurfaceM2) throw UsageError(fmt::format("area {} m² is larger than the Earth's surface", m2));
  return m2;
}

double parse_max_area(const std::string& text) { return checked_max_area_m2(parse_area(text)); }

double checked_baseline_m2(double m2) {
  if (!std::isfinite(m2)) throw UsageError(fmt::format("baseline {} m² is not a finite number", m2));
  if (m2 < 0) throw UsageError(fmt::format("baseline {} m² is negative", m2));
  if (m2 == 0) throw UsageError("a baseline of 0 passes every layer, even an empty one: this check could never fail");
  if (m2 > kEarthSurfaceM2) throw UsageError(fmt::format("baseline {} m² is larger than the Earth's surface", m2));
  return m2;
}

double parse_baseline(const std::string& text) {
  const double m2 = parse_area(text);
  if (m2 == 0) {
    throw UsageError(fmt::format("baseline {} is 0: it passes every layer, even an empty one; this check could "
                                 "never fail",
                                 detail::quoted(text)));
  }
  return checked_baseline_m2(m2);
}

}  // namespace redline
