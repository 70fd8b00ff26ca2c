#include "redline/overlay/overlaps.h"

#include <map>
#include <utility>

#include "overlay/conflict_pieces.h"
#include "overlay/interiors_overlap.h"
#include "overlay/overlay_inputs.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "redline/geom/envelope_index.h"
#include "redline/geom/ops.h"
#include "redline/geom/predicates.h"
#include "util/work_loop.h"

namespace redline {

namespace {

using detail::PieceMatcher;
using detail::PieceSet;

// The common area of one piece of the first layer with one piece of a feature of the other.
struct PieceOverlap {
  std::size_t second = 0;  // the other feature
  Geometry geometry;
};

// Finds, for every piece of `first`, its overlaps with the pieces of `second`. With `self`
// (both are the same set), only pieces of a later feature are compared, so each pair of
// features is met once, from its first feature's side.
std::vector<std::vector<PieceOverlap>> piece_overlaps(const PieceSet& first, const PieceSet& second, bool self,
                                                      const detail::OverlayInputs& in, const Layer& layer,
                                                      const ProgressFn& progress) {
  std::vector<std::vector<PieceOverlap>> out(first.size());
  detail::run_workers<PieceMatcher>(
      first.size(), in.threads(), progress, "overlaying", [&] { return PieceMatcher(second); },
      [&](std::size_t k, PieceMatcher& matcher) {
        const detail::Piece& a = first[k];
        matcher.set_target(a);
        try {
          for (std::size_t j : second.query(a.envelope)) {
            const detail::Piece& b = second[j];
            if (self && b.feature <= a.feature) continue;
            // The segment test and prepared geometries settle "apart" and "only touching"
            // (neighbours sharing edges) without an overlay.
            const detail::Relation r = matcher.relate(j);
            if (r == detail::Relation::Disjoint) continue;
            Geometry common = detail::overlap_of(a, b, r, in.grid());
            if (common.is_empty() || !(common.planar_area() > 0)) continue;  // only touching
            out[k].push_back(PieceOverlap{b.feature, std::move(common)});
          }
        } catch (const Error& e) {
          rethrow_with_location(e, layer.where(layer.features[a.feature].fid));
        }
      });
  return out;
}

// Returns the area of the union of `pieces`. Pieces that overlap no other piece add their own
// areas; only those that do (where three features overlap one place, or features of one layer
// overlap each other) are unioned, so that such a place counts once. Which pieces overlap is
// found as the engine finds overlapping features: boxes, the segment test, GEOS relate for the
// few pairs it cannot settle. (Unioning every piece — the red line against 100 000 parcels
// gives tens of thousands — cost most of the run.)
double union_area(const std::vector<const Geometry*>& pieces, const std::vector<double>& areas,
                  const detail::OverlayInputs& in) {
  std::vector<Envelope> boxes;
  boxes.reserve(pieces.size());
  for (const Geometry* g : pieces) boxes.push_back(g->envelope());
  const EnvelopeIndex index(boxes);
  std::vector<std::vector<std::size_t>> overlapping(pieces.size());  // later pieces piece i overlaps
  struct Scratch {
    detail::SegmentPolygon a, b;
  };
  detail::run_workers<Scratch>(pieces.size(), in.threads(), {}, "", [] { return Scratch{}; },
                               [&](std::size_t i, Scratch& s) {
                                 bool loaded = false;
                                 for (std::size_t j : index.query(boxes[i])) {
                                   if (j <= i) continue;
                                   if (!loaded) s.a.assign(*pieces[i]), loaded = true;
                                   s.b.assign(*pieces[j]);
                                   if (!detail::interiors_may_overlap(s.a, s.b)) continue;
                                   if (relate_matches(*pieces[i], *pieces[j], "2********")) overlapping[i].push_back(j);
                                 }
                               });
  std::vector<char> crowded(pieces.size(), 0);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    for (std::size_t j : overlapping[i]) crowded[i] = crowded[j] = 1;
  }
  double total = 0.0;
  std::vector<GeometryView> to_union;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (crowded[i]) {
      to_union.push_back(*pieces[i]);
    } else {
      total += areas[i];
    }
  }
  if (!to_union.empty()) total += in.area_calculator().area(union_all(to_union, in.grid()));
  return total;
}

OverlapResult collect(std::vector<std::vector<PieceOverlap>>& found, const PieceSet& first,
                      const detail::OverlayInputs& in, const OverlapOptions& options) {
  // Per pair of features, its pieces' overlaps in piece order (a feature's pieces partition
  // it: their overlaps with one other feature are joined into one piece).
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Geometry>> by_pair;
  for (std::size_t k = 0; k < found.size(); ++k) {
    for (PieceOverlap& o : found[k]) by_pair[{first[k].feature, o.second}].push_back(std::move(o.geometry));
  }
  std::vector<std::pair<std::size_t, std::size_t>> keys;
  std::vector<std::vector<Geometry>> parts;
  keys.reserve(by_pair.size());
  parts.reserve(by_pair.size());
  for (auto& [key, geometries] : by_pair) {
    keys.push_back(key);
    parts.push_back(std::move(geometries));
  }
  std::vector<Geometry> pieces(keys.size());
  detail::parallel_for(keys.size(), in.threads(),
                       [&](std::size_t i) { pieces[i] = detail::merge_parts(parts[i], in.grid()); }, 1);
  const std::vector<detail::MeasuredPiece> measured =
      detail::measure_pieces(pieces, in, options.sliver_width_metres, options.progress);

  OverlapResult r;
  in.describe_frame(r);
  std::vector<const Geometry*> listed;
  std::vector<double> listed_areas;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const detail::MeasuredPiece& m = measured[i];
    if (!detail::listed_piece(m, r.slivers, r.sliver_area_m2)) continue;
    OverlapPair p;
    p.first = keys[i].first;
    p.second = keys[i].second;
    p.piece = std::move(pieces[i]);
    p.area_m2 = m.area_m2;
    p.x = m.x;
    p.y = m.y;
    r.pairs.push_back(std::move(p));
  }
  for (const OverlapPair& p : r.pairs) {
    listed.push_back(&p.piece);
    listed_areas.push_back(p.area_m2);
  }
  r.total_area_m2 = union_area(listed, listed_areas, in);
  return r;
}

}  // namespace

OverlapResult find_overlaps(const Layer& layer, const OverlapOptions& options) {
  const detail::OverlayInputs in(layer, layer, detail::conflict_engine_options(options, layer.crs));
  auto found = piece_overlaps(in.first_pieces(), in.first_pieces(), true, in, layer, options.progress);
  return collect(found, in.first_pieces(), in, options);
}

OverlapResult find_overlaps(const Layer& layer, const Layer& other, const OverlapOptions& options) {
  const detail::OverlayInputs in(layer, other, detail::conflict_engine_options(options, layer.crs));
  auto found = piece_overlaps(in.first_pieces(), in.second_pieces(), false, in, layer, options.progress);
  return collect(found, in.first_pieces(), in, options);
}

}  // namespace redline
