// run_costliest_first(): every item once, the costliest handed out first, per-worker state,
// and the error of the lowest failing item whatever the costs and the thread count.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/costliest_first.h"

namespace redline::detail {
namespace {

struct NoState {};

TEST(CostliestFirst, RunsEveryItemOnceCostliestFirst) {
  const std::vector<std::size_t> cost = {1, 50, 3, 50, 7, 0, 100};
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    std::vector<std::atomic<int>> runs(cost.size());
    std::vector<std::size_t> started;
    std::mutex m;
    run_costliest_first<NoState>(cost, threads, ProgressFn{}, "test", [] { return NoState{}; },
                                 [&](std::size_t item, NoState&) {
      ++runs[item];
      std::lock_guard<std::mutex> lock(m);
      started.push_back(item);
    });
    for (std::size_t i = 0; i < cost.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << i;
    if (threads == 1) {
      // By cost, equal costs in item order: 100, 50 (item 1), 50 (item 3), 7, 3, 1, 0.
      EXPECT_EQ(started, (std::vector<std::size_t>{6, 1, 3, 4, 2, 0, 5}));
    }
  }
}

TEST(CostliestFirst, VeryManyItemsGoInItemOrder) {
  std::vector<std::size_t> cost(kManyItems + 5);
  for (std::size_t i = 0; i < cost.size(); ++i) cost[i] = i;  // sorted, the last would go first
  std::vector<std::size_t> started;
  run_costliest_first<NoState>(cost, 1, ProgressFn{}, "test", [] { return NoState{}; },
                               [&](std::size_t item, NoState&) { started.push_back(item); });
  ASSERT_EQ(started.size(), cost.size());
  for (std::size_t i = 0; i < started.size(); ++i) ASSERT_EQ(started[i], i);
}

TEST(CostliestFirst, TheLowestFailingItemIsReportedWhateverItsCost) {
  // Items 2 and 5 fail; 5 is the costliest and runs first, yet item 2's error comes out.
  const std::vector<std::size_t> cost = {1, 1, 1, 1, 1, 99, 1, 1};
  for (unsigned threads : {1u, 2u, 4u}) {
    SCOPED_TRACE(threads);
    try {
      run_costliest_first<NoState>(cost, threads, ProgressFn{}, "test", [] { return NoState{}; },
                                   [&](std::size_t item, NoState&) {
        if (item == 2 || item == 5) throw std::runtime_error("item " + std::to_string(item));
      });
      FAIL() << "no error";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "item 2");
    }
  }
}

TEST(CostliestFirst, EachWorkerHasItsOwnState) {
  std::vector<std::size_t> cost(200, 1);
  std::vector<int> state_of(cost.size(), -1);
  std::atomic<int> made{0};
  run_costliest_first<int>(cost, 4, ProgressFn{}, "test", [&] { return made++; },
                           [&](std::size_t item, int& state) { state_of[item] = state; });
  for (int s : state_of) {
    EXPECT_GE(s, 0);
    EXPECT_LT(s, made.load());
  }
  EXPECT_LE(made.load(), 4);
}

}  // namespace
}  // namespace redline::detail
