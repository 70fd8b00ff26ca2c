#include "redline/overlay/coverage.h"

#include <algorithm>
#include <map>
#include <optional>

#include "overlay/cover_overlaps.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "overlay/overlay_inputs.h"
#include "util/costliest_first.h"
#include "util/work_loop.h"
#include "redline/geom/ops.h"

namespace redline {

namespace {

using detail::Piece;
using detail::PieceMatcher;
using detail::PieceSet;
using detail::Relation;

// What one target piece found.
struct PieceOutcome {
  double inside_m2 = 0.0;
  bool whole = false;   // the piece lies wholly inside the cover
  bool met = false;     // some overlap with area
  bool solid = false;   // some overlap that is not a sliver
  std::vector<Geometry> inside;  // with keep_geometries
  Geometry outside;              // with keep_geometries
};

using Worker = detail::MatchWorker;

// Returns the union of `parts` (one part is returned as it is).
Geometry merge(std::vector<Geometry>& parts, double grid) {
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Geometry& g) { return g.is_empty(); }),
              parts.end());
  if (parts.empty()) return Geometry();
  if (parts.size() == 1) return std::move(parts[0]);
  std::vector<GeometryView> ptrs;
  for (const Geometry& g : parts) ptrs.push_back(g);
  return union_all(ptrs, grid);
}

class CoverageEngine {
 public:
  CoverageEngine(const PieceSet& targets, const PieceSet& cover, const std::vector<char>& overlapping,
                 const std::vector<double>& feature_area, double grid, double sliver_width, bool keep)
      : targets_(targets), cover_(cover), overlapping_(overlapping), feature_area_(feature_area), grid_(grid),
        sliver_width_(sliver_width), keep_(keep) {}

  PieceOutcome run(std::size_t k, Worker& w) const {
    const Piece& t = targets_[k];
    PieceOutcome out;
    w.matcher.set_target(t);
    std::vector<GeometryView> met;        // every cover piece that meets the target
    std::vector<std::size_t> overlapping;    // those of features that overlap other features
    std::vector<Relation> overlapping_rel;
    for (std::size_t j : cover_.query(t.envelope)) {
      const Relation r = w.matcher.relate(j);
      if (r == Relation::Disjoint) continue;
      if (r == Relation::TargetInside) {
        out.whole = out.met = out.solid = true;
        out.inside_m2 = t.whole ? feature_area_[t.feature] : w.calc.area(*t.geometry);
        out.inside.clear();
        if (keep_) out.inside.push_back(t.geometry->clone());
        return out;
      }
      met.push_back(*cover_[j].geometry);
      if (overlapping_[cover_[j].feature]) {
        overlapping.push_back(j);
        overlapping_rel.push_back(r);
        continue;
      }
      add(t, cover_[j], r, w, out);
    }
    if (!overlapping.empty()) {
      const std::size_t first = cover_[overlapping[0]].feature;
      const bool one_feature = std::all_of(overlapping.begin(), overlapping.end(),
                                           [&](std::size_t j) { return cover_[j].feature == first; });
      if (one_feature) {
        // Pieces of one feature partition it: their overlaps with the target add up.
        for (std::size_t m = 0; m < overlapping.size(); ++m) add(t, cover_[overlapping[m]], overlapping_rel[m], w, out);
      } else {
        // Cover features that overlap each other count once: the union first.
        std::vector<GeometryView> parts;
        for (std::size_t j : overlapping) parts.push_back(*cover_[j].geometry);
        Geometry u = union_all(parts, grid_);
        add_overlap(intersection(*t.geometry, u, grid_), w, out);
      }
    }
    if (keep_) {
      if (met.empty()) {
        out.outside = t.geometry->clone();
      } else {
        out.outside = difference(*t.geometry, union_all(met, grid_), grid_);
      }
    }
    return out;
  }

 private:
  void add(const Piece& t, const Piece& c, Relation r, Worker& w, PieceOutcome& out) const {
    if (r == Relation::CoverInside) {
      add_overlap(*c.geometry, w, out);  // copied only when kept
    } else {
      add_overlap(intersection(*t.geometry, *c.geometry, grid_), w, out);
    }
  }

  void add_overlap(const Geometry& g, Worker& w, PieceOutcome& out) const {
    if (g.is_empty()) return;
    const double a = w.calc.area(g);
    if (a <= 0) return;
    out.inside_m2 += a;
    out.met = true;
    if (!out.solid && (sliver_width_ <= 0 || !is_sliver(g, sliver_width_))) out.solid = true;
    if (keep_) out.inside.push_back(g.clone());
  }

  const PieceSet& targets_;
  const PieceSet& cover_;
  const std::vector<char>& overlapping_;
  const std::vector<double>& feature_area_;  // measured once, used when a piece is the feature
  double grid_, sliver_width_;
  bool keep_;
};

}  // namespace

CoverageResult compute_coverage(const Layer& target, const Layer& cover, const CoverageOptions& options) {
  const EngineOptions& eo = options.engine;
  validate_sliver_width(options.sliver_width, "sliver width");
  std::optional<std::size_t> group_index, id_index;
  const detail::OverlayInputs in(target, cover, eo, [&] {
    if (!options.group_field.empty()) group_index = target.field_index(options.group_field);
    if (!options.id_field.empty()) id_index = target.field_index(options.id_field);
  });
  CoverageResult r;
  r.target = origin_of(target);
  r.cover = origin_of(cover);
  in.describe_frame(r);
  r.sliver_width_m = options.sliver_width;
  r.group_field = options.group_field;
  r.id_field = options.id_field;
  r.target_repair_delta_m2 = in.first_repair_delta_m2();
  r.cover_repair_delta_m2 = in.second_repair_delta_m2();

  const PieceSet& targets = in.first_pieces();
  const PieceSet& covers = in.second_pieces();
  const detail::FeatureOverlaps overlaps = detail::find_feature_overlaps(covers, eo.threads, eo.progress);
  r.cover_overlaps.features = overlaps.features;
  r.cover_overlaps.groups = overlaps.groups;

  // Each target feature's own area.
  const std::size_t n = target.features.size();
  const std::vector<double> feature_area = in.feature_areas(targets, target);

  const double sliver = options.sliver_width > 0 ? sliver_width_in_crs_units(options.sliver_width, r.crs) : 0.0;
  CoverageEngine engine(targets, covers, overlaps.overlapping, feature_area, r.grid_size, sliver,
                        options.keep_geometries);
  auto make_worker = [&] { return Worker{in.area_calculator(), PieceMatcher(covers)}; };

  // A piece costs about its vertices and those of the cover pieces it may meet; the costliest
  // go first, so that the last to start is never a long one.
  std::vector<std::size_t> cost(targets.size());
  detail::parallel_for(targets.size(), eo.threads, [&](std::size_t k) {
    std::size_t vertices = static_cast<std::size_t>(targets[k].geometry->num_points());
    for (std::size_t j : covers.query(targets[k].envelope)) vertices += static_cast<std::size_t>(covers[j].geometry->num_points());
    cost[k] = vertices;
  });
  std::vector<PieceOutcome> outcomes(targets.size());
  detail::run_costliest_first<Worker>(cost, eo.threads, eo.progress, "overlaying", make_worker,
                                      [&](std::size_t k, Worker& w) {
    try {
      outcomes[k] = engine.run(k, w);
    } catch (const Error& e) {
      rethrow_with_location(e, target.where(target.features[targets[k].feature].fid));
    }
  });

  // Per feature: the sum of its pieces' overlaps, in piece order.
  r.features.resize(n);
  detail::parallel_for(n, eo.threads, [&](std::size_t i) {
    FeatureCoverage& fc = r.features[i];
    fc.area_m2 = feature_area[i];
    const auto [first, last] = targets.pieces_of(i);
    bool all_whole = first < last, met = false, solid = false;
    double inside = 0.0;
    for (std::size_t k = first; k < last; ++k) {
      all_whole = all_whole && outcomes[k].whole;
      met = met || outcomes[k].met;
      solid = solid || outcomes[k].solid;
      inside += outcomes[k].inside_m2;
    }
    if (all_whole) {
      fc.inside_m2 = fc.area_m2;  // exact, whatever the cut lines added
    } else if (met && !solid) {
      fc.sliver_m2 = inside;
    } else {
      fc.inside_m2 = std::min(inside, fc.area_m2);
    }
    fc.outside_m2 = std::max(0.0, fc.area_m2 - fc.inside_m2);
    if (options.keep_geometries) {
      std::vector<Geometry> in, out;
      for (std::size_t k = first; k < last; ++k) {
        for (Geometry& g : outcomes[k].inside) in.push_back(std::move(g));
        if (!outcomes[k].outside.is_empty()) out.push_back(std::move(outcomes[k].outside));
      }
      if (fc.inside_m2 > 0) {
        fc.inside = merge(in, r.grid_size);
        fc.outside = merge(out, r.grid_size);
      } else {
        fc.outside = targets.feature_geometry(i).clone();
      }
    }
  }, detail::balanced_chunk(n, eo.threads));

  std::map<std::pair<bool, std::string>, GroupCoverage> groups;  // (missing, text): null group last
  for (std::size_t i = 0; i < n; ++i) {
    FeatureCoverage& fc = r.features[i];
    const Feature& f = target.features[i];
    fc.index = i;
    fc.fid = f.fid;
    fc.id = id_index ? to_string(f.values[*id_index]) : std::to_string(f.fid);
    if (group_index) {
      fc.group_missing = is_missing(f.values[*group_index]);
      if (!fc.group_missing) fc.group = to_string(f.values[*group_index]);
    }
    r.total.area_m2 += fc.area_m2;
    r.total.inside_m2 += fc.inside_m2;
    r.total.outside_m2 += fc.outside_m2;
    if (fc.inside_m2 > 0) ++r.features_inside;
    if (fc.sliver_m2 > 0) {
      ++r.sliver_features;
      r.sliver_m2 += fc.sliver_m2;
    }
    if (group_index) {
      GroupCoverage& g = groups[{fc.group_missing, fc.group}];
      g.key = fc.group;
      g.null_key = fc.group_missing;
      ++g.features;
      if (fc.inside_m2 > 0) ++g.features_inside;
      g.area_m2 += fc.area_m2;
      g.inside_m2 += fc.inside_m2;
      g.outside_m2 += fc.outside_m2;
    }
  }
  for (auto& [key, g] : groups) r.groups.push_back(std::move(g));
  return r;
}

}  // namespace redline
