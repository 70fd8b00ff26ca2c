#pragma once
// Long runs: progress reporting and worker threads. The library calls the progress function, if
// one is given, from the thread that started the work; the CLI draws it on stderr when stderr
// is a terminal. Every option struct's `threads` takes a count of worker threads; results are
// the same for any count.
#include <cstddef>
#include <functional>
#include <string_view>

namespace redline {

/// A thread count that asks for one worker per core (std::thread::hardware_concurrency()).
inline constexpr unsigned kAllCores = 0;
/// DEFAULT worker threads of every option struct: all cores.
inline constexpr unsigned kDefaultThreads = kAllCores;

/// Called with a stage name ("reading", "measuring", ...), the items done and the total
/// (total 0 when unknown). May be empty: then nothing is reported.
using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

}  // namespace redline
