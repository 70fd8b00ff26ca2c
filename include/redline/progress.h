#pragma once
// Progress reporting for long runs. The library calls the function, if one is given, from the
// thread that started the work; the CLI draws it on stderr when stderr is a terminal.
#include <cstddef>
#include <functional>
#include <string_view>

namespace redline {

/// Called with a stage name ("reading", "measuring", ...), the items done and the total
/// (total 0 when unknown). May be empty: then nothing is reported.
using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

}  // namespace redline
