#pragma once
// Private: small text checks used when reading attributes.
#include <string>
#include <string_view>

namespace redline::detail {

/// Returns true when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

/// Returns true when the bytes contain at least one non-ASCII character and every non-ASCII byte
/// is part of a well-formed GBK double-byte character: how GBK text read as Latin-1 looks.
bool looks_like_gbk(std::string_view bytes);

/// Returns the Latin-1 bytes of UTF-8 text whose code points are all below U+0100; "" otherwise.
std::string utf8_to_latin1(std::string_view s);

/// Returns `s` lower-cased (ASCII only).
std::string ascii_lower(std::string_view s);

}  // namespace redline::detail
