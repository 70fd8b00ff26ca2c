#include "checks/describe_check.h"

#include <fmt/format.h>

#include "util/quoted.h"

namespace redline::detail {

std::string describe_check(const CheckSpec& spec) {
  std::string s = fmt::format("check {}", quoted(spec.name.empty() ? kind_name(spec.kind) : spec.name, 120));
  if (!spec.source.empty()) s += " (" + spec.source + ")";
  if (!spec.delivery.empty()) s += " on delivery " + spec.delivery;
  return s;
}

[[noreturn]] void refuse(const CheckSpec& spec, const std::string& what) {
  throw UsageError(describe_check(spec) + ": " + what);
}

}  // namespace redline::detail
