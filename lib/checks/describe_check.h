#pragma once
// Private: how messages name a check: "check 'NAME' (SOURCE) on delivery D", the kind standing
// for a check without a name.
#include <string>

#include "redline/checks/check.h"

namespace redline::detail {

/// Returns the check as messages name it.
std::string describe_check(const CheckSpec& spec);

/// Throws UsageError "CHECK: what", the check named by describe_check.
[[noreturn]] void refuse(const CheckSpec& spec, const std::string& what);

}  // namespace redline::detail
