#pragma once
// Private: run fn(i) for i in [0, n) on a few threads, in chunks; rethrows the exception of the
// lowest item that failed, so that errors too are the same for any thread count.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace redline::detail {

/// Returns `requested`, or the number of cores when it is 0.
inline unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

/// Returns how many workers parallel_for_with_state() uses for n items.
inline unsigned worker_count(std::size_t n, unsigned threads, std::size_t chunk) {
  return std::max(1u, std::min<unsigned>(resolve_threads(threads),
                                         static_cast<unsigned>((n + chunk - 1) / chunk)));
}

/// Calls fn(i, state, worker) for every i in [0, n), on up to `threads` threads (the caller's
/// included, as worker 0). `state` is the worker's own, made by make_state() on the worker's
/// thread when it first needs one and destroyed on that same thread before the worker ends:
/// per-thread state (an AreaCalculator, prepared GEOS geometries) never outlives the thread's
/// PROJ and GEOS contexts, and is never touched by two threads.
/// Work is handed out in chunks; the order in which items run is not defined, so fn must write
/// only to its own slot of any shared output. When items throw, the exception of the lowest
/// failing item is rethrown (every item below it still runs), whatever the thread count.
template <typename MakeState, typename Fn>
void parallel_for_with_state(std::size_t n, unsigned threads, MakeState&& make_state, Fn&& fn,
                             std::size_t chunk = 64) {
  using State = std::decay_t<std::invoke_result_t<MakeState&>>;
  chunk = std::max<std::size_t>(chunk, 1);
  const unsigned workers = worker_count(n, threads, chunk);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> failed_at{n};  // lowest failing item so far; n: none
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&](unsigned id) {
    std::optional<State> state;  // lives in this frame, on this thread
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= n || begin > failed_at.load()) return;
      const std::size_t end = std::min(n, begin + chunk);
      for (std::size_t i = begin; i < end; ++i) {
        if (i > failed_at.load()) return;
        try {
          if (!state) state.emplace(make_state());
          fn(i, *state, id);
        } catch (...) {
          std::lock_guard<std::mutex> lock(failure_mutex);
          if (i < failed_at.load()) {
            failure = std::current_exception();
            failed_at.store(i);
          }
          return;
        }
      }
    }
  };
  if (workers <= 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (unsigned t = 1; t < workers; ++t) {
      try {
        pool.emplace_back(worker, t);
      } catch (const std::system_error&) {
        break;  // no more threads to be had: the ones running share the work
      }
    }
    worker(0);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

/// Calls fn(i) for every i in [0, n), as parallel_for_with_state() does.
template <typename Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn, std::size_t chunk = 64) {
  struct NoState {};
  parallel_for_with_state(n, threads, [] { return NoState{}; },
                          [&fn](std::size_t i, NoState&, unsigned) { fn(i); }, chunk);
}

}  // namespace redline::detail
