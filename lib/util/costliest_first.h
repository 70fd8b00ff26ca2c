#pragma once
// Private: a parallel loop that starts the costliest items first. A red line holds a few
// features that cost a hundred times the median (a large polygon overlaid with its large
// neighbours); handed out in feature order, the last of them can start when the other threads
// have nothing left to do, and the run waits on one thread. Started first, they run while the
// small ones fill the other threads.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <numeric>
#include <string_view>
#include <vector>

#include "redline/progress.h"
#include "util/work_loop.h"

namespace redline::detail {

/// Items beyond which run_costliest_first() hands items out in item order (a sort would cost
/// more than the imbalance it avoids).
constexpr std::size_t kManyItems = 65536;

/// Calls fn(item, state) for every item in [0, cost.size()) on up to `threads` threads, items
/// of larger cost first (equal costs in item order; up to kManyItems items); `state` is the worker's own (see
/// run_workers). Each item must write only its own results, so that the order items run in
/// does not matter. Reports (stage, done, total) to `progress` from the calling thread.
///
/// Errors as in item order: when items throw, the exception of the lowest item that threw is
/// rethrown, whatever the thread count and whatever the costs (items above a known failure
/// may be skipped).
template <typename State, typename MakeState, typename Fn>
void run_costliest_first(const std::vector<std::size_t>& cost, unsigned threads, const ProgressFn& progress,
                         std::string_view stage, MakeState&& make_state, Fn&& fn) {
  const std::size_t n = cost.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Among very many items no few dominate: they go in item order, in small chunks, unsorted.
  const bool many = n > kManyItems;
  if (!many) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return cost[x] > cost[y]; });
  }
  std::atomic<std::size_t> lowest_failed{n};
  std::vector<std::exception_ptr> failures(n);
  // One item at a time: items are whole features, far costlier than handing one out.
  const std::size_t chunk = many ? 16 : 1;
  run_workers<State>(n, threads, progress, stage, make_state, [&](std::size_t k, State& state) {
    const std::size_t item = order[k];
    if (item > lowest_failed.load()) return;  // cannot be the error reported
    try {
      fn(item, state);
    } catch (...) {
      failures[item] = std::current_exception();
      std::size_t lowest = lowest_failed.load();
      while (item < lowest && !lowest_failed.compare_exchange_weak(lowest, item)) {
      }
    }
  }, chunk);
  const std::size_t failed = lowest_failed.load();
  if (failed < n) std::rethrow_exception(failures[failed]);
}

}  // namespace redline::detail
