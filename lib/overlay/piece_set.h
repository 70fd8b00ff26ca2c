#pragma once
// Private: a layer as the overlay engine sees it — every feature in the working CRS, cut into
// pieces of bounded size, with a packed R-tree over the pieces' boxes.
#include <cstddef>
#include <memory>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/geom/envelope_index.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"

namespace redline::detail {

/// One piece of one feature. The pieces of a feature partition it.
struct Piece {
  std::size_t feature = 0;             ///< index into Layer::features (or the features given)
  const Geometry* geometry = nullptr;  ///< borrowed from the layer or owned by the PieceSet
  Envelope envelope;
  bool whole = false;                  ///< true when the piece is the entire feature
};

class PieceSet {
 public:
  /// Takes `layer` into `crs` (PROJ; invalid results are repaired with MakeValid) and cuts
  /// every feature with more than `max_vertices` vertices (subdivide()). Features already in
  /// `crs` and small enough are borrowed, not copied: REQUIRES `layer` outlives the PieceSet.
  /// Throws InputError naming the feature when a vertex cannot be transformed.
  PieceSet(const Layer& layer, const Crs& crs, int max_vertices, double grid, unsigned threads);
  /// As above, over `features` (some features of `layer`, or of a batch read from it: `layer`
  /// gives their CRS and names them in errors); Piece::feature indexes `features`. Borrows as
  /// above: REQUIRES the features outlive the PieceSet.
  PieceSet(const Layer& layer, const std::vector<const Feature*>& features, const Crs& crs, int max_vertices,
           double grid, unsigned threads);

  const std::vector<Piece>& pieces() const noexcept { return pieces_; }
  const Piece& operator[](std::size_t i) const noexcept { return pieces_[i]; }
  std::size_t size() const noexcept { return pieces_.size(); }
  /// Returns the pieces whose boxes intersect `box`, in increasing order.
  std::vector<std::size_t> query(const Envelope& box) const { return index_.query(box); }
  /// Returns feature i's geometry in the working CRS.
  const Geometry& feature_geometry(std::size_t i) const { return *features_[i]; }
  /// Returns the number of features (the layer's, or the size of the features given).
  std::size_t feature_count() const noexcept { return features_.size(); }
  /// Returns [first, last) piece indices of feature i.
  std::pair<std::size_t, std::size_t> pieces_of(std::size_t i) const {
    return {first_piece_[i], first_piece_[i + 1]};
  }

 private:
  std::vector<std::unique_ptr<Geometry>> owned_;  // transformed features and cut pieces
  std::vector<const Geometry*> features_;
  std::vector<Piece> pieces_;
  std::vector<std::size_t> first_piece_;
  EnvelopeIndex index_{std::vector<Envelope>{}};
};

}  // namespace redline::detail
