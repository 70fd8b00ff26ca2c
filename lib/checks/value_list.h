#pragma once
// Private: what makes a list of values (zones, order, the values of a `where`) unusable. Each
// fault would change a figure silently: a zone "" counts features without a zone, a rank given
// twice makes the order ambiguous, an empty list would fall back to a default or keep nothing.
#include <string>
#include <vector>

namespace redline::detail {

/// Returns what is wrong with `values`, worded to follow the list's name ("is an empty list",
/// "holds an empty value \"\"", "holds 'x' twice"), or "" when nothing is.
std::string value_list_fault(const std::vector<std::string>& values);

}  // namespace redline::detail
