#include "redline/overlay/overlay.h"

#include <map>

#include "overlay/overlay_inputs.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "redline/geom/ops.h"
#include "util/enum_names.h"
#include "util/work_loop.h"

namespace redline {

namespace {

// The operations' names: the first of each is what reports and the layer name print.
constexpr detail::EnumNames<OverlayOp, 4> kOverlayOpNames{"overlay operation", {{
    {OverlayOp::Intersection, "intersection"},
    {OverlayOp::Difference, "difference"},
    {OverlayOp::Identity, "identity"},
    {OverlayOp::Union, "union"}}}};

}  // namespace

OverlayOp parse_overlay_op(const std::string& text) { return kOverlayOpNames.parse(text); }

std::string overlay_op_name(OverlayOp op) { return kOverlayOpNames.name(op); }

std::string overlay_op_choices() { return kOverlayOpNames.joined(); }

namespace {

using detail::Piece;
using detail::PieceMatcher;
using detail::PieceSet;
using detail::Relation;

// What one piece of the first layer gave: its overlaps by feature of the other, and its part
// outside the other layer.
struct PieceParts {
  std::vector<std::pair<std::size_t, Geometry>> overlaps;
  Geometry outside;
};

Geometry merge(std::vector<Geometry>& parts, double grid) {
  std::vector<GeometryView> ptrs;
  for (const Geometry& g : parts) {
    if (!g.is_empty()) ptrs.push_back(g);
  }
  if (ptrs.empty()) return Geometry();
  if (ptrs.size() == 1) return ptrs[0].clone();
  return union_all(ptrs, grid);
}

// Runs the pieces of `first` against `second`, keeping overlaps and/or outside parts.
std::vector<PieceParts> split_pieces(const PieceSet& first, const PieceSet& second, const Layer& layer, bool overlaps,
                                     bool outside, double grid, const EngineOptions& eo, const char* stage) {
  std::vector<PieceParts> parts(first.size());
  struct NoCalc {
    PieceMatcher matcher;
  };
  detail::run_workers<NoCalc>(first.size(), eo.threads, eo.progress, stage, [&] { return NoCalc{PieceMatcher(second)}; },
                              [&](std::size_t k, NoCalc& w) {
    const Piece& t = first[k];
    try {
      w.matcher.set_target(t);
      std::vector<GeometryView> met;
      bool inside = false;
      for (std::size_t j : second.query(t.envelope)) {
        const Relation r = w.matcher.relate(j);
        if (r == Relation::Disjoint) continue;
        if (r == Relation::TargetInside) inside = true;
        met.push_back(*second[j].geometry);
        if (overlaps) {
          Geometry g = detail::overlap_of(t, second[j], r, grid);
          if (!g.is_empty()) parts[k].overlaps.emplace_back(second[j].feature, std::move(g));
        }
      }
      if (outside && !inside) {
        parts[k].outside = met.empty() ? t.geometry->clone() : difference(*t.geometry, union_all(met, grid), grid);
      }
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(layer.features[t.feature].fid));
    }
  });
  return parts;
}

// Per feature of `first`: its merged overlaps (by feature of the other, in order) and its merged
// outside part.
struct FeatureParts {
  std::vector<std::pair<std::size_t, Geometry>> overlaps;
  Geometry outside;
};

std::vector<FeatureParts> merge_by_feature(const PieceSet& first, std::vector<PieceParts>& parts, double grid,
                                           const EngineOptions& eo) {
  std::vector<FeatureParts> out(first.feature_count());
  detail::parallel_for(first.feature_count(), eo.threads, [&](std::size_t i) {
    const auto [begin, end] = first.pieces_of(i);
    std::map<std::size_t, std::vector<Geometry>> by_other;
    std::vector<Geometry> outside;
    for (std::size_t k = begin; k < end; ++k) {
      for (auto& [other, g] : parts[k].overlaps) by_other[other].push_back(std::move(g));
      if (!parts[k].outside.is_empty()) outside.push_back(std::move(parts[k].outside));
    }
    for (auto& [other, list] : by_other) {
      Geometry g = merge(list, grid);
      if (!g.is_empty()) out[i].overlaps.emplace_back(other, std::move(g));
    }
    out[i].outside = merge(outside, grid);
  }, detail::balanced_chunk(first.feature_count(), eo.threads));
  return out;
}

}  // namespace

OverlayResult overlay_layers(const Layer& a, const Layer& b, const OverlayOptions& options) {
  const EngineOptions& eo = options.engine;
  const detail::OverlayInputs in(a, b, eo);
  OverlayResult r;
  r.a = origin_of(a);
  r.b = origin_of(b);
  r.op = options.op;
  in.describe_frame(r);
  r.a_repair_delta_m2 = in.first_repair_delta_m2();
  r.b_repair_delta_m2 = in.second_repair_delta_m2();
  const double grid = in.grid();
  const PieceSet& ap = in.first_pieces();
  const PieceSet& bp = in.second_pieces();
  const bool want_overlaps = options.op != OverlayOp::Difference;
  const bool want_a_outside = options.op != OverlayOp::Intersection;
  std::vector<PieceParts> a_parts = split_pieces(ap, bp, a, want_overlaps, want_a_outside, grid, eo, "overlaying");
  std::vector<FeatureParts> a_features = merge_by_feature(ap, a_parts, grid, eo);
  a_parts.clear();
  std::vector<FeatureParts> b_features;
  if (options.op == OverlayOp::Union) {
    std::vector<PieceParts> b_parts = split_pieces(bp, ap, b, false, true, grid, eo, "overlaying the second layer");
    b_features = merge_by_feature(bp, b_parts, grid, eo);
  }

  for (std::size_t i = 0; i < a_features.size(); ++i) {
    for (auto& [j, g] : a_features[i].overlaps) r.features.push_back(OverlayFeature{i, j, std::move(g), 0.0});
  }
  r.from_both = r.features.size();
  for (std::size_t i = 0; i < a_features.size(); ++i) {
    if (!a_features[i].outside.is_empty()) {
      r.features.push_back(OverlayFeature{i, std::nullopt, std::move(a_features[i].outside), 0.0});
      ++r.a_only;
    }
  }
  for (std::size_t j = 0; j < b_features.size(); ++j) {
    if (!b_features[j].outside.is_empty()) {
      r.features.push_back(OverlayFeature{std::nullopt, j, std::move(b_features[j].outside), 0.0});
      ++r.b_only;
    }
  }
  detail::run_workers<AreaCalculator>(r.features.size(), eo.threads, {}, "", [&] { return in.area_calculator(); },
                                      [&](std::size_t k, AreaCalculator& calc) {
                                        r.features[k].area_m2 = calc.area(r.features[k].geometry);
                                      });
  for (const OverlayFeature& f : r.features) r.total_m2 += f.area_m2;
  return r;
}

}  // namespace redline
