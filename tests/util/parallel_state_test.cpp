// detail::parallel_for_with_state() (lib/util/parallel.h): each worker's state is made and
// destroyed on the worker's own thread, so that it never outlives the thread's GEOS and PROJ
// contexts; every item runs once; the error reported is the lowest failing item's, whatever
// the thread count.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "util/parallel.h"

namespace redline::detail {
namespace {

struct Recorder {
  std::mutex mutex;
  std::vector<std::thread::id> made, destroyed;
};

struct ThreadBoundState {
  Recorder* recorder;
  std::thread::id owner = std::this_thread::get_id();
  explicit ThreadBoundState(Recorder* r) : recorder(r) {
    std::lock_guard<std::mutex> lock(r->mutex);
    r->made.push_back(owner);
  }
  ThreadBoundState(ThreadBoundState&& o) noexcept : recorder(o.recorder), owner(o.owner) { o.recorder = nullptr; }
  ~ThreadBoundState() {
    if (!recorder) return;  // moved from
    std::lock_guard<std::mutex> lock(recorder->mutex);
    recorder->destroyed.push_back(std::this_thread::get_id());
  }
};

TEST(ParallelForWithState, StateIsMadeAndDestroyedOnItsWorkersThread) {
  for (unsigned threads : {1u, 2u, 4u}) {
    Recorder recorder;
    std::vector<int> seen(1000, 0);
    std::atomic<bool> foreign_use{false};
    parallel_for_with_state(seen.size(), threads, [&] { return ThreadBoundState(&recorder); },
                            [&](std::size_t i, ThreadBoundState& state, unsigned) {
                              if (state.owner != std::this_thread::get_id()) foreign_use = true;
                              ++seen[i];
                            }, 8);
    EXPECT_FALSE(foreign_use) << threads;
    EXPECT_EQ(std::set<int>(seen.begin(), seen.end()), std::set<int>{1}) << threads;  // each item once
    ASSERT_EQ(recorder.made.size(), recorder.destroyed.size()) << threads;
    EXPECT_LE(recorder.made.size(), threads) << threads;
    // Every state died on the thread that made it.
    EXPECT_EQ(std::multiset<std::thread::id>(recorder.made.begin(), recorder.made.end()),
              std::multiset<std::thread::id>(recorder.destroyed.begin(), recorder.destroyed.end()))
        << threads;
  }
}

TEST(ParallelForWithState, LowestFailingItemIsReportedForAnyThreadCount) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    try {
      parallel_for(500, threads, [](std::size_t i) {
        if (i == 77 || i == 78 || i == 300 || i == 499) throw std::runtime_error("item " + std::to_string(i));
      }, 4);
      ADD_FAILURE() << "no exception with " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "item 77") << threads;
    }
  }
}

}  // namespace
}  // namespace redline::detail
