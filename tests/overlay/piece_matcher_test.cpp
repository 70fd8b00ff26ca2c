// How a target piece relates to a cover piece (lib/overlay/piece_matcher.h), and the overlap
// overlap_of() returns, on boxes whose answers are plain to see (areas by hand, in m²). Small
// cover pieces take the segment path; a 4096-vertex cover polygon takes the prepared one.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "overlay/overlay_cases.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "redline/geom/ops.h"

namespace redline {
namespace {

using detail::PieceMatcher;
using detail::PieceSet;
using detail::Relation;
using test::boxes_layer;
using test::dense_square;

constexpr int kNoCut = 1 << 20;  // max piece vertices: keep every feature whole

// Returns how each piece of `targets` relates to the only piece of `cover`.
std::vector<Relation> relations(const Layer& targets, const Layer& cover) {
  const PieceSet t(targets, targets.crs, kNoCut, kDefaultGridSizeProjected, 1);
  const PieceSet c(cover, cover.crs, kNoCut, kDefaultGridSizeProjected, 1);
  PieceMatcher matcher(c);
  std::vector<Relation> out;
  for (std::size_t k = 0; k < t.size(); ++k) {
    matcher.set_target(t[k]);
    out.push_back(matcher.relate(0));
  }
  return out;
}

Layer targets() {
  return boxes_layer("targets", {{10, 10, 20, 20},      // inside the cover
                                 {-10, -10, 110, 110},  // around it
                                 {200, 0, 210, 10},     // apart
                                 {100, 0, 110, 100},    // sharing its right edge
                                 {90, 90, 120, 120}});  // across its corner: 10 × 10 inside
}

const std::vector<Relation> kExpected = {Relation::TargetInside, Relation::CoverInside, Relation::Disjoint,
                                         Relation::Disjoint, Relation::Crossing};

TEST(PieceMatcher, SmallCoverPieces) {
  EXPECT_EQ(relations(targets(), boxes_layer("cover", {{0, 0, 100, 100}})), kExpected);
}

TEST(PieceMatcher, LargePreparedCoverPiece) {
  std::vector<std::pair<std::string, Geometry>> features;
  features.emplace_back("dense", dense_square());
  const Layer cover = test::layer_of("cover", std::move(features));
  std::vector<Relation> got = relations(targets(), cover);
  ASSERT_EQ(got.size(), kExpected.size());
  // Sharing an edge with a prepared piece may be left to the overlay ("may meet"), which then
  // finds nothing: never a wrong "inside".
  EXPECT_TRUE(got[3] == Relation::Disjoint || got[3] == Relation::Crossing);
  if (got[3] == Relation::Crossing) {
    const Layer t = targets();
    const PieceSet tp(t, t.crs, kNoCut, kDefaultGridSizeProjected, 1);
    const PieceSet cp(cover, cover.crs, kNoCut, kDefaultGridSizeProjected, 1);
    EXPECT_EQ(detail::overlap_of(tp[3], cp[0], Relation::Crossing, kDefaultGridSizeProjected).planar_area(), 0.0);
  }
  got[3] = kExpected[3];
  EXPECT_EQ(got, kExpected);
}

TEST(PieceMatcher, ManyLargeCoverPiecesDroppedAndPreparedAgainAnswerTheSame) {
  // 700 prepared-size squares (10 m, 80 vertices), more than a matcher keeps: it drops them and
  // prepares them again as met, twice over. Each target lies inside square k (TargetInside),
  // across its right edge into the gap beside it (Crossing), or in that gap (Disjoint).
  constexpr int kSquares = 700;
  std::vector<std::pair<std::string, Geometry>> squares;
  for (int k = 0; k < kSquares; ++k) squares.emplace_back(std::to_string(k), dense_square(20.0 * k, 10, 20));
  const Layer cover = test::layer_of("cover", std::move(squares));
  std::vector<std::array<double, 4>> boxes;
  for (int k = 0; k < kSquares; ++k) {
    const double x = 20.0 * k;
    boxes.push_back({x + 2, 2, x + 4, 4});
    boxes.push_back({x + 8, 2, x + 12, 4});
    boxes.push_back({x + 14, 2, x + 16, 4});
  }
  std::vector<std::pair<std::string, Geometry>> target_features;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const auto& b = boxes[i];
    target_features.emplace_back(std::to_string(i), test::box(b[0], b[1], b[2], b[3]));
  }
  const Layer targets = test::layer_of("targets", std::move(target_features));
  const PieceSet t(targets, targets.crs, kNoCut, kDefaultGridSizeProjected, 1);
  const PieceSet c(cover, cover.crs, kNoCut, kDefaultGridSizeProjected, 1);
  ASSERT_EQ(c.size(), static_cast<std::size_t>(kSquares));
  PieceMatcher matcher(c);
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      matcher.set_target(t[i]);
      const Relation expected = i % 3 == 0 ? Relation::TargetInside : i % 3 == 1 ? Relation::Crossing : Relation::Disjoint;
      ASSERT_EQ(matcher.relate(i / 3), expected) << "target " << i << ", round " << round;
    }
  }
}

TEST(PieceMatcher, OverlapIsTheInnerPieceOrTheIntersection) {
  const Layer t = targets(), c = boxes_layer("cover", {{0, 0, 100, 100}});
  const PieceSet tp(t, t.crs, kNoCut, kDefaultGridSizeProjected, 1);
  const PieceSet cp(c, c.crs, kNoCut, kDefaultGridSizeProjected, 1);
  const double grid = kDefaultGridSizeProjected;
  EXPECT_DOUBLE_EQ(detail::overlap_of(tp[0], cp[0], Relation::TargetInside, grid).planar_area(), 100.0);
  EXPECT_DOUBLE_EQ(detail::overlap_of(tp[1], cp[0], Relation::CoverInside, grid).planar_area(), 10000.0);
  EXPECT_NEAR(detail::overlap_of(tp[4], cp[0], Relation::Crossing, grid).planar_area(), 100.0, 1e-6);
  EXPECT_TRUE(detail::overlap_of(tp[2], cp[0], Relation::Disjoint, grid).is_empty());
}

}  // namespace
}  // namespace redline
