#include "redline/io/feature.h"

#include <cmath>

#include <fmt/format.h>

namespace redline {

std::string to_string(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fmt::format("{:.15g}", v); }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

bool is_missing(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return true;
  const double* real = std::get_if<double>(&value);
  return real && std::isnan(*real);
}

}  // namespace redline
