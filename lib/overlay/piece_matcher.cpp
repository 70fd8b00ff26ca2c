#include "overlay/piece_matcher.h"

namespace redline::detail {

namespace {

bool box_covers(const Envelope& outer, const Envelope& inner) {
  return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x &&
         outer.max_y >= inner.max_y;
}

bool check(char r, const char* what) {
  geos_check(r != 2, what);
  return r == 1;
}

}  // namespace

namespace {
// Cover pieces with fewer vertices are neither prepared nor kept: the segment test alone is
// cheaper for them, and keeping a prepared geometry per parcel of a 100 000-parcel cover would
// cost gigabytes.
constexpr int kKeepFrom = 64;  // vertices

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
  std::unique_ptr<SegmentPolygon>& cs = segments_[j];
  if (!cs) cs = std::make_unique<SegmentPolygon>(*c.geometry);
  return classify_pair(target_segments_, *cs);
}

const GEOSPreparedGeometry* PieceMatcher::prepared_cover(std::size_t j) {
  PreparedPtr& p = prepared_[j];
  if (!p) p.reset(geos_checked(GEOSPrepare_r(geos_handle(), (*cover_)[j].geometry->get()), "preparing a geometry"));
  return p.get();
}

const GEOSPreparedGeometry* PieceMatcher::prepared_target() {
  if (!target_prepared_) {
    target_prepared_.reset(geos_checked(GEOSPrepare_r(geos_handle(), target_->geometry->get()), "preparing a geometry"));
  }
  return target_prepared_.get();
}

Relation PieceMatcher::relate(std::size_t j) {
  const Piece& c = (*cover_)[j];
  const Piece& t = *target_;
  if (!c.envelope.intersects(t.envelope)) return Relation::Disjoint;
  GEOSContextHandle_t h = geos_handle();
  const bool small = c.geometry->num_points() < kKeepFrom;
  PreparedPtr transient;  // a small piece's prepared geometry, only when the segment test cannot tell
  const GEOSPreparedGeometry* pc = nullptr;
  if (!small) {
    pc = prepared_cover(j);
    // Deep inside (no boundary contact): GEOS's prepared test answers fast.
    if (box_covers(c.envelope, t.envelope) &&
        check(GEOSPreparedContainsProperly_r(h, pc, t.geometry->get()), "containsProperly")) {
      return Relation::TargetInside;
    }
    if (!check(GEOSPreparedIntersects_r(h, pc, t.geometry->get()), "intersects")) return Relation::Disjoint;
  }
  // Touching boundaries: the segment test answers the clean cases (neighbours sharing edges,
  // a parcel inside the red line along its edge) without GEOS's full relate.
  const PairClass pair = classify(j);
  if (pair != PairClass::Unknown) return relation_of(pair);
  if (small) {
    transient.reset(geos_checked(GEOSPrepare_r(h, c.geometry->get()), "preparing a geometry"));
    pc = transient.get();
    if (!check(GEOSPreparedIntersects_r(h, pc, t.geometry->get()), "intersects")) return Relation::Disjoint;
  }
  if (box_covers(c.envelope, t.envelope) && check(GEOSPreparedCovers_r(h, pc, t.geometry->get()), "covers")) {
    return Relation::TargetInside;
  }
  if (box_covers(t.envelope, c.envelope) &&
      check(GEOSPreparedCovers_r(h, prepared_target(), c.geometry->get()), "covers")) {
    return Relation::CoverInside;
  }
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
