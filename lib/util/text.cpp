#include "util/text.h"

#include <cctype>

#include <fmt/format.h>

namespace redline::detail {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned int cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

bool looks_like_gbk(std::string_view bytes) {
  bool any = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    if (c < 0x81 || c > 0xFE || i + 1 >= bytes.size()) return false;
    const unsigned char t = static_cast<unsigned char>(bytes[i + 1]);
    if (t < 0x40 || t > 0xFE || t == 0x7F) return false;
    any = true;
    ++i;
  }
  return any;
}

namespace {

// Decodes the UTF-8 sequence at s[i]; returns its length (0 when it is not well-formed).
std::size_t next_code_point(std::string_view s, std::size_t i, unsigned int& cp) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size() || !is_valid_utf8(s.substr(i, len))) return 0;
  cp = len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return len;
}

bool is_cjk_ideograph(unsigned int cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

bool is_chinese_text_sign(unsigned int cp) {
  return (cp >= 0x00A0 && cp <= 0x00FF) ||  // Latin-1 signs: middle dot, degree, times
         (cp >= 0x2010 && cp <= 0x206F) ||  // general punctuation: dashes, quotes, ellipsis
         (cp >= 0x2100 && cp <= 0x24FF) ||  // letterlike, number forms, arrows, enclosed numbers
         (cp >= 0x2500 && cp <= 0x25FF) ||  // box drawing, geometric shapes
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
         (cp >= 0xFF00 && cp <= 0xFFEF);    // full-width forms
}

}  // namespace

bool looks_like_utf8_chinese(std::string_view s) {
  bool ideograph = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned int cp = 0;
    const std::size_t len = next_code_point(s, i, cp);
    if (len == 0) return false;
    if (is_cjk_ideograph(cp)) ideograph = true;
    else if (cp >= 0x80 && !is_chinese_text_sign(cp)) return false;
    i += len;
  }
  return ideograph;
}

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned int cp = 0;
    const std::size_t len = next_code_point(s, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp < 0x20 || cp == 0x7F) out += fmt::format("\\x{:02X}", cp);
    else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += fmt::format("\\u{:04X}", cp);
    } else {
      out.append(s, i, len);
    }
    i += len;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace redline::detail
