#include "overlay/interiors_overlap.h"


#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "geom/robust_orientation.h"
#include "redline/geom/paths.h"
#include "redline/error.h"

namespace redline::detail {

namespace {

struct Point {
  double x, y;
  bool operator==(const Point& o) const { return x == o.x && y == o.y; }
};

struct Segment {
  Point p, q;
  bool interior_left;  // the polygon's interior lies to the left of p→q
  // The box, computed when asked: 40 bytes a segment instead of 72, so that a band of a large
  // polygon's index spans fewer cache lines.
  double min_x() const { return std::min(p.x, q.x); }
  double max_x() const { return std::max(p.x, q.x); }
  double min_y() const { return std::min(p.y, q.y); }
  double max_y() const { return std::max(p.y, q.y); }
};

// Shared-edge marks of one polygon's segments: 0 not shared, 1 shared with the interiors on
// either side, 2 shared with both interiors on one side. Cleared in O(1) for every test by a
// generation count: a whole red-line polygon's 10 000 segments are not rewritten for each of
// the thousands of parcels tested against it.
class EdgeMarks {
 public:
  void reset(std::size_t n) {
    if (cells_.size() < n) cells_.resize(n, 0);
    if (++generation_ == kLastGeneration) {
      std::fill(cells_.begin(), cells_.end(), 0u);
      generation_ = 1;
    }
  }
  int operator[](std::size_t i) const { return (cells_[i] >> 2) == generation_ ? static_cast<int>(cells_[i] & 3u) : 0; }
  void set(std::size_t i, int mark) { cells_[i] = (generation_ << 2) | static_cast<std::uint32_t>(mark); }

 private:
  static constexpr std::uint32_t kLastGeneration = 1u << 30;
  std::vector<std::uint32_t> cells_;  // (generation << 2) | mark; a stale generation reads as 0
  std::uint32_t generation_ = 0;
};

constexpr int kUncertain = kUncertainOrientation;
int orientation(const Point& a, const Point& b, const Point& c) {
  return robust_orientation(a.x, a.y, b.x, b.y, c.x, c.y);
}

void add_ring(const PathView& ring, std::vector<Segment>& out) {
  const std::size_t n = ring.size;
  if (n < 4) return;
  const double* xy = ring.xy;
  double twice_area = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    twice_area += (xy[2 * i] - xy[0]) * (xy[2 * i + 3] - xy[1]) - (xy[2 * i + 2] - xy[0]) * (xy[2 * i + 1] - xy[1]);
  }
  const bool ccw = twice_area > 0;
  const bool is_shell = ring.role == PathRole::Shell;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    Segment s;
    s.p = {xy[2 * i], xy[2 * i + 1]};
    s.q = {xy[2 * i + 2], xy[2 * i + 3]};
    if (s.p == s.q) continue;
    s.interior_left = (is_shell == ccw);
    out.push_back(s);
  }
}

// For a point on a segment's line: returns true when it lies on the segment, off its end points.
bool on_segment_middle(const Point& c, const Segment& s) {
  return c.x >= s.min_x() && c.x <= s.max_x() && c.y >= s.min_y() && c.y <= s.max_y() && !(c == s.p) && !(c == s.q);
}

struct Box {
  double min_x, min_y, max_x, max_y;
  bool holds(const Point& p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
  bool meets(const Segment& s) const {
    return s.min_x() <= max_x && min_x <= s.max_x() && s.min_y() <= max_y && min_y <= s.max_y();
  }
};

Box box_of(const std::vector<Segment>& polygon) {
  Box b{polygon[0].min_x(), polygon[0].min_y(), polygon[0].max_x(), polygon[0].max_y()};
  for (const Segment& s : polygon) {
    b.min_x = std::min(b.min_x, s.min_x());
    b.min_y = std::min(b.min_y, s.min_y());
    b.max_x = std::max(b.max_x, s.max_x());
    b.max_y = std::max(b.max_y, s.max_y());
  }
  return b;
}

// A polygon's segments bucketed by horizontal bands, so that finding the segments a horizontal
// ray from a point can cross (those whose y range holds the point's y) looks at one band.
// Stored flat (band starts + one array of segment numbers) and rebuilt in place, so that
// testing thousands of small parcels allocates nothing.
class BandIndex {
 public:
  void build(const std::vector<Segment>& segments) {
    segments_ = &segments;
    box_ = box_of(segments);
    // Small polygons are scanned whole: bands would cost more than they save.
    const std::size_t n = segments.size() < 32 ? 1 : std::min<std::size_t>(segments.size() / 4, 512);
    const double height = box_.max_y - box_.min_y;
    scale_ = height > 0 ? n / height : 0.0;
    bands_ = n;
    if (n == 1) {  // every segment in the one band, which is its first: as the loops below make it
      start_.assign({0, segments.size()});
      items_.resize(segments.size());
      for (unsigned i = 0; i < segments.size(); ++i) items_[i] = i | kFirstBand;
      return;
    }
    start_.assign(n + 1, 0);
    for (const Segment& s : segments) {
      for (std::size_t b = band(s.min_y()), e = band(s.max_y()); b <= e; ++b) ++start_[b + 1];
    }
    for (std::size_t b = 0; b < n; ++b) start_[b + 1] += start_[b];
    items_.resize(start_[n]);
    cursor_.assign(start_.begin(), start_.end() - 1);
    for (unsigned i = 0; i < segments.size(); ++i) {
      const std::size_t first = band(segments[i].min_y()), last = band(segments[i].max_y());
      for (std::size_t b = first; b <= last; ++b) items_[cursor_[b]++] = i | (b == first ? kFirstBand : 0u);
    }
  }
  // The segment numbers of a band (without the first-band mark).
  struct Range {
    struct Iterator {
      const unsigned* at;
      unsigned operator*() const { return *at & ~kFirstBand; }
      Iterator& operator++() { return ++at, *this; }
      bool operator!=(const Iterator& o) const { return at != o.at; }
    };
    const unsigned *first, *last;
    Iterator begin() const { return {first}; }
    Iterator end() const { return {last}; }
  };
  const Box& box() const { return box_; }
  Range near(double y) const { return in_band(band(y)); }
  /// The bands holding y0..y1 (y0 <= y1), as [first, last]; a segment may sit in several.
  std::pair<std::size_t, std::size_t> bands_between(double y0, double y1) const { return {band(y0), band(y1)}; }
  Range in_band(std::size_t b) const { return {items_.data() + start_[b], items_.data() + start_[b + 1]}; }
  const Segment& operator[](unsigned i) const { return (*segments_)[i]; }
  /// Calls visit(i) once for every segment whose box meets `b`, in no defined order, and stops
  /// when it returns false; returns how many segments it visited. Only the bands `b` spans are
  /// looked at: a large polygon (a red-line piece) tested against a parcel costs the parcel's
  /// few bands, not a pass over all of its segments.
  template <typename Visit>
  std::size_t for_each_meeting(const Box& b, Visit&& visit) const {
    if (b.max_y < box_.min_y || b.min_y > box_.max_y || b.max_x < box_.min_x || b.min_x > box_.max_x) return 0;
    std::size_t visited = 0;
    const std::size_t first = band(b.min_y), last = band(b.max_y);
    for (std::size_t k = first; k <= last; ++k) {
      for (std::size_t at = start_[k], end = start_[k + 1]; at < end; ++at) {
        // A segment sits in every band its y range spans: it is visited in the first of them
        // that the box spans.
        if (k != first && !(items_[at] & kFirstBand)) continue;
        const unsigned i = items_[at] & ~kFirstBand;
        if (!b.meets((*segments_)[i])) continue;
        ++visited;
        if (!visit(i)) return visited;
      }
    }
    return visited;
  }

 private:
  std::size_t band(double y) const {
    const double f = (y - box_.min_y) * scale_;
    if (!(f > 0)) return 0;
    return std::min(bands_ - 1, static_cast<std::size_t>(f));
  }
  const std::vector<Segment>* segments_ = nullptr;
  Box box_{};
  double scale_ = 0.0;
  std::size_t bands_ = 1;
  std::vector<std::size_t> start_, cursor_;
  // Segment numbers by band; kFirstBand marks the first band of a segment's y range.
  static constexpr unsigned kFirstBand = 1u << 31;
  std::vector<unsigned> items_;
};

// Where a point lies relative to a polygon: strictly inside, strictly outside, or uncertain
// (on the boundary, or too close for the predicate to tell).
enum class Where { Inside, Outside, Uncertain };

// Returns true when `c` and every point within `slack` of it (in x and in y) lie strictly on
// one side of the line through segment s: the floating-point orientation, minus its error bound
// (as in orientation()) and minus how far moving c by `slack` can change it, keeps its sign.
bool clear_of_line(const Segment& s, const Point& c, double slack) {
  constexpr double eps = 1.1102230246251565e-16;  // 2^-53
  constexpr double bound = (3.0 + 16.0 * eps) * eps;
  const double left = (s.p.x - c.x) * (s.q.y - c.y);
  const double right = (s.p.y - c.y) * (s.q.x - c.x);
  const double moved = slack * (std::fabs(s.q.x - s.p.x) + std::fabs(s.q.y - s.p.y)) * (1 + 4 * eps);
  return std::fabs(left - right) > bound * (std::fabs(left) + std::fabs(right)) + moved;
}

// Where a point lies relative to a polygon. `slack` > 0 says the point stands for another one
// up to `slack` away in x and in y (a midpoint rounded to doubles): then the answer holds for
// that point too, or is Uncertain when a boundary segment passes so close that it could lie
// between the two.
Where locate(const Point& p, const BandIndex& polygon, double slack = 0.0) {
  const Box& box = polygon.box();
  if (p.x < box.min_x - slack || p.x > box.max_x + slack || p.y < box.min_y - slack || p.y > box.max_y + slack) {
    return Where::Outside;
  }
  if (slack > 0) {
    const auto [first, last] = polygon.bands_between(p.y - slack, p.y + slack);
    for (std::size_t b = first; b <= last; ++b) {
      for (unsigned i : polygon.in_band(b)) {
        const Segment& s = polygon[i];
        if (p.x < s.min_x() - slack || p.x > s.max_x() + slack || p.y < s.min_y() - slack || p.y > s.max_y() + slack) continue;
        if (!clear_of_line(s, p, slack)) return Where::Uncertain;
      }
    }
  }
  if (!box.holds(p)) return Where::Outside;
  int crossings = 0;
  for (unsigned i : polygon.near(p.y)) {
    const Segment& s = polygon[i];
    if (p.y < s.min_y() || p.y > s.max_y() || p.x > s.max_x()) {
      // Entirely above, below or left of p: cannot cross the ray to the right of p, nor hold p.
      continue;
    }
    const bool up = s.p.y <= p.y && s.q.y > p.y;
    const bool down = s.q.y <= p.y && s.p.y > p.y;
    const int o = orientation(s.p, s.q, p);
    if (o == kUncertain) return Where::Uncertain;
    if (o == 0) {
      // On the segment's line, with y in its range: on the segment unless left of a horizontal
      // one, which the ray rule below ignores anyway.
      if (p.x >= s.min_x()) return Where::Uncertain;
      continue;
    }
    if (up && o > 0) ++crossings;
    if (down && o < 0) ++crossings;
  }
  return (crossings % 2) ? Where::Inside : Where::Outside;
}

bool is_vertex_of(const Point& p, const BandIndex& polygon) {
  if (!polygon.box().holds(p)) return false;
  for (unsigned i : polygon.near(p.y)) {
    if (polygon[i].p == p || polygon[i].q == p) return true;
  }
  return false;
}

Point midpoint(const Segment& s) { return {(s.p.x + s.q.x) / 2, (s.p.y + s.q.y) / 2}; }

// How far, at most, the computed midpoint of s lies from the true one, in x and in y: the sum
// p + q is rounded once (half an ulp of the sum; the halving is exact), taken twice over.
double midpoint_slack(const Point& m) { return std::max(std::fabs(m.x), std::fabs(m.y)) * 2.220446049250313e-16; }

// What one polygon's probes — its vertices that are not vertices of the other, the midpoints
// of its edges that are not shared — and its shared edges say about the other.
struct Probes {
  int inside = 0;         // probes strictly inside the other, and shared edges with both interiors on one side
  int strictly_inside = 0;
  int outside = 0;        // probes strictly outside, and shared edges with the interiors on either side
  bool uncertain = false;
};

// Probes `from` against `other`. With `stop_at_inside`, returns at the first sign of overlap.
// `from_count` is the number of segments `from` indexes.
Probes probe(const BandIndex& from, std::size_t from_count, const EdgeMarks& shared, const BandIndex& other,
             bool stop_at_inside) {
  Probes r;
  auto count = [&](Where w) {
    if (w == Where::Uncertain) r.uncertain = true;
    if (w == Where::Inside) ++r.inside, ++r.strictly_inside;
    if (w == Where::Outside) ++r.outside;
  };
  // Only the segments near the other's box can probe anything but Outside: a vertex outside the
  // box is outside, and so is a midpoint farther from it than its rounding (midpoint_slack(),
  // under 2.3e-16 of its largest coordinate, far below `margin`); a shared edge is an edge of
  // the other, within its box. Each segment away from the box adds its two Outside probes
  // unseen, so that the counts are those of probing every segment.
  const Box& ob = other.box();
  const double largest = std::max({std::fabs(ob.min_x), std::fabs(ob.max_x), std::fabs(ob.min_y), std::fabs(ob.max_y)});
  const double margin = std::max(largest, 1.0) * 1e-9;
  const Box near{ob.min_x - margin, ob.min_y - margin, ob.max_x + margin, ob.max_y + margin};
  bool stopped = false;
  const std::size_t probed = from.for_each_meeting(near, [&](unsigned i) {
    const Segment& s = from[i];
    if (!is_vertex_of(s.p, other)) count(locate(s.p, other));
    if (shared[i] == 1) ++r.outside;       // shared, interiors on either side
    else if (shared[i] == 2) ++r.inside;   // shared, interiors on the same side
    else {
      const Point m = midpoint(s);
      count(locate(m, other, midpoint_slack(m)));
    }
    stopped = r.uncertain || (stop_at_inside && r.inside);
    return !stopped;
  });
  if (!stopped) r.outside += 2 * static_cast<int>(from_count - probed);
  return r;
}

// The outcome of comparing one segment of each polygon.
enum class PairResult { Nothing, SharedApart, SharedSameSide, Overlap };

PairResult compare(const Segment& s, const Segment& t) {
  const bool same = s.p == t.p && s.q == t.q;
  const bool reversed = s.p == t.q && s.q == t.p;
  if (same || reversed) {
    // A shared edge: the interiors meet along it when they lie on the same side.
    return ((s.interior_left == t.interior_left) == same) ? PairResult::SharedSameSide : PairResult::SharedApart;
  }
  const int o1 = orientation(s.p, s.q, t.p), o2 = orientation(s.p, s.q, t.q);
  const int o3 = orientation(t.p, t.q, s.p), o4 = orientation(t.p, t.q, s.q);
  if (o1 == kUncertain || o2 == kUncertain || o3 == kUncertain || o4 == kUncertain) return PairResult::Overlap;
  if (o1 * o2 < 0 && o3 * o4 < 0) return PairResult::Overlap;  // the boundaries cross
  // A vertex on the other's segment that is not one of its end points (a T-junction or a partly
  // shared edge): outside the clean-coverage case, so "maybe".
  if ((o1 == 0 && on_segment_middle(t.p, s)) || (o2 == 0 && on_segment_middle(t.q, s)) ||
      (o3 == 0 && on_segment_middle(s.p, t)) || (o4 == 0 && on_segment_middle(s.q, t))) {
    return PairResult::Overlap;
  }
  return PairResult::Nothing;
}

// Compares every segment of `a` with every segment of `b` whose boxes meet, with a sweep over
// x; marks shared edges (1: interiors on either side, 2: on the same side). Returns true as soon
// as a pair shows that the boundaries cross, or cannot tell.
bool segments_overlap(const std::vector<Segment>& a, const BandIndex& index_a, const std::vector<Segment>& b,
                      const BandIndex& index_b, EdgeMarks& shared_a, EdgeMarks& shared_b) {
  const Box& ba = index_a.box();
  const Box& bb = index_b.box();
  const Box common{std::max(ba.min_x, bb.min_x), std::max(ba.min_y, bb.min_y), std::min(ba.max_x, bb.max_x),
                   std::min(ba.max_y, bb.max_y)};
  // Events: (min_x, side, index) for the segments that reach the boxes' common part.
  struct Event {
    double min_x;
    unsigned index;
    bool from_a;
  };
  thread_local std::vector<Event> events;
  thread_local std::vector<unsigned> active_a, active_b;
  events.clear();
  active_a.clear();
  active_b.clear();
  index_a.for_each_meeting(common, [&](unsigned i) {
    events.push_back({a[i].min_x(), i, true});
    return true;
  });
  index_b.for_each_meeting(common, [&](unsigned j) {
    events.push_back({b[j].min_x(), j, false});
    return true;
  });
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return x.min_x < y.min_x || (x.min_x == y.min_x && x.from_a && !y.from_a);
  });
  for (const Event& e : events) {
    const Segment& s = e.from_a ? a[e.index] : b[e.index];
    std::vector<unsigned>& other = e.from_a ? active_b : active_a;
    const std::vector<Segment>& other_segments = e.from_a ? b : a;
    for (std::size_t k = 0; k < other.size();) {
      const Segment& t = other_segments[other[k]];
      if (t.max_x() < s.min_x()) {  // passed: drop it
        other[k] = other.back();
        other.pop_back();
        continue;
      }
      if (t.min_y() <= s.max_y() && s.min_y() <= t.max_y()) {
        const PairResult r = e.from_a ? compare(s, t) : compare(t, s);
        if (r == PairResult::Overlap) return true;
        if (r == PairResult::SharedApart || r == PairResult::SharedSameSide) {
          const unsigned ia = e.from_a ? e.index : other[k], ib = e.from_a ? other[k] : e.index;
          const int mark = (r == PairResult::SharedApart) ? 1 : 2;
          shared_a.set(ia, mark);
          shared_b.set(ib, mark);
        }
      }
      ++k;
    }
    (e.from_a ? active_a : active_b).push_back(e.index);
  }
  return false;
}

}  // namespace

struct SegmentPolygon::Impl {
  std::vector<Segment> segments;
  BandIndex bands;
  bool indexed = false;
  const BandIndex& index() {
    if (!indexed) bands.build(segments), indexed = true;
    return bands;
  }
};

SegmentPolygon::SegmentPolygon() : impl_(std::make_unique<Impl>()) {}

SegmentPolygon::SegmentPolygon(GeometryView polygon) : SegmentPolygon() { assign(polygon); }

void SegmentPolygon::assign(GeometryView polygon) {
  impl_->segments.clear();
  impl_->indexed = false;
  // An empty geometry has no paths: for_each_path() visits nothing (and a null one is empty).
  for_each_path(polygon, [&](const PathView& path) {
    if (path.is_ring()) add_ring(path, impl_->segments);
    return true;
  });
}

void SegmentPolygon::build_index() { impl_->index(); }

SegmentPolygon::~SegmentPolygon() = default;
SegmentPolygon::SegmentPolygon(SegmentPolygon&&) noexcept = default;
SegmentPolygon& SegmentPolygon::operator=(SegmentPolygon&&) noexcept = default;

bool SegmentPolygon::empty() const { return impl_->segments.empty(); }

bool interiors_may_overlap(SegmentPolygon& a, SegmentPolygon& b) {
  if (a.empty() || b.empty()) return false;
  const std::vector<Segment>& sa = a.impl_->segments;
  const std::vector<Segment>& sb = b.impl_->segments;
  thread_local EdgeMarks shared_a, shared_b;
  shared_a.reset(sa.size());
  shared_b.reset(sb.size());
  const BandIndex& ia = a.impl_->index();
  const BandIndex& ib = b.impl_->index();
  if (segments_overlap(sa, ia, sb, ib, shared_a, shared_b)) return true;
  const Probes pa = probe(ia, sa.size(), shared_a, ib, true);
  if (pa.uncertain || pa.inside) return true;
  const Probes pb = probe(ib, sb.size(), shared_b, ia, true);
  return pb.uncertain || pb.inside;
}

namespace {

PairClass classify(const std::vector<Segment>& st, const BandIndex& it, const std::vector<Segment>& sc,
                   const BandIndex& ic) {
  // The cover's boundary misses the target's box (no segment's box meets it): the box, and the
  // target in it, lie wholly inside the cover or wholly outside, as any one vertex says. Most
  // parcels against a red-line piece: deep inside, or beside it.
  if (ic.for_each_meeting(it.box(), [](unsigned) { return false; }) == 0) {
    switch (locate(st[0].p, ic)) {
      case Where::Inside: return PairClass::TargetInside;
      case Where::Outside: return PairClass::Disjoint;
      case Where::Uncertain: break;
    }
  }
  thread_local EdgeMarks shared_t, shared_c;
  shared_t.reset(st.size());
  shared_c.reset(sc.size());
  if (segments_overlap(st, it, sc, ic, shared_t, shared_c)) return PairClass::Unknown;
  const Probes t = probe(it, st.size(), shared_t, ic, false);
  if (t.uncertain) return PairClass::Unknown;
  const Probes c = probe(ic, sc.size(), shared_c, it, false);
  if (c.uncertain) return PairClass::Unknown;
  if (t.inside == 0 && c.inside == 0) return PairClass::Disjoint;
  // With no crossing, the other's boundary enters a polygon's interior only where one of its
  // probes lies strictly inside: without such a probe, each part of the polygon lies wholly
  // inside or wholly outside the other, as its own probes say.
  if (t.outside == 0 && c.strictly_inside == 0) return PairClass::TargetInside;
  if (c.outside == 0 && t.strictly_inside == 0) return PairClass::CoverInside;
  return PairClass::Crossing;
}

}  // namespace

PairClass classify_pair(SegmentPolygon& target, SegmentPolygon& cover) {
  if (target.empty() || cover.empty()) return PairClass::Disjoint;
  const BandIndex& it = target.impl_->index();
  const BandIndex& ic = cover.impl_->index();
  return classify(target.impl_->segments, it, cover.impl_->segments, ic);
}

PairClass classify_pair(SegmentPolygon& target, const SegmentPolygon& cover) {
  if (target.empty() || cover.empty()) return PairClass::Disjoint;
  if (!cover.impl_->indexed) throw InternalError("classify_pair: a shared cover's index was not built");
  const BandIndex& it = target.impl_->index();
  return classify(target.impl_->segments, it, cover.impl_->segments, cover.impl_->bands);
}

bool interiors_may_overlap(const Geometry& a, const Geometry& b) {
  thread_local SegmentPolygon sa, sb;
  sa.assign(a);
  sb.assign(b);
  return interiors_may_overlap(sa, sb);
}

PairClass classify_pair(const Geometry& target, const Geometry& cover) {
  thread_local SegmentPolygon st, sc;
  st.assign(target);
  sc.assign(cover);
  return classify_pair(st, sc);
}

}  // namespace redline::detail
