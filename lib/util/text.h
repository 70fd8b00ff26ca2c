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

/// Returns true when `s` is well-formed UTF-8 holding at least one CJK ideograph and otherwise
/// only ASCII and the characters of Chinese text (CJK punctuation, full-width forms, general
/// punctuation, enclosed numbers, Latin-1 signs such as the middle dot): how UTF-8 Chinese looks,
/// and what GBK bytes almost never look like when read as UTF-8.
bool looks_like_utf8_chinese(std::string_view s);

/// Returns `s` with what a terminal, a table or a spreadsheet would act on written visibly:
/// C0 controls and DEL as \xNN (tab, line feed, carriage return as \t, \n, \r), C1 controls
/// and the bidirectional overrides (U+202A-U+202E, U+2066-U+2069) as \uNNNN, and bytes that are
/// not well-formed UTF-8 as \xNN. Everything else is kept.
std::string escape_controls(std::string_view s);

/// Returns `s` lower-cased (ASCII only).
std::string ascii_lower(std::string_view s);

}  // namespace redline::detail
