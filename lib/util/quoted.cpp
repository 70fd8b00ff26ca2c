#include "util/quoted.h"

#include <fmt/format.h>

namespace redline::detail {

std::string quoted(std::string_view text, std::size_t max_bytes) {
  std::string out = "'";
  std::size_t i = 0;
  for (; i < text.size() && i < max_bytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
    else out += static_cast<char>(c);
  }
  if (i < text.size()) {
    // Do not end inside a multi-byte character: drop its lead and continuation bytes.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "…";
  }
  return out + "'";
}

}  // namespace redline::detail
