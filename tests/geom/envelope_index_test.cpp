// EnvelopeIndex: every query answered as a scan of all boxes would answer it, on random boxes
// (points, lines and touching boxes among them), for any thread.
#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <thread>
#include <vector>

#include "redline/geom/envelope_index.h"

namespace redline {
namespace {

Envelope box(double min_x, double min_y, double max_x, double max_y) {
  Envelope e;
  e.min_x = min_x;
  e.min_y = min_y;
  e.max_x = max_x;
  e.max_y = max_y;
  e.is_null = false;
  return e;
}

// The oracle: closed boxes meet when they share a point, edges and corners included; a null box
// meets nothing. Written out here rather than taken from Envelope::intersects().
bool meet(const Envelope& a, const Envelope& b) {
  if (a.is_null || b.is_null) return false;
  return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

std::vector<std::size_t> scan(const std::vector<Envelope>& boxes, const Envelope& query) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    if (meet(boxes[i], query)) found.push_back(i);
  }
  return found;
}

// Random boxes on a coarse grid, so that many share edges and corners exactly; some are points
// or segments, some null. Offset to Gauss-Kruger magnitudes (zone 39 easting prefix).
std::vector<Envelope> random_boxes(std::mt19937& random, std::size_t n) {
  std::uniform_int_distribution<int> cell(0, 200), size(0, 12), kind(0, 19);
  std::vector<Envelope> boxes;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = 39500000.0 + 0.5 * cell(random), y = 2800000.0 + 0.5 * cell(random);
    const int k = kind(random);
    if (k == 0) {
      boxes.push_back(Envelope{});  // null
    } else if (k == 1) {
      boxes.push_back(box(x, y, x, y));  // a point
    } else if (k == 2) {
      boxes.push_back(box(x, y, x + 0.5 * size(random), y));  // a horizontal segment
    } else {
      boxes.push_back(box(x, y, x + 0.5 * size(random), y + 0.5 * size(random)));
    }
  }
  return boxes;
}

TEST(EnvelopeIndex, QueriesAgreeWithAScanOnRandomBoxes) {
  std::mt19937 random(20261123);
  for (std::size_t n : {0u, 1u, 7u, 100u, 5000u}) {
    const std::vector<Envelope> boxes = random_boxes(random, n);
    const EnvelopeIndex index(boxes);
    std::size_t not_null = 0;
    for (const Envelope& b : boxes) not_null += b.is_null ? 0 : 1;
    EXPECT_EQ(index.size(), not_null) << n;
    std::size_t hits = 0;
    const std::vector<Envelope> queries = random_boxes(random, 2000);
    for (const Envelope& q : queries) {
      const std::vector<std::size_t> expected = scan(boxes, q);
      ASSERT_EQ(index.query(q), expected) << n << " boxes, query " << q.min_x << " " << q.min_y << " "
                                          << q.max_x << " " << q.max_y << (q.is_null ? " (null)" : "");
      hits += expected.size();
    }
    // The queries are not all empty: the comparison says something.
    if (n >= 100) {
      EXPECT_GT(hits, queries.size() / 10) << n;
    }
  }
}

TEST(EnvelopeIndex, BoxesTouchingAtAnEdgeOrACornerAreFound) {
  const std::vector<Envelope> boxes = {box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 10, 30, 20),
                                       box(5, 5, 5, 5), box(30.000001, 0, 40, 10)};
  const EnvelopeIndex index(boxes);
  EXPECT_EQ(index.query(box(10, 10, 20, 10)), (std::vector<std::size_t>{0, 1, 2}));  // edge + corner
  EXPECT_EQ(index.query(box(5, 5, 5, 5)), (std::vector<std::size_t>{0, 3}));        // a point query
  EXPECT_EQ(index.query(box(30, 0, 30, 5)), (std::vector<std::size_t>{}));          // a hair apart
  EXPECT_EQ(index.query(box(30, 0, 30, 10)), (std::vector<std::size_t>{2}));
}

TEST(EnvelopeIndex, NullBoxesAreLeftOutAndANullQueryFindsNothing) {
  const std::vector<Envelope> boxes = {Envelope{}, box(0, 0, 1, 1), Envelope{}, box(0, 0, 2, 2)};
  const EnvelopeIndex index(boxes);
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.query(box(-100, -100, 100, 100)), (std::vector<std::size_t>{1, 3}));  // item numbers kept
  EXPECT_TRUE(index.query(Envelope{}).empty());
  const EnvelopeIndex empty(std::vector<Envelope>{});
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.query(box(0, 0, 1, 1)).empty());
}

TEST(EnvelopeIndex, MovedIndexAnswersAsBefore) {
  std::mt19937 random(7);
  const std::vector<Envelope> boxes = random_boxes(random, 300);
  EnvelopeIndex first(boxes);
  EnvelopeIndex second = std::move(first);
  EnvelopeIndex third(std::vector<Envelope>{box(0, 0, 1, 1)});
  third = std::move(second);
  const Envelope q = box(39500010.0, 2800010.0, 39500050.0, 2800050.0);
  EXPECT_EQ(third.query(q), scan(boxes, q));
  EXPECT_FALSE(scan(boxes, q).empty());
}

TEST(EnvelopeIndex, ConcurrentQueriesAgreeWithAScan) {
  std::mt19937 random(11);
  const std::vector<Envelope> boxes = random_boxes(random, 3000);
  const std::vector<Envelope> queries = random_boxes(random, 4000);
  const EnvelopeIndex index(boxes);
  std::vector<std::size_t> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < queries.size(); i += mismatches.size()) {
        if (index.query(queries[i]) != scan(boxes, queries[i])) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < mismatches.size(); ++t) EXPECT_EQ(mismatches[t], 0u) << "thread " << t;
}

}  // namespace
}  // namespace redline
