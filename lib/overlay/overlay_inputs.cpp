#include "overlay/overlay_inputs.h"

#include "overlay/repair_delta.h"
#include "redline/error.h"
#include "util/costliest_first.h"
#include "util/parallel.h"

namespace redline::detail {

OverlayInputs::OverlayInputs(const Layer& first, const Layer& second, const EngineOptions& options,
                             const std::function<void()>& check_caller)
    : crs_(working_crs(options, first.crs)), method_(options.method), threads_(options.threads) {
  grid_ = working_grid(options, crs_);  // validates the settings first
  const bool same = &first == &second;  // a layer against itself: prepared once
  first_repair_delta_m2_ = repair_delta_m2(first, method_);
  second_repair_delta_m2_ = same ? first_repair_delta_m2_ : repair_delta_m2(second, method_);
  if (!crs_.is_known()) throw UsageError("cannot overlay layers in an unknown CRS", first.where());
  if (check_caller) check_caller();
  AreaCalculator probe(crs_, method_);  // refuses planar areas in a geographic CRS up front

  if (options.progress) options.progress("preparing", 0, 0);
  if (same) {
    first_pieces_.emplace(first, crs_, options.max_piece_vertices, grid_, threads_);
  } else {
    // Both layers at once (each on the threads besides): the first's error wins, as in turn.
    parallel_for(2, threads_, [&](std::size_t k) {
      if (k == 0) first_pieces_.emplace(first, crs_, options.max_piece_vertices, grid_, threads_);
      else second_pieces_.emplace(second, crs_, options.max_piece_vertices, grid_, threads_);
    }, 1);
  }
}

std::vector<double> OverlayInputs::feature_areas(const PieceSet& pieces, const Layer& layer) const {
  const std::size_t n = layer.features.size();
  std::vector<double> areas(n, 0.0);
  std::vector<std::size_t> cost(n);
  for (std::size_t i = 0; i < n; ++i) cost[i] = static_cast<std::size_t>(pieces.feature_geometry(i).num_points());
  run_costliest_first<AreaCalculator>(cost, threads_, {}, "", [&] { return area_calculator(); },
                                      [&](std::size_t i, AreaCalculator& calc) {
    try {
      areas[i] = calc.area(pieces.feature_geometry(i));
    } catch (const Error& e) {
      rethrow_with_location(e, layer.where(layer.features[i].fid));
    }
  });
  return areas;
}

}  // namespace redline::detail
