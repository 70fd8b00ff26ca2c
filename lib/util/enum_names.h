#pragma once
// Private: one name table per enum. Each enum the library parses from text (a command-line
// option, a rules-file key) has exactly one table of its spellings; parse, name and the list
// in error messages and help all come from it.
//
// Example usage:
//   constexpr detail::EnumNames<AreaMethod, 4> kMethodNames{"area method", {{
//       {AreaMethod::Ellipsoidal, "ellipsoidal"}, {AreaMethod::Ellipsoidal, "geodesic"},
//       {AreaMethod::Survey, "survey"}, {AreaMethod::Planar, "planar"}}}};
//   AreaMethod m = kMethodNames.parse("GEODESIC");  // Ellipsoidal
//   std::string n = kMethodNames.name(m);            // "ellipsoidal"
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "redline/error.h"
#include "util/quoted.h"
#include "util/text.h"

namespace redline::detail {

template <typename E>
struct EnumSpelling {
  E value;
  std::string_view spelling;
};

/// The spellings of enum E. The first spelling of each value is its name (what reports,
/// JSON and help print); the others are accepted aliases. Matching ignores ASCII case.
template <typename E, std::size_t N>
struct EnumNames {
  std::string_view what;  ///< what the values are, for messages: "area unit", "check kind"
  std::array<EnumSpelling<E>, N> spellings;
  std::string_view extra = "";  ///< appended to the list in errors, e.g. "or 平方米, 公顷"

  /// Returns the value spelled `text`. Throws UsageError naming `what`, the text and the names.
  E parse(std::string_view text) const {
    const std::string lower = ascii_lower(text);
    for (const EnumSpelling<E>& s : spellings) {
      if (ascii_lower(s.spelling) == lower) return s.value;
    }
    std::string message = "unknown " + std::string(what) + " " + quoted(text) + " (expected " +
                          joined(", ", " or ");
    if (!extra.empty()) message += "; " + std::string(extra);
    throw UsageError(message + ")");
  }

  /// Returns the name of `value`.
  std::string name(E value) const {
    for (const EnumSpelling<E>& s : spellings) {
      if (s.value == value) return std::string(s.spelling);
    }
    throw InternalError("no name for a value of " + std::string(what));
  }

  /// Returns every value's name, in table order.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < N; ++i) {
      if (is_first(i)) out.emplace_back(spellings[i].spelling);
    }
    return out;
  }

  /// Returns the names as "a, b or c" (`separator`, `last`): for messages and help.
  std::string joined(std::string_view separator = ", ", std::string_view last = " or ") const {
    const std::vector<std::string> all = names();
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i > 0) out += (i + 1 == all.size()) ? last : separator;
      out += all[i];
    }
    return out;
  }

 private:
  bool is_first(std::size_t i) const {
    for (std::size_t j = 0; j < i; ++j) {
      if (spellings[j].value == spellings[i].value) return false;
    }
    return true;
  }
};

}  // namespace redline::detail
