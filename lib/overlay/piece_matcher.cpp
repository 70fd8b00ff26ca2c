#include "overlay/piece_matcher.h"

#include <optional>

namespace redline::detail {

namespace {

bool box_covers(const Envelope& outer, const Envelope& inner) {
  return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x &&
         outer.max_y >= inner.max_y;
}

}  // namespace

namespace {
// Cover pieces with fewer vertices are neither prepared nor kept: the segment test alone is
// cheaper for them, and keeping a prepared geometry per parcel of a 100 000-parcel cover would
// cost gigabytes.
constexpr int kKeepFrom = 64;  // vertices
// Large cover pieces kept prepared at most, per matcher: a matcher kept for a whole stream of
// batches (tabulate) would otherwise come to hold every piece of a province's red line, about
// 150 KB each. When full, all are dropped and rebuilt as met again: a county's red line
// (about 200 pieces) stays whole; a stream read in spatial order meets few pieces per batch.
constexpr std::size_t kMaxKeptPieces = 512;

Relation relation_of(PairClass c) {
  switch (c) {
    case PairClass::Disjoint: return Relation::Disjoint;
    case PairClass::TargetInside: return Relation::TargetInside;
    case PairClass::CoverInside: return Relation::CoverInside;
    case PairClass::Crossing:
    case PairClass::Unknown: break;
  }
  return Relation::Crossing;
}
}  // namespace

PieceMatcher::PieceMatcher(const PieceSet& cover) : cover_(&cover), prepared_(cover.size()), segments_(cover.size()) {}
PieceMatcher::~PieceMatcher() = default;
PieceMatcher::PieceMatcher(PieceMatcher&&) noexcept = default;

void PieceMatcher::set_target(const Piece& target) {
  target_ = &target;
  target_prepared_.reset();
  target_loaded_ = false;
}

PairClass PieceMatcher::classify(std::size_t j) {
  const Piece& c = (*cover_)[j];
  if (!target_loaded_) target_segments_.assign(*target_->geometry), target_loaded_ = true;
  if (c.geometry->num_points() < kKeepFrom) {
    scratch_segments_.assign(*c.geometry);
    return classify_pair(target_segments_, scratch_segments_);
  }
  if (!segments_[j]) {
    keep(j);
    segments_[j] = std::make_unique<SegmentPolygon>(*c.geometry);
  }
  return classify_pair(target_segments_, *segments_[j]);
}

PairClass PieceMatcher::classify_outline(const SegmentPolygon& outline) {
  if (!target_loaded_) target_segments_.assign(*target_->geometry), target_loaded_ = true;
  return classify_pair(target_segments_, outline);
}

const PreparedGeometry& PieceMatcher::prepared_cover(std::size_t j) {
  if (!prepared_[j]) {
    keep(j);
    prepared_[j] = std::make_unique<PreparedGeometry>(*(*cover_)[j].geometry);
  }
  return *prepared_[j];
}

void PieceMatcher::keep(std::size_t j) {
  if (kept_.size() >= kMaxKeptPieces) {
    for (std::size_t k : kept_) prepared_[k].reset(), segments_[k].reset();
    kept_.clear();
  }
  kept_.push_back(j);  // once or twice (segments, prepared): dropped together
}

const PreparedGeometry& PieceMatcher::prepared_target() {
  if (!target_prepared_) target_prepared_ = std::make_unique<PreparedGeometry>(*target_->geometry);
  return *target_prepared_;
}

Relation PieceMatcher::relate(std::size_t j) {
  const Piece& c = (*cover_)[j];
  const Piece& t = *target_;
  if (!c.envelope.intersects(t.envelope)) return Relation::Disjoint;
  // The segment test first: it answers the common cases — a parcel apart from the cover, deep
  // inside it, or along the inside of its edge — on the cover's band index, at the cost of the
  // target's few segments, where GEOS's prepared tests cost more. Its definite answers are
  // tested against GEOS relate (interiors_overlap_test.cpp). Crossing and Unknown go on to GEOS
  // in the order the prepared tests always ran, so that they give the answers they gave.
  const PairClass pair = classify(j);
  if (pair == PairClass::Disjoint || pair == PairClass::TargetInside || pair == PairClass::CoverInside) {
    return relation_of(pair);
  }
  const bool small = c.geometry->num_points() < kKeepFrom;
  std::optional<PreparedGeometry> transient;  // a small piece's, only when the segment test cannot tell
  const PreparedGeometry* pc = nullptr;
  if (!small) {
    pc = &prepared_cover(j);
    // Deep inside (no boundary contact): GEOS's prepared test answers fast.
    if (box_covers(c.envelope, t.envelope) && pc->contains_properly(*t.geometry)) return Relation::TargetInside;
    if (!pc->intersects(*t.geometry)) return Relation::Disjoint;
  }
  if (pair == PairClass::Crossing) return Relation::Crossing;
  if (small) {
    transient.emplace(*c.geometry);
    pc = &*transient;
    if (!pc->intersects(*t.geometry)) return Relation::Disjoint;
  }
  if (box_covers(c.envelope, t.envelope) && pc->covers(*t.geometry)) return Relation::TargetInside;
  if (box_covers(t.envelope, c.envelope) && prepared_target().covers(*c.geometry)) return Relation::CoverInside;
  return Relation::Crossing;
}

}  // namespace redline::detail

#include "redline/geom/ops.h"

namespace redline::detail {

Geometry overlap_of(const Piece& t, const Piece& c, Relation r, double grid) {
  switch (r) {
    case Relation::Disjoint: return Geometry();
    case Relation::TargetInside: return t.geometry->clone();
    case Relation::CoverInside: return c.geometry->clone();
    case Relation::Crossing: return intersection(*t.geometry, *c.geometry, grid);
  }
  return Geometry();
}

}  // namespace redline::detail
