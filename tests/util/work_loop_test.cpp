// The parallel loop with per-worker state and progress (lib/util/work_loop.h).
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "util/work_loop.h"

namespace redline::detail {
namespace {

TEST(WorkLoop, BalancedChunkGivesEachThreadAboutEightChunks) {
  // By hand: n / (threads × 8), clamped to [1, 64].
  EXPECT_EQ(balanced_chunk(7, 4), 1u);          // 7 reserves: one at a time
  EXPECT_EQ(balanced_chunk(320, 4), 10u);       // 320 / 32
  EXPECT_EQ(balanced_chunk(100000, 4), 64u);    // capped
  EXPECT_EQ(balanced_chunk(0, 2), 1u);
}

TEST(WorkLoop, EveryItemOnceAndTheLastProgressIsComplete) {
  for (const unsigned threads : {1u, 3u}) {
    const std::size_t n = 1000;
    std::vector<std::atomic<int>> seen(n);
    std::atomic<int> states{0};
    std::vector<std::size_t> done_reports;
    const std::thread::id caller = std::this_thread::get_id();
    bool off_thread_progress = false;
    ProgressFn progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
      EXPECT_EQ(stage, "testing");
      EXPECT_EQ(total, n);
      if (std::this_thread::get_id() != caller) off_thread_progress = true;
      done_reports.push_back(done);
    };
    struct State {
      int id;
    };
    run_workers<State>(n, threads, progress, "testing", [&] { return State{states++}; },
                       [&](std::size_t i, State&) { ++seen[i]; });
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i].load(), 1) << i;
    EXPECT_GE(states.load(), 1);
    EXPECT_LE(states.load(), static_cast<int>(threads));  // at most one state per worker
    ASSERT_FALSE(done_reports.empty());
    EXPECT_EQ(done_reports.back(), n);
    EXPECT_FALSE(off_thread_progress);  // ProgressFn's contract: the calling thread only
  }
}

}  // namespace
}  // namespace redline::detail
