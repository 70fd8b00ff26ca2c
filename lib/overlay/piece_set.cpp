#include "overlay/piece_set.h"

#include <optional>

#include "redline/crs/transform.h"
#include "redline/geom/validity.h"
#include "redline/overlay/subdivide.h"
#include "util/costliest_first.h"

namespace redline::detail {

namespace {

std::vector<const Feature*> addresses_of(const std::vector<Feature>& features) {
  std::vector<const Feature*> out;
  out.reserve(features.size());
  for (const Feature& f : features) out.push_back(&f);
  return out;
}

}  // namespace

PieceSet::PieceSet(const Layer& layer, const Crs& crs, int max_vertices, double grid, unsigned threads)
    : PieceSet(layer, addresses_of(layer.features), crs, max_vertices, grid, threads) {}

PieceSet::PieceSet(const Layer& layer, const std::vector<const Feature*>& features, const Crs& crs, int max_vertices,
                   double grid, unsigned threads) {
  const std::size_t n = features.size();
  const bool transform = !layer.crs.equivalent_to(crs);
  std::optional<CoordinateTransform> check;
  if (transform) check.emplace(layer.crs, crs);  // fails here, on this thread, if impossible

  // Per feature: its geometry in `crs` (when transformed) and its pieces (when cut).
  struct Slot {
    std::unique_ptr<Geometry> transformed;
    std::vector<Geometry> cut;
  };
  std::vector<Slot> slots(n);
  // The largest features first (their cutting costs most), so that none starts last.
  std::vector<std::size_t> cost(n);
  for (std::size_t i = 0; i < n; ++i) cost[i] = static_cast<std::size_t>(features[i]->geometry.num_points());
  // Per worker, the transform when one is needed (made on the worker's thread, used by it alone).
  using Transform = std::optional<CoordinateTransform>;
  auto make_transform = [&] { return transform ? Transform(std::in_place, layer.crs, crs) : std::nullopt; };
  run_costliest_first<Transform>(cost, threads, ProgressFn{}, "preparing", make_transform,
                                 [&](std::size_t i, Transform& t) {
    const Feature& f = *features[i];
    if (f.geometry.is_empty()) return;
    const Geometry* g = &f.geometry;
    if (transform) {
      try {
        Geometry moved = t->apply(f.geometry);
        // A valid polygon can become invalid when its vertices move (a ring that almost
        // touches itself); the engine needs valid input.
        if (find_invalidity(moved)) moved = make_valid_polygonal(moved);
        slots[i].transformed = std::make_unique<Geometry>(std::move(moved));
      } catch (const Error& e) {
        rethrow_with_location(e, layer.where(f.fid), e.reason() + " while transforming to " + crs.label());
      }
      g = slots[i].transformed.get();
    }
    if (g->num_points() > max_vertices) slots[i].cut = subdivide(*g, max_vertices, grid);
  });

  features_.resize(n, nullptr);
  first_piece_.assign(n + 1, 0);
  std::vector<Envelope> boxes;
  for (std::size_t i = 0; i < n; ++i) {
    first_piece_[i] = pieces_.size();
    Slot& s = slots[i];
    const Geometry* g = &features[i]->geometry;
    if (s.transformed) {
      owned_.push_back(std::move(s.transformed));
      g = owned_.back().get();
    }
    features_[i] = g;
    if (g->is_empty()) continue;
    if (s.cut.empty()) {
      pieces_.push_back(Piece{i, g, g->envelope(), true});
    } else {
      for (Geometry& c : s.cut) {
        owned_.push_back(std::make_unique<Geometry>(std::move(c)));
        const Geometry* p = owned_.back().get();
        pieces_.push_back(Piece{i, p, p->envelope(), s.cut.size() == 1});
      }
    }
  }
  first_piece_[n] = pieces_.size();
  boxes.reserve(pieces_.size());
  for (const Piece& p : pieces_) boxes.push_back(p.envelope);
  index_ = EnvelopeIndex(boxes);
}

}  // namespace redline::detail
