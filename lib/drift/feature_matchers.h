#pragma once
// Private: matching the features of two versions of a layer (sets LayerVersion::partner).
//  - by key: the k-th BEFORE feature with a key goes with the k-th AFTER one with that key;
//  - by geometry: an AFTER feature with a BEFORE feature whose vertices lie within the shift
//    limit of its own (drift/ring_alignment.h);
//  - by overlap: an AFTER feature left unmatched with the unmatched BEFORE feature it overlaps
//    most (without a key, that is the feature's earlier version).
// Then align_matched_pairs() tells which matched pairs differ by a small shift only, and are
// measured edge by edge.
#include <cstddef>
#include <utility>
#include <vector>

#include "drift/layer_version.h"
#include "drift/ring_alignment.h"

namespace redline::detail {

/// Pairs features by key; features without a key (null, NaN, blank) are paired with nothing.
/// Returns the number of features whose key repeats in its version (matched in order).
std::size_t pair_by_key(LayerVersion& before, LayerVersion& after);

/// Pairs each AFTER feature with the first BEFORE feature (index order) within `limit` of it,
/// vertex for vertex; a BEFORE feature goes with the first AFTER feature that found it.
void pair_by_geometry(LayerVersion& before, LayerVersion& after, double limit, unsigned threads);

/// Pairs the AFTER features left unmatched, in AFTER's order, with the unmatched BEFORE
/// feature they overlap most, by at least `min_area` (planar, working-CRS units²); overlaps
/// are intersections on precision grid `grid`.
void pair_by_overlap(LayerVersion& before, LayerVersion& after, double min_area, double grid, unsigned threads);

/// The matched pairs that differ by a shift of at most the limit only.
struct EdgePairs {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  ///< (BEFORE index, AFTER index)
  std::vector<FeatureAlignment> alignments;                ///< alignments[n] is pairs[n]'s
};

/// Returns those of `candidates` (BEFORE index, AFTER index) that align_features() aligns
/// within `limit`, in the order given, and marks both features by_edges.
EdgePairs align_matched_pairs(LayerVersion& before, LayerVersion& after,
                              const std::vector<std::pair<std::size_t, std::size_t>>& candidates, double limit,
                              unsigned threads);

}  // namespace redline::detail
