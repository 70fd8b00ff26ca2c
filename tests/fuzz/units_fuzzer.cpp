// Fuzz target: the unit and threshold parsers of lib/measure/units.cpp (parse_area_unit,
// parse_area) and the other small option parsers a rules file or a user's options go through.
// Input: the text. A threshold that parses must be a finite, non-negative area: NaN, infinity
// or a negative area accepted as a threshold would make a check pass or fail for nothing.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "fuzz_support.h"
#include "redline/checks/check.h"
#include "redline/measure/units.h"

namespace {

template <typename Parse>
void expect_value_or_error(Parse parse) {
  try {
    parse();
  } catch (const redline::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  expect_value_or_error([&] {
    const redline::AreaUnit unit = redline::parse_area_unit(text);
    // A unit that parses round-trips through its name.
    if (redline::parse_area_unit(redline::unit_name(unit)) != unit) std::abort();
  });
  expect_value_or_error([&] {
    const double m2 = redline::parse_area(text);
    if (!std::isfinite(m2) || m2 < 0.0) {
      std::fprintf(stderr, "fuzz: parse_area accepted a threshold of %g m²\n", m2);
      std::abort();
    }
  });
  expect_value_or_error([&] { redline::parse_area_method(text); });
  expect_value_or_error([&] { redline::parse_invalid_policy(text); });
  expect_value_or_error([&] { redline::parse_check_kind(text); });
  return 0;
}
