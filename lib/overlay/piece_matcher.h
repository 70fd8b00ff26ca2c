#pragma once
// Private: how a target piece relates to a cover piece, decided with prepared geometries so
// that the common cases — wholly inside, disjoint — need no overlay at all.
#include <cstddef>
#include <memory>
#include <vector>

#include "redline/geom/predicates.h"
#include "redline/measure/area.h"
#include "overlay/interiors_overlap.h"
#include "overlay/piece_set.h"

namespace redline::detail {

enum class Relation {
  Disjoint,      ///< the interiors do not meet (apart, or only touching)
  TargetInside,  ///< the cover piece covers the target piece: all of it is inside
  CoverInside,   ///< the target piece covers the cover piece: all of the cover piece is inside
  Crossing,      ///< the interiors meet, or may: an overlay decides how much
};

/// One per worker thread: prepared geometries hold lazily built indexes and are not
/// thread-safe. Prepares each large cover piece the first time it is met and keeps it (up to a
/// few hundred pieces, then all are dropped and prepared again as met: memory stays bounded
/// when a matcher serves a whole stream of batches); small pieces (a parcel) are tested on
/// their segments, which needs no preparation.
class PieceMatcher {
 public:
  explicit PieceMatcher(const PieceSet& cover);
  ~PieceMatcher();
  PieceMatcher(PieceMatcher&&) noexcept;

  /// Sets the target piece that relate() compares with. REQUIRES: `target` outlives its use.
  void set_target(const Piece& target);
  /// Returns how the current target relates to cover piece `j`.
  Relation relate(std::size_t j);
  /// Returns how the current target lies relative to a whole cover feature's `outline`
  /// (FeatureOutlines), as far as the segment test can tell: Unknown when it cannot, and
  /// Crossing when the interiors meet without one holding the other — then relate() on the
  /// feature's pieces decides.
  PairClass classify_outline(const SegmentPolygon& outline);

 private:
  using PreparedPtr = std::unique_ptr<PreparedGeometry>;
  const PreparedGeometry& prepared_cover(std::size_t j);
  const PreparedGeometry& prepared_target();
  PairClass classify(std::size_t j);
  // Notes that piece j is about to be kept; drops every kept piece first when too many are.
  void keep(std::size_t j);

  const PieceSet* cover_;
  std::vector<PreparedPtr> prepared_;
  // Prepared geometries and segments of the large cover pieces, kept: extracting 1000 vertices
  // per test would cost more than the test. Small pieces are extracted each time, which keeps
  // memory flat whatever the cover's size.
  std::vector<std::unique_ptr<SegmentPolygon>> segments_;
  std::vector<std::size_t> kept_;  // the pieces kept above, at most kMaxKeptPieces distinct
  const Piece* target_ = nullptr;
  PreparedPtr target_prepared_;
  SegmentPolygon target_segments_, scratch_segments_;
  bool target_loaded_ = false;
};

/// What one worker thread of coverage and tabulate holds: its own area calculator and matcher
/// (neither is shared between threads).
struct MatchWorker {
  AreaCalculator calc;
  PieceMatcher matcher;
};

}  // namespace redline::detail

namespace redline::detail {

/// Returns the common part of target piece `t` and cover piece `c`, which relate as `r`: a copy
/// of the inner one when one covers the other, their intersection on the grid when they cross,
/// null when disjoint.
Geometry overlap_of(const Piece& t, const Piece& c, Relation r, double grid);

}  // namespace redline::detail
