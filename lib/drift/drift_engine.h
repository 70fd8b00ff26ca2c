#pragma once
// Private: the drift engine. It measures what every feature of AFTER gained over BEFORE and
// every feature of BEFORE lost to AFTER, real and noise apart: edge by edge for the pairs whose
// vertices moved by less than the fast shift (drift/ring_alignment.h), by overlays with the
// neighbouring features of the other version for the rest (see redline/drift/drift.h).
//
// Threads: the work runs on options.threads threads; each feature's outcome is written by
// one thread only, and collect_totals() sums them in feature order, so that the figures do not
// depend on the thread count.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "drift/layer_version.h"
#include "drift/ring_alignment.h"
#include "redline/drift/drift.h"

namespace redline::detail {

class SharedEdgeIndex;
struct NoiseJudge;

/// What one feature of AFTER contributes (or of BEFORE, with gained read as lost).
struct FeatureOutcome {
  double real = 0.0, noise = 0.0;     ///< gained (AFTER) or lost (BEFORE), layer-wide meaning, m²
  std::size_t real_pieces = 0;
  double pair_real = 0.0;             ///< real difference with its partner alone, m²
  bool touched = false;               ///< the other version overlaps it (without a key: by a real piece)
  std::vector<Reclassification> reclass;  ///< AFTER only
  std::vector<DriftPiece> pieces;         ///< with collect_geometries
};

class DriftEngine {
 public:
  /// `before` and `after` are matched (partner) and outlive the engine; `grid` is the overlays'
  /// precision grid in working-CRS units; `with_class`: both versions have classes.
  DriftEngine(LayerVersion& before, LayerVersion& after, const DriftOptions& options, double grid, bool with_class);

  /// Measures every feature of both versions: the pairs (BEFORE index, AFTER index) edge by
  /// edge (alignments[n] is pairs[n]'s), every other feature by overlays with its neighbours in
  /// the other version. All of it is one pool of work on options.threads threads, costliest
  /// first. Throws what the overlays and area measurement throw, located at the feature: the
  /// first in the order pairs, AFTER's features, BEFORE's features.
  void compare(const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
               const std::vector<FeatureAlignment>& alignments);

  /// Adds the outcomes to r's totals, reclassification table and pieces, in feature order.
  /// Moves the pieces out of the outcomes.
  void collect_totals(DriftResult& r);

  const std::vector<FeatureOutcome>& after_outcomes() const { return after_out_; }
  const std::vector<FeatureOutcome>& before_outcomes() const { return before_out_; }
  std::size_t overlaid() const { return overlaid_; }

 private:
  void measure_pair(std::size_t bi, std::size_t aj, const FeatureAlignment& alignment, const SharedEdgeIndex& b_edges,
                    const SharedEdgeIndex& a_edges);
  void overlay_feature(LayerVersion& self, LayerVersion& other, std::size_t i, bool is_after,
                       const NoiseJudge& judge);
  void add_piece(FeatureOutcome& out, const LayerVersion& self, const LayerVersion& other, std::size_t i,
                 std::size_t partner, bool is_after, const char* change, GeometryView piece, double m2, bool noise);

  LayerVersion& b_;
  LayerVersion& a_;
  const DriftOptions& o_;
  double grid_;
  bool with_class_;
  std::vector<FeatureOutcome> after_out_, before_out_;
  std::size_t overlaid_ = 0;
};

}  // namespace redline::detail
