#pragma once
// Private: run fn(i) for i in [0, n) on a few threads, in chunks; rethrows the first exception.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace redline::detail {

/// Returns `requested`, or the number of cores when it is 0.
inline unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

/// Returns how many workers parallel_for_workers() uses for n items.
inline unsigned worker_count(std::size_t n, unsigned threads, std::size_t chunk) {
  return std::max(1u, std::min<unsigned>(resolve_threads(threads),
                                         static_cast<unsigned>((n + chunk - 1) / chunk)));
}

/// Calls fn(i, worker) for every i in [0, n), on up to `threads` threads (the caller's
/// included); `worker` is in [0, worker_count(n, threads, chunk)) and names the thread, so that
/// per-thread state (a PROJ transformation, a GEOS reader) can live in a vector slot.
/// Work is handed out in chunks; the order in which items run is not defined, so fn must write
/// only to its own slot of any shared output.
template <typename Fn>
void parallel_for_workers(std::size_t n, unsigned threads, Fn&& fn, std::size_t chunk = 64) {
  threads = worker_count(n, threads, chunk);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i, 0u);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&](unsigned id) {
    try {
      for (;;) {
        std::size_t begin = next.fetch_add(chunk);
        if (begin >= n) return;
        std::size_t end = std::min(n, begin + chunk);
        for (std::size_t i = begin; i < end; ++i) fn(i, id);
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (failure) return;
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next.store(n);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

/// Calls fn(i) for every i in [0, n), as parallel_for_workers() does.
template <typename Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn, std::size_t chunk = 64) {
  parallel_for_workers(n, threads, [&fn](std::size_t i, unsigned) { fn(i); }, chunk);
}

}  // namespace redline::detail
