#include "redline/drift/drift.h"


#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "drift/ring_alignment.h"
#include "drift/shared_edges.h"
#include "redline/crs/reproject.h"
#include "redline/geom/envelope_index.h"
#include "redline/geom/ops.h"
#include "redline/overlay/engine_options.h"
#include "redline/overlay/sliver.h"
#include "util/parallel.h"

namespace redline {

std::string to_string(FeatureChange change) {
  switch (change) {
    case FeatureChange::Unchanged: return "unchanged";
    case FeatureChange::Added: return "added";
    case FeatureChange::Removed: return "removed";
    case FeatureChange::Geometry: return "geometry";
    case FeatureChange::Attributes: return "attributes";
    case FeatureChange::Both: return "both";
  }
  return "unchanged";
}

double DriftResult::reclassified_m2() const {
  double sum = 0.0;
  for (const Reclassification& r : reclassified) sum += r.m2;
  return sum;
}

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kChunk = 4;  // features differ widely in cost: hand them out in small chunks

// A transverse Mercator projection on the layer's own ellipsoid, centred on its data: widths
// and slivers are then in metres, and areas on the ellipsoid stay what they were.
Crs local_transverse_mercator(const Layer& layer) {
  Envelope extent;
  for (const Feature& f : layer.features) extent.expand(f.geometry.envelope());
  const double lon0 = extent.is_null ? 0.0 : std::round((extent.min_x + extent.max_x) / 2 * 1000) / 1000;
  const Ellipsoid& e = layer.crs.ellipsoid();
  const std::string shape = e.inverse_flattening > 0
                                ? fmt::format("+a={:.4f} +rf={:.9f}", e.semi_major, e.inverse_flattening)
                                : fmt::format("+R={:.4f}", e.semi_major);
  return Crs::from_user_input(fmt::format(
      "+proj=tmerc +lat_0=0 +lon_0={:.3f} +k=1 +x_0=500000 +y_0=0 {} +units=m +no_defs +type=crs", lon0, shape));
}

// One version of the layer, with what the comparison needs of every feature.
struct Side {
  const Layer* layer = nullptr;
  std::vector<Envelope> env;
  std::vector<double> m2, planar;
  std::vector<std::string> key, klass;
  std::vector<char> key_missing;  // with a key field: null, NaN or blank, never matched
  std::vector<detail::PolygonRings> rings;
  std::unique_ptr<EnvelopeIndex> index;
  std::vector<std::size_t> partner;  // index in the other side, kNone when unmatched
  std::vector<char> by_edges;        // pair measured edge by edge (no overlay)

  const Geometry& geometry(std::size_t i) const { return layer->features[i].geometry; }
  std::size_t size() const { return layer->features.size(); }
};

void prepare_side(Side& s, const Layer& layer, std::optional<std::size_t> key_index,
                  std::optional<std::size_t> class_index, AreaMethod method, unsigned threads) {
  const std::size_t n = layer.features.size();
  s.layer = &layer;
  s.env.assign(n, Envelope{});
  s.m2.assign(n, 0.0);
  s.planar.assign(n, 0.0);
  s.key.assign(n, "");
  s.key_missing.assign(n, 0);
  s.klass.assign(n, "");
  s.rings.assign(n, {});
  s.partner.assign(n, kNone);
  s.by_edges.assign(n, 0);
  auto make_calculator = [&] { return std::optional<AreaCalculator>(std::in_place, layer.crs, method); };
  detail::parallel_for_with_state(n, threads, make_calculator,
                                  [&](std::size_t i, std::optional<AreaCalculator>& calc, unsigned) {
    const Feature& f = layer.features[i];
    // Envelopes are also computed here, on one thread per feature, before any sharing.
    s.env[i] = f.geometry.envelope();
    try {
      s.m2[i] = calc->area(f.geometry);
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(f.fid));
    }
    s.planar[i] = f.geometry.planar_area();
    s.key[i] = key_index ? to_string(f.values[*key_index]) : std::to_string(f.fid);
    if (key_index) {
      s.key_missing[i] = is_missing(f.values[*key_index]) ||
                         s.key[i].find_first_not_of(" \t") == std::string::npos;
      if (s.key_missing[i]) s.key[i].clear();
    }
    // A class that is null (or NaN) is "(null)", so that a change from '' to null is a change.
    if (class_index) s.klass[i] = is_missing(f.values[*class_index]) ? "(null)" : to_string(f.values[*class_index]);
    s.rings[i] = detail::extract_rings(f.geometry);
  }, 64);
  s.index = std::make_unique<EnvelopeIndex>(s.env);
}

// Reports a stage's progress from the calling thread (worker 0) only.
class StageProgress {
 public:
  StageProgress(const ProgressFn& fn, std::string stage, std::size_t total)
      : fn_(fn), stage_(std::move(stage)), total_(total) {}
  void tick(unsigned worker) {
    const std::size_t done = ++done_;
    if (worker == 0 && fn_) fn_(stage_, done, total_);
  }
  void finish() {
    if (fn_) fn_(stage_, total_, total_);
  }

 private:
  const ProgressFn& fn_;
  std::string stage_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
};

// Per-thread tools: measuring pieces and telling real change from noise.
struct PieceJudge {
  AreaCalculator calc;
  double width;
  double min_area;

  // Calls fn(part, m2, noise) for every polygon of `g`.
  template <typename Fn>
  void each_piece(GeometryView g, Fn&& fn) const {
    if (g.is_empty()) return;
    auto judge = [&](GeometryView part) {
      const double m2 = calc.area(part);
      if (m2 <= 0) return;
      const bool noise = m2 < min_area || is_sliver(part, width);
      fn(part, m2, noise);
    };
    for (std::size_t i = 0; i < g.num_parts(); ++i) {
      const GeometryView part = g.part(i);
      if (part.type() == GeometryType::Polygon) judge(part);
    }
  }
};

// What one feature of AFTER contributes (or of BEFORE, with gained read as lost).
struct Outcome {
  double real = 0.0, noise = 0.0;     // gained (AFTER) or lost (BEFORE), layer-wide meaning
  std::size_t real_pieces = 0;
  double pair_real = 0.0;             // real difference with its partner alone
  bool touched = false;               // the other version overlaps it (without a key: by a real piece)
  std::vector<Reclassification> reclass;  // AFTER only
  std::vector<DriftPiece> pieces;
};

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

class DriftEngine {
 public:
  DriftEngine(Side& before, Side& after, const DriftOptions& options, double grid, bool with_class)
      : b_(before), a_(after), o_(options), grid_(grid), with_class_(with_class) {}

  std::vector<Outcome> after_out, before_out;

  void measure_by_edges(const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                        const std::vector<detail::FeatureAlignment>& alignments) {
    detail::SharedEdgeIndex b_edges(b_.rings, o_.threads);
    detail::SharedEdgeIndex a_edges(a_.rings, o_.threads);
    StageProgress progress(o_.progress, "measuring unchanged features", pairs.size());
    struct NoState {};
    detail::parallel_for_with_state(pairs.size(), o_.threads, [] { return NoState{}; },
                                    [&](std::size_t n, NoState&, unsigned worker) {
      const auto [bi, aj] = pairs[n];
      measure_pair(bi, aj, alignments[n], b_edges, a_edges);
      progress.tick(worker);
    }, 16);
    progress.finish();
  }

  void overlay_rest(Side& self, Side& other, bool is_after) {
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < self.size(); ++i) {
      if (!self.by_edges[i]) todo.push_back(i);
    }
    StageProgress progress(o_.progress, is_after ? "overlaying AFTER" : "overlaying BEFORE", todo.size());
    auto make_judge = [&] {
      return std::optional<PieceJudge>(PieceJudge{AreaCalculator(self.layer->crs, o_.method), o_.sliver_width, o_.sliver_area});
    };
    detail::parallel_for_with_state(todo.size(), o_.threads, make_judge,
                                    [&](std::size_t n, std::optional<PieceJudge>& judge, unsigned worker) {
      const std::size_t i = todo[n];
      try {
        overlay_feature(self, other, i, is_after, *judge);
      } catch (const Error& e) {
        rethrow_with_location(e, self.layer->where(self.layer->features[i].fid));
      }
      progress.tick(worker);
    }, kChunk);
    progress.finish();
    overlaid_ += todo.size();
  }

  std::size_t overlaid() const { return overlaid_; }

 private:
  void measure_pair(std::size_t bi, std::size_t aj, const detail::FeatureAlignment& alignment,
                    const detail::SharedEdgeIndex& b_edges, const detail::SharedEdgeIndex& a_edges) {
    // Planar band areas become areas by the run's method through the feature's own ratio; the
    // scale factor varies by far less than 1e-6 across a feature.
    const double ratio = b_.planar[bi] > 0 ? b_.m2[bi] / b_.planar[bi] : 1.0;
    double gained = 0.0, lost = 0.0, pair_outside = 0.0;
    std::vector<std::pair<std::size_t, double>> into_neighbours;
    detail::for_each_edge_pair(b_.rings[bi], a_.rings[aj], alignment,
                               [&](const double* p1, const double* p2, const double* q1, const double* q2) {
      const detail::EdgeBand band = detail::edge_band(p1, p2, q1, q2);
      if (band.outside > 0) {
        pair_outside += band.outside;
        // Beyond an edge BEFORE shares, the band lies in the neighbour: covered, not gained.
        const std::int64_t m = b_edges.other_owner(p1, p2, bi);
        if (m < 0) gained += band.outside;
        else if (with_class_) into_neighbours.emplace_back(static_cast<std::size_t>(m), band.outside);
      }
      if (band.inside > 0 && a_edges.other_owner(q1, q2, aj) < 0) lost += band.inside;
    });
    Outcome& ao = after_out[aj];
    Outcome& bo = before_out[bi];
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

  void overlay_feature(Side& self, Side& other, std::size_t i, bool is_after, const PieceJudge& judge) {
    Outcome& out = is_after ? after_out[i] : before_out[i];
    const Geometry& own = self.geometry(i);
    if (own.is_empty()) return;
    const std::size_t partner = self.partner[i];
    std::vector<std::size_t> candidates = other.index->query(self.env[i]);
    bool partner_near = false;
    if (partner != kNone) {
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
    if (partner != kNone && !partner_near) {
      judge.each_piece(own, [&](GeometryView, double m2, bool noise) {
        if (!noise) out.pair_real += m2;
      });
    }
    // Without a key, a feature counts as overlapping the other version only where the
    // overlap holds a real piece: the slivers of re-exported neighbours do not count.
    if (reduced && o_.key_field.empty() && partner == kNone) {
      Geometry overlap = difference(own, rest, grid_);
      judge.each_piece(overlap, [&](GeometryView, double, bool noise) { out.touched |= !noise; });
    } else {
      out.touched = reduced;
    }
    const bool whole_feature = o_.key_field.empty() ? !out.touched : partner == kNone;
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

  void add_piece(Outcome& out, const Side& self, const Side& other, std::size_t i, std::size_t partner, bool is_after,
                 const char* change, GeometryView piece, double m2, bool noise) {
    if (noise) {
      out.noise += m2;
      return;
    }
    out.real += m2;
    ++out.real_pieces;
    if (o_.collect_geometries) {
      DriftPiece p{is_after ? DriftPiece::Kind::Gained : DriftPiece::Kind::Lost, change, piece.clone(), m2, "", "", "", ""};
      (is_after ? p.after_key : p.before_key) = self.key[i];
      if (partner != kNone) (is_after ? p.before_key : p.after_key) = other.key[partner];
      out.pieces.push_back(std::move(p));
    }
  }

  Side& b_;
  Side& a_;
  const DriftOptions& o_;
  double grid_;
  bool with_class_;
  std::size_t overlaid_ = 0;
};

// Every comparison is written so that NaN fails it: NaN compares false with everything.
void validate(const DriftOptions& o) {
  if (!(o.sliver_width > 0)) {
    throw UsageError(fmt::format("sliver width must be a positive number of metres, not {}", o.sliver_width));
  }
  validate_sliver_width(o.sliver_width, "sliver width");
  if (!(o.sliver_area >= 0 && o.sliver_area <= kMaxDriftSliverArea)) {
    throw UsageError(fmt::format("sliver area must be 0 or a number of m² up to {:g}, not {}",
                                 kMaxDriftSliverArea, o.sliver_area));
  }
  validate_sliver_width(o.fast_shift, "fast shift");
  if (!(o.grid_size >= 0 && o.grid_size <= kMaxGridMetres)) {
    throw UsageError(fmt::format("grid size must be 0 or a number of metres up to {:g}, not {}",
                                 kMaxGridMetres, o.grid_size));
  }
}

// Pairs features by key: the k-th BEFORE feature with a key goes with the k-th AFTER one.
// Features without a key (null, NaN, blank) are paired with nothing.
std::size_t pair_by_key(Side& before, Side& after) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before.key_missing[i]) continue;
    auto& list = by_key[before.key[i]];
    if (!list.empty()) ++duplicates;
    list.push_back(i);
  }
  std::unordered_map<std::string, std::size_t> used;
  std::unordered_map<std::string, std::size_t> seen_after;
  for (std::size_t j = 0; j < after.size(); ++j) {
    if (after.key_missing[j]) continue;
    if (seen_after[after.key[j]]++ > 0) ++duplicates;
    auto it = by_key.find(after.key[j]);
    if (it == by_key.end()) continue;
    std::size_t& next = used[after.key[j]];
    if (next >= it->second.size()) continue;
    const std::size_t i = it->second[next++];
    after.partner[j] = i;
    before.partner[i] = j;
  }
  return duplicates;
}

// Pairs features by geometry: an AFTER feature with a BEFORE feature within the shift limit.
void pair_by_geometry(Side& before, Side& after, double limit, unsigned threads) {
  std::vector<std::size_t> found(after.size(), kNone);
  detail::parallel_for(after.size(), threads, [&](std::size_t j) {
    const Envelope& e = after.env[j];
    if (e.is_null) return;
    for (std::size_t i : before.index->query(e)) {
      const Envelope& f = before.env[i];
      if (std::fabs(f.min_x - e.min_x) > limit || std::fabs(f.min_y - e.min_y) > limit ||
          std::fabs(f.max_x - e.max_x) > limit || std::fabs(f.max_y - e.max_y) > limit ||
          before.rings[i].vertices != after.rings[j].vertices) {
        continue;
      }
      if (detail::align_features(before.rings[i], after.rings[j], limit)) {
        found[j] = i;
        return;
      }
    }
  }, 16);
  for (std::size_t j = 0; j < after.size(); ++j) {
    const std::size_t i = found[j];
    if (i == kNone || before.partner[i] != kNone) continue;  // a duplicate geometry: first wins
    after.partner[j] = i;
    before.partner[i] = j;
  }
}

// Pairs the AFTER features left unmatched with the unmatched BEFORE feature they overlap most
// (at least sliver_area), in AFTER's order: without a key, that is the feature's earlier
// version.
void pair_by_overlap(Side& before, Side& after, double min_area, double grid, unsigned threads) {
  std::vector<std::vector<std::pair<double, std::size_t>>> overlaps(after.size());
  detail::parallel_for(after.size(), threads, [&](std::size_t j) {
    if (after.partner[j] != kNone || after.env[j].is_null) return;
    for (std::size_t i : before.index->query(after.env[j])) {
      if (before.partner[i] != kNone) continue;
      const double shared = intersection(after.geometry(j), before.geometry(i), grid).planar_area();
      if (shared >= min_area) overlaps[j].emplace_back(shared, i);
    }
    // Largest overlap first; ties by feature order.
    std::sort(overlaps[j].begin(), overlaps[j].end(),
              [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
  }, 4);
  for (std::size_t j = 0; j < after.size(); ++j) {
    for (const auto& [shared, i] : overlaps[j]) {
      if (before.partner[i] != kNone) continue;
      after.partner[j] = i;
      before.partner[i] = j;
      break;
    }
  }
}

std::vector<std::string> changed_fields(const Layer& before, const Layer& after, std::size_t bi, std::size_t aj,
                                        const std::string& key_field) {
  std::vector<std::string> out;
  for (std::size_t fb = 0; fb < before.fields.size(); ++fb) {
    const std::string& name = before.fields[fb].name;
    if (name == key_field) continue;
    for (std::size_t fa = 0; fa < after.fields.size(); ++fa) {
      if (after.fields[fa].name != name) continue;
      // A value that became null (or the reverse) changed, even where its text is "" both times.
      const Value& vb = before.features[bi].values[fb];
      const Value& va = after.features[aj].values[fa];
      if (is_missing(vb) != is_missing(va) || to_string(vb) != to_string(va)) out.push_back(name);
      break;
    }
  }
  return out;
}

}  // namespace

DriftResult compute_drift(const Layer& before_in, const Layer& after_in, const DriftOptions& options) {
  validate(options);
  DriftResult r;
  r.before_source = before_in.source;
  r.before_layer = before_in.name;
  r.after_source = after_in.source;
  r.after_layer = after_in.name;
  r.method = options.method;
  r.key_field = options.key_field;
  r.class_field = options.class_field;
  r.sliver_width = options.sliver_width;
  r.sliver_area = options.sliver_area;
  r.fast_shift = std::min(options.fast_shift, options.sliver_width / 2);
  r.before_read = before_in.report;
  r.after_read = after_in.report;

  std::optional<std::size_t> b_key, a_key, b_class, a_class;
  if (!options.key_field.empty()) {
    b_key = before_in.field_index(options.key_field);
    a_key = after_in.field_index(options.key_field);
  }
  if (!options.class_field.empty()) {
    b_class = before_in.field_index(options.class_field);
    a_class = after_in.field_index(options.class_field);
  }

  // Both versions in one CRS, in metres.
  std::optional<Layer> before_copy, after_copy;
  const Layer* before = &before_in;
  const Layer* after = &after_in;
  Crs working = before_in.crs;
  if (working.is_geographic()) {
    working = local_transverse_mercator(before_in);
    r.notes.push_back(fmt::format("{} is in degrees: both versions were compared in {} (areas on the same ellipsoid)",
                                  before_in.crs.label(), "a transverse Mercator projection centred on the data"));
  }
  if (!working.equivalent_to(before_in.crs)) {
    before_copy = before_in.clone();
    reproject_layer(*before_copy, working, options.threads);
    before = &*before_copy;
  }
  if (!working.equivalent_to(after_in.crs)) {
    after_copy = after_in.clone();
    reproject_layer(*after_copy, working, options.threads);
    after = &*after_copy;
    if (!after_in.crs.equivalent_to(before_in.crs)) {
      r.notes.push_back(fmt::format("AFTER was transformed from {} to {}", after_in.crs.label(), before_in.crs.label()));
    }
  }
  r.crs = working;
  r.grid_size = options.grid_size > 0 ? options.grid_size : 1e-6;
  AreaCalculator probe(working, options.method);  // refuses a method that does not suit the CRS

  Side b, a;
  if (options.progress) options.progress("preparing", 0, 2);
  prepare_side(b, *before, b_key, b_class, options.method, options.threads);
  prepare_side(a, *after, a_key, a_class, options.method, options.threads);
  for (double m2 : b.m2) r.before_m2 += m2;
  for (double m2 : a.m2) r.after_m2 += m2;

  // Match features, and find the pairs that differ by a small shift of their vertices only.
  const double limit = r.fast_shift;
  if (b_key) {
    r.features.matched_by = "key";
    r.features.duplicate_keys = pair_by_key(b, a);
    for (char m : b.key_missing) r.features.missing_keys_before += m ? 1 : 0;
    for (char m : a.key_missing) r.features.missing_keys_after += m ? 1 : 0;
    if (r.features.missing_keys_before || r.features.missing_keys_after) {
      r.notes.push_back(fmt::format("{} BEFORE and {} AFTER feature(s) have no {} value (null, NaN or blank): "
                                    "not matched by key, not even with each other, they count as removed and added",
                                    r.features.missing_keys_before, r.features.missing_keys_after,
                                    options.key_field));
    }
    if (r.features.duplicate_keys) {
      r.notes.push_back(fmt::format("{} feature(s) repeat a {} value of their version; repeated keys were matched in "
                                    "feature order", r.features.duplicate_keys, options.key_field));
    }
  } else {
    r.features.matched_by = "geometry";
    pair_by_geometry(b, a, limit, options.threads);
  }
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a.partner[j] != kNone) candidates.emplace_back(a.partner[j], j);
  }
  if (!b_key) pair_by_overlap(b, a, std::max(options.sliver_area, 1e-6), r.grid_size, options.threads);
  std::vector<std::optional<detail::FeatureAlignment>> aligned(candidates.size());
  detail::parallel_for(candidates.size(), options.threads, [&](std::size_t n) {
    aligned[n] = detail::align_features(b.rings[candidates[n].first], a.rings[candidates[n].second], limit);
  }, 16);
  std::vector<std::pair<std::size_t, std::size_t>> fast_pairs;
  std::vector<detail::FeatureAlignment> alignments;
  for (std::size_t n = 0; n < candidates.size(); ++n) {
    if (!aligned[n]) continue;
    const auto [bi, aj] = candidates[n];
    b.by_edges[bi] = a.by_edges[aj] = 1;
    fast_pairs.push_back(candidates[n]);
    if (aligned[n]->identical) ++r.work.identical;
    else ++r.work.within_shift;
    r.work.max_shift = std::max(r.work.max_shift, aligned[n]->max_shift);
    alignments.push_back(std::move(*aligned[n]));
  }

  const bool with_class = b_class.has_value();
  DriftEngine engine(b, a, options, r.grid_size, with_class);
  engine.after_out.resize(a.size());
  engine.before_out.resize(b.size());
  if (!fast_pairs.empty()) engine.measure_by_edges(fast_pairs, alignments);
  engine.overlay_rest(a, b, /*is_after=*/true);
  engine.overlay_rest(b, a, /*is_after=*/false);
  r.work.overlaid = engine.overlaid();

  // Sums in feature order: the same figures whatever the thread count.
  std::map<std::pair<std::string, std::string>, Reclassification> reclass;
  for (Outcome& o : engine.after_out) {
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
  for (Outcome& o : engine.before_out) {
    r.lost_m2 += o.real + o.noise;
    r.lost_noise_m2 += o.noise;
    r.lost_pieces += o.real_pieces;
    for (DriftPiece& p : o.pieces) r.pieces.push_back(std::move(p));
  }
  for (auto& [k, rc] : reclass) r.reclassified.push_back(std::move(rc));

  // Features: matched (and how), added, removed.
  const bool keyed = b_key.has_value();
  auto feature_entry = [&](std::size_t bi, std::size_t aj) {
    FeatureDrift f;
    if (bi != kNone) {
      f.before_fid = before->features[bi].fid;
      f.before_m2 = b.m2[bi];
      f.key = b.key[bi];
      f.lost_m2 = engine.before_out[bi].pair_real;
    }
    if (aj != kNone) {
      f.after_fid = after->features[aj].fid;
      f.after_m2 = a.m2[aj];
      if (bi == kNone) f.key = a.key[aj];
      f.gained_m2 = engine.after_out[aj].pair_real;
    }
    return f;
  };
  for (std::size_t i = 0; i < b.size(); ++i) {
    const std::size_t j = b.partner[i];
    if (j == kNone) {
      if (!keyed && engine.before_out[i].touched) {
        FeatureDrift f = feature_entry(i, kNone);
        f.change = FeatureChange::Geometry;
        f.lost_m2 = engine.before_out[i].real;
        r.changes.push_back(std::move(f));
        continue;
      }
      ++r.features.removed;
      FeatureDrift f = feature_entry(i, kNone);
      f.change = FeatureChange::Removed;
      f.lost_m2 = b.m2[i];
      r.changes.push_back(std::move(f));
      continue;
    }
    ++r.features.matched;
    FeatureDrift f = feature_entry(i, j);
    const bool geometry = !b.by_edges[i] && (f.gained_m2 > 0 || f.lost_m2 > 0);
    f.changed_fields = changed_fields(*before, *after, i, j, options.key_field);
    const bool attributes = !f.changed_fields.empty();
    if (!geometry && !attributes) continue;
    f.change = geometry && attributes ? FeatureChange::Both
                                      : (geometry ? FeatureChange::Geometry : FeatureChange::Attributes);
    ++r.features.modified;
    if (geometry && attributes) ++r.features.modified_both;
    else if (geometry) ++r.features.modified_geometry;
    else ++r.features.modified_attributes;
    r.changes.push_back(std::move(f));
  }
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a.partner[j] != kNone) continue;
    FeatureDrift f = feature_entry(kNone, j);
    if (!keyed && engine.after_out[j].touched) {
      ++r.features.modified;
      ++r.features.modified_geometry;
      f.change = FeatureChange::Geometry;
      f.gained_m2 = engine.after_out[j].real;
    } else {
      ++r.features.added;
      f.change = FeatureChange::Added;
      f.gained_m2 = a.m2[j];
    }
    r.changes.push_back(std::move(f));
  }
  if (options.progress) options.progress("done", 1, 1);
  return r;
}

}  // namespace redline
