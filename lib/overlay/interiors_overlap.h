#pragma once
// Private: a fast test for "do the interiors of two polygons meet?", for finding the features of
// a layer that overlap each other. GEOS's relate answers it exactly but builds a full topology
// graph for every pair; on a land-use layer, where every parcel shares edges with half a dozen
// neighbours, that was half the run time of a tabulation.
//
// classify_pair() answers with the same probes whether one polygon lies within the other, which
// GEOS's prepared covers() can only settle with a full relate when the boundaries touch — and a
// parcel inside the red line usually shares edges with it.
//
// The test works on the rings' segments with Shewchuk's filtered orientation predicate. Two
// valid polygons whose boundaries cross nowhere, share no partial edge and meet no vertex of the
// other in an edge's middle (a clean coverage: neighbours share whole edges and vertices) have
// overlapping interiors exactly when a vertex or an edge midpoint of one lies strictly inside
// the other, or a shared edge has both interiors on the same side. When rounding leaves any of
// these uncertain, or the boundaries meet in a way outside that case, the answer is "maybe":
// the caller then treats the pair as overlapping and takes the exact (union) path, which is
// correct either way, only slower.
#include <memory>

#include "redline/geom/geometry.h"

namespace redline::detail {

enum class PairClass;

/// A polygonal geometry's ring segments, with an index built on first use: extracted once and
/// reused when one polygon (a large cover piece) is tested against many others.
class SegmentPolygon {
 public:
  /// No segments.
  SegmentPolygon();
  /// Copies the segments of `polygon` (a Polygon or MultiPolygon; empty gives none).
  explicit SegmentPolygon(GeometryView polygon);
  /// Replaces the segments with those of `polygon`, reusing the memory.
  void assign(GeometryView polygon);
  /// Builds the index now. After this, the polygon may serve as the cover of
  /// classify_pair(SegmentPolygon&, const SegmentPolygon&) on several threads at once (until the
  /// next assign()): a whole red-line polygon is indexed once and shared by every worker.
  void build_index();
  ~SegmentPolygon();
  SegmentPolygon(SegmentPolygon&&) noexcept;
  SegmentPolygon& operator=(SegmentPolygon&&) noexcept;
  bool empty() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend bool interiors_may_overlap(SegmentPolygon& a, SegmentPolygon& b);
  friend PairClass classify_pair(SegmentPolygon& target, SegmentPolygon& cover);
  friend PairClass classify_pair(SegmentPolygon& target, const SegmentPolygon& cover);
};

/// Returns false only when the interiors of the polygonal `a` and `b` certainly do not meet;
/// true when they do or may. REQUIRES: both valid.
bool interiors_may_overlap(const Geometry& a, const Geometry& b);
/// The same on prepared segments. Not thread-safe: the index is built on first use.
bool interiors_may_overlap(SegmentPolygon& a, SegmentPolygon& b);

/// How two polygons lie, as far as the same test can tell.
enum class PairClass {
  Disjoint,      ///< the interiors do not meet
  TargetInside,  ///< the target lies within the cover (boundary contact allowed)
  CoverInside,   ///< the cover lies within the target
  Crossing,      ///< the interiors meet, neither within the other
  Unknown,       ///< crossing boundaries, partly shared edges or rounding: ask GEOS
};

/// Returns how `target` lies relative to `cover`; Unknown outside the clean case above.
/// REQUIRES: both valid.
PairClass classify_pair(const Geometry& target, const Geometry& cover);
/// The same on prepared segments. Not thread-safe: the index is built on first use.
PairClass classify_pair(SegmentPolygon& target, SegmentPolygon& cover);
/// The same against a cover whose index was built (build_index()): `cover` is only read, so
/// threads may share it, each with its own target. Its cost is the target's segments and the
/// cover's segments near the target's box, not the cover's size. Throws InternalError when the
/// cover's index was not built.
PairClass classify_pair(SegmentPolygon& target, const SegmentPolygon& cover);

}  // namespace redline::detail
