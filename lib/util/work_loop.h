#pragma once
// Private: a parallel loop over work items — per-worker state made on first use, progress reported
// from the calling thread only (ProgressFn's contract).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "redline/progress.h"
#include "util/parallel.h"

namespace redline::detail {

/// Returns a chunk size that hands each thread about eight chunks: features differ a lot in
/// size (a 7-feature reserves layer must not go to one thread in one chunk of 64), while
/// 100 000 parcels still go 64 at a time.
inline std::size_t balanced_chunk(std::size_t n, unsigned threads) {
  return std::clamp<std::size_t>(n / (std::size_t{resolve_threads(threads)} * 8), 1, 64);
}

/// parallel_for_with_state() with the progress both loops below report: (stage, done, n) from
/// worker 0 every 256 items, then (stage, n, n) once all are done. `chunk` 0: balanced_chunk().
template <typename MakeState, typename Fn>
void run_counted(std::size_t n, unsigned threads, const ProgressFn& progress, std::string_view stage,
                 MakeState&& make_state, Fn&& fn, std::size_t chunk) {
  if (chunk == 0) chunk = balanced_chunk(n, threads);
  std::atomic<std::size_t> done{0};
  parallel_for_with_state(n, threads, make_state, [&](std::size_t i, auto& state, unsigned worker) {
    fn(i, state, worker);
    const std::size_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (progress && worker == 0 && (d % 256 == 0)) progress(stage, d, n);
  }, chunk);
  if (progress) progress(stage, n, n);
}

/// Calls fn(i, state) for i in [0, n) on up to `threads` threads, where `state` is this
/// worker's State, built with make_state() on the worker's thread the first time it needs one
/// and destroyed on that thread (see parallel_for_with_state()). Reports
/// (stage, done, n) to `progress` from the calling thread. `chunk` 0: balanced_chunk().
template <typename State, typename MakeState, typename Fn>
void run_workers(std::size_t n, unsigned threads, const ProgressFn& progress, std::string_view stage,
                 MakeState&& make_state, Fn&& fn, std::size_t chunk = 0) {
  run_counted(n, threads, progress, stage, [&]() -> State { return make_state(); },
              [&](std::size_t i, State& state, unsigned) { fn(i, state); }, chunk);
}

/// As run_workers(), but each worker's State is kept in `kept` (one slot per worker, grown as
/// needed) from one call to the next: what a state builds up (prepared geometries, extracted
/// segments) is built once for a whole stream of batches instead of once per batch. A slot is
/// used by one thread at a time, not always the same thread from call to call, and is
/// destroyed with `kept`: REQUIRES a State that may move between threads (no thread-bound
/// handle; GEOS objects used through the calling thread's context, as PreparedGeometry is).
template <typename State, typename MakeState, typename Fn>
void run_workers_keeping(std::size_t n, unsigned threads, const ProgressFn& progress, std::string_view stage,
                         std::vector<std::unique_ptr<State>>& kept, MakeState&& make_state, Fn&& fn,
                         std::size_t chunk = 0) {
  if (chunk == 0) chunk = balanced_chunk(n, threads);
  const unsigned workers = worker_count(n, threads, chunk);
  if (kept.size() < workers) kept.resize(workers);
  struct NoState {};
  run_counted(n, threads, progress, stage, [] { return NoState{}; },
              [&](std::size_t i, NoState&, unsigned worker) {
    std::unique_ptr<State>& state = kept[worker];
    if (!state) state = std::make_unique<State>(make_state());
    fn(i, *state);
  }, chunk);
}

}  // namespace redline::detail
