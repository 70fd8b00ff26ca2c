#pragma once
// Private: user text shown inside a one-line error message.
#include <string>
#include <string_view>

namespace redline::detail {

/// Returns `text` in single quotes for a message: control characters (newlines, tabs, escape
/// sequences) shown as \n, \t or \xHH so that the message stays on one line and cannot drive a
/// terminal, and text longer than `max_bytes` cut (at a UTF-8 boundary) with "…". Never throws
/// anything but std::bad_alloc.
std::string quoted(std::string_view text, std::size_t max_bytes = 80);

}  // namespace redline::detail
