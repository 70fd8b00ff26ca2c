#include "drift/drift_engine.h"

#include <algorithm>
#include <map>
#include <optional>

#include "drift/noise_judge.h"
#include "drift/shared_edges.h"
#include "util/costliest_first.h"
#include "util/parallel.h"
#include "redline/geom/ops.h"

namespace redline::detail {

namespace {

void add_reclass(std::vector<Reclassification>& list, const std::string& from, const std::string& to,
                 double real, double noise) {
  for (Reclassification& r : list) {
    if (r.from == from && r.to == to) {
      r.m2 += real;
      r.noise_m2 += noise;
      return;
    }
  }
  list.push_back({from, to, real, noise});
}

}  // namespace

DriftEngine::DriftEngine(LayerVersion& before, LayerVersion& after, const DriftOptions& options, double grid,
                         bool with_class)
    : b_(before), a_(after), o_(options), grid_(grid), with_class_(with_class),
      after_out_(after.size()), before_out_(before.size()) {}

void DriftEngine::compare(const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                          const std::vector<FeatureAlignment>& alignments) {
  // The shared-edge indexes of both versions, built at the same time.
  std::optional<SharedEdgeIndex> b_edges, a_edges;
  if (!pairs.empty()) {
    const unsigned each = std::max(1u, resolve_threads(o_.threads) / 2);
    parallel_for(2, o_.threads, [&](std::size_t k) {
      if (k == 0) b_edges.emplace(b_.rings, each);
      else a_edges.emplace(a_.rings, each);
    }, 1);
  }
  std::vector<std::size_t> todo_a, todo_b;
  for (std::size_t j = 0; j < a_.size(); ++j) {
    if (!a_.by_edges[j]) todo_a.push_back(j);
  }
  for (std::size_t i = 0; i < b_.size(); ++i) {
    if (!b_.by_edges[i]) todo_b.push_back(i);
  }
  // Work items: the edge-by-edge pairs, then AFTER's overlays, then BEFORE's. An item's cost is
  // its vertices; an overlay's, its vertices and its neighbours', weighed for the overlay.
  constexpr std::size_t kOverlayWeight = 16;
  const std::size_t first_a = pairs.size(), first_b = first_a + todo_a.size();
  std::vector<std::size_t> cost(first_b + todo_b.size());
  for (std::size_t n = 0; n < pairs.size(); ++n) {
    cost[n] = b_.rings[pairs[n].first].vertices + a_.rings[pairs[n].second].vertices;
  }
  auto overlay_cost = [&](const LayerVersion& self, const LayerVersion& other, std::size_t i) {
    std::size_t vertices = self.rings[i].vertices;
    for (std::size_t k : other.index->query(self.env[i])) vertices += other.rings[k].vertices;
    return kOverlayWeight * vertices;
  };
  for (std::size_t n = 0; n < todo_a.size(); ++n) cost[first_a + n] = overlay_cost(a_, b_, todo_a[n]);
  for (std::size_t n = 0; n < todo_b.size(); ++n) cost[first_b + n] = overlay_cost(b_, a_, todo_b[n]);

  // A worker's noise judges, one per version (measuring in that version's CRS).
  struct Judges {
    std::optional<NoiseJudge> after, before;
  };
  run_costliest_first<Judges>(cost, o_.threads, o_.progress, "comparing features", [] { return Judges{}; },
                              [&](std::size_t item, Judges& judges) {
    if (item < first_a) {
      const auto [bi, aj] = pairs[item];
      measure_pair(bi, aj, alignments[item], *b_edges, *a_edges);
      return;
    }
    const bool is_after = item < first_b;
    LayerVersion& self = is_after ? a_ : b_;
    LayerVersion& other = is_after ? b_ : a_;
    const std::size_t i = is_after ? todo_a[item - first_a] : todo_b[item - first_b];
    std::optional<NoiseJudge>& judge = is_after ? judges.after : judges.before;
    if (!judge) judge.emplace(NoiseJudge{AreaCalculator(self.layer->crs, o_.method), o_.sliver_width, o_.sliver_area});
    try {
      overlay_feature(self, other, i, is_after, *judge);
    } catch (const Error& e) {
      rethrow_with_location(e, self.layer->where(self.layer->features[i].fid));
    }
  });
  overlaid_ = todo_a.size() + todo_b.size();
}

void DriftEngine::collect_totals(DriftResult& r) {
  std::map<std::pair<std::string, std::string>, Reclassification> reclass;
  for (FeatureOutcome& o : after_out_) {
    r.gained_m2 += o.real + o.noise;
    r.gained_noise_m2 += o.noise;
    r.gained_pieces += o.real_pieces;
    for (const Reclassification& rc : o.reclass) {
      Reclassification& sum = reclass[{rc.from, rc.to}];
      sum.from = rc.from;
      sum.to = rc.to;
      sum.m2 += rc.m2;
      sum.noise_m2 += rc.noise_m2;
    }
    for (DriftPiece& p : o.pieces) r.pieces.push_back(std::move(p));
  }
  for (FeatureOutcome& o : before_out_) {
    r.lost_m2 += o.real + o.noise;
    r.lost_noise_m2 += o.noise;
    r.lost_pieces += o.real_pieces;
    for (DriftPiece& p : o.pieces) r.pieces.push_back(std::move(p));
  }
  for (auto& [k, rc] : reclass) r.reclassified.push_back(std::move(rc));
}

void DriftEngine::measure_pair(std::size_t bi, std::size_t aj, const FeatureAlignment& alignment,
                               const SharedEdgeIndex& b_edges, const SharedEdgeIndex& a_edges) {
  // Planar band areas become areas by the run's method through the feature's own ratio; the
  // scale factor varies by far less than 1e-6 across a feature.
  const double ratio = b_.planar[bi] > 0 ? b_.m2[bi] / b_.planar[bi] : 1.0;
  double gained = 0.0, lost = 0.0, pair_outside = 0.0;
  std::vector<std::pair<std::size_t, double>> into_neighbours;
  for_each_edge_pair(b_.rings[bi], a_.rings[aj], alignment,
                     [&](const double* p1, const double* p2, const double* q1, const double* q2) {
    const EdgeBand band = edge_band(p1, p2, q1, q2);
    if (band.outside > 0) {
      pair_outside += band.outside;
      // Beyond an edge BEFORE shares, the band lies in the neighbour: covered, not gained.
      const std::int64_t m = b_edges.other_owner(p1, p2, bi);
      if (m < 0) gained += band.outside;
      else if (with_class_) into_neighbours.emplace_back(static_cast<std::size_t>(m), band.outside);
    }
    if (band.inside > 0 && a_edges.other_owner(q1, q2, aj) < 0) lost += band.inside;
  });
  FeatureOutcome& ao = after_out_[aj];
  FeatureOutcome& bo = before_out_[bi];
  ao.noise += gained * ratio;
  bo.noise += lost * ratio;
  ao.touched = bo.touched = true;
  if (!with_class_) return;
  const std::string& to = a_.klass[aj];
  if (b_.klass[bi] != to) {
    const double shared = std::max(0.0, a_.m2[aj] - pair_outside * ratio);
    const bool noise = shared < o_.sliver_area;
    add_reclass(ao.reclass, b_.klass[bi], to, noise ? 0.0 : shared, noise ? shared : 0.0);
    if (!noise && o_.collect_geometries) {
      ao.pieces.push_back({DriftPiece::Kind::Reclassified, "reclassified", a_.geometry(aj).clone(), shared,
                           b_.key[bi], a_.key[aj], b_.klass[bi], to});
    }
  }
  std::sort(into_neighbours.begin(), into_neighbours.end());
  for (const auto& [m, planar] : into_neighbours) {
    if (b_.klass[m] != to) add_reclass(ao.reclass, b_.klass[m], to, 0.0, planar * ratio);
  }
}

void DriftEngine::overlay_feature(LayerVersion& self, LayerVersion& other, std::size_t i, bool is_after,
                                  const NoiseJudge& judge) {
  FeatureOutcome& out = is_after ? after_out_[i] : before_out_[i];
  const Geometry& own = self.geometry(i);
  if (own.is_empty()) return;
  const std::size_t partner = self.partner[i];
  std::vector<std::size_t> candidates = other.index->query(self.env[i]);
  bool partner_near = false;
  if (partner != kUnmatched) {
    auto it = std::find(candidates.begin(), candidates.end(), partner);
    if (it != candidates.end()) {
      candidates.erase(it);
      candidates.insert(candidates.begin(), partner);  // first: its difference is the pair's own
      partner_near = true;
    }
  }

  // Reclassification is measured once, from AFTER's side: its feature ∩ each BEFORE feature.
  if (is_after && with_class_) {
    for (std::size_t b : candidates) {
      if (other.klass[b] == self.klass[i]) continue;
      Geometry shared = intersection(own, other.geometry(b), grid_);
      double real = 0.0, noise = 0.0;
      judge.each_piece(shared, [&](GeometryView piece, double m2, bool is_noise) {
        (is_noise ? noise : real) += m2;
        if (!is_noise && o_.collect_geometries) {
          out.pieces.push_back({DriftPiece::Kind::Reclassified, "reclassified", piece.clone(), m2,
                                other.key[b], self.key[i], other.klass[b], self.klass[i]});
        }
      });
      if (real > 0 || noise > 0) add_reclass(out.reclass, other.klass[b], self.klass[i], real, noise);
    }
  }

  // What of this feature no feature of the other version covers.
  Geometry rest;
  bool reduced = false;
  auto current = [&]() -> const Geometry& { return reduced ? rest : own; };
  for (std::size_t b : candidates) {
    if (current().is_empty()) break;
    if (!current().envelope().intersects(other.env[b])) continue;
    Geometry next = difference(current(), other.geometry(b), grid_);
    if (b == partner) {
      judge.each_piece(next, [&](GeometryView, double m2, bool noise) {
        if (!noise) out.pair_real += m2;
      });
    }
    rest = std::move(next);
    reduced = true;
  }
  if (partner != kUnmatched && !partner_near) {
    judge.each_piece(own, [&](GeometryView, double m2, bool noise) {
      if (!noise) out.pair_real += m2;
    });
  }
  // Without a key, a feature counts as overlapping the other version only where the
  // overlap holds a real piece: the slivers of re-exported neighbours do not count.
  if (reduced && o_.key_field.empty() && partner == kUnmatched) {
    Geometry overlap = difference(own, rest, grid_);
    judge.each_piece(overlap, [&](GeometryView, double, bool noise) { out.touched |= !noise; });
  } else {
    out.touched = reduced;
  }
  const bool whole_feature = o_.key_field.empty() ? !out.touched : partner == kUnmatched;
  const char* change = is_after ? (whole_feature ? "added" : "expanded") : (whole_feature ? "removed" : "shrunk");
  judge.each_piece(current(), [&](GeometryView piece, double m2, bool noise) {
    if (noise) {
      out.noise += m2;
      return;
    }
    // Where features of the same version overlap, the overlap counts once: in the first.
    // Only real pieces are cut (a sliver counted twice is far below any figure printed), so
    // that a layer drawn as a coverage costs no overlay with its own neighbours.
    Geometry own_piece;
    GeometryView counted = piece;
    bool cut = false;
    for (std::size_t k : self.index->query(piece.envelope())) {
      if (k >= i || counted.is_empty()) break;
      if (!counted.envelope().intersects(self.env[k])) continue;
      own_piece = difference(counted, self.geometry(k), grid_);
      counted = own_piece;
      cut = true;
    }
    if (cut) {
      judge.each_piece(counted, [&](GeometryView part, double part_m2, bool part_noise) {
        add_piece(out, self, other, i, partner, is_after, change, part, part_m2, part_noise);
      });
    } else {
      add_piece(out, self, other, i, partner, is_after, change, piece, m2, false);
    }
  });
}

void DriftEngine::add_piece(FeatureOutcome& out, const LayerVersion& self, const LayerVersion& other, std::size_t i,
                            std::size_t partner, bool is_after, const char* change, GeometryView piece, double m2,
                            bool noise) {
  if (noise) {
    out.noise += m2;
    return;
  }
  out.real += m2;
  ++out.real_pieces;
  if (o_.collect_geometries) {
    DriftPiece p{is_after ? DriftPiece::Kind::Gained : DriftPiece::Kind::Lost, change, piece.clone(), m2, "", "", "", ""};
    (is_after ? p.after_key : p.before_key) = self.key[i];
    if (partner != kUnmatched) (is_after ? p.before_key : p.after_key) = other.key[partner];
    out.pieces.push_back(std::move(p));
  }
}

}  // namespace redline::detail
