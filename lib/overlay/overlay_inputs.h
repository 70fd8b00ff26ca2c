#pragma once
// Private: the two layers of an overlay as the engine works on them — the one preparation
// coverage, tabulate and overlay share.
//
// Preparing an overlay means: choosing the working CRS (EngineOptions::crs, else the first
// layer's), checking the settings in it (precision grid, piece size; refused before any work),
// measuring what repairing each layer's invalid polygons changed, refusing an unknown CRS and an
// area method that does not suit the working CRS, then taking both layers into the working CRS
// (the second one is transformed with PROJ when it is in another) and cutting them into indexed
// pieces (PieceSet).
//
// Example usage:
//   detail::OverlayInputs in(zones, classes, options.engine, [&] { zone_index = ...; });
//   for (std::size_t k = 0; k < in.first_pieces().size(); ++k) { ... in.second_pieces().query(...) }
#include <functional>
#include <optional>
#include <vector>

#include "overlay/piece_set.h"
#include "redline/crs/crs.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "redline/overlay/engine_options.h"

namespace redline::detail {

class OverlayInputs {
 public:
  /// Prepares `first` and `second` (see above). `check_caller` (may be empty) runs the entry
  /// point's own checks — its fields — after the settings and the CRS are checked and before
  /// the method is checked and any geometry is transformed or cut. Reports the stage
  /// "preparing" to options.progress. Throws UsageError for a setting that makes no sense
  /// (validate_engine_options()), an unknown working CRS or a method that does not suit it;
  /// InputError naming the feature when a geometry cannot be transformed or measured.
  /// REQUIRES: both layers outlive this object (unchanged features are borrowed). The same
  /// layer passed twice (the same object) is prepared once: second_pieces() is first_pieces().
  OverlayInputs(const Layer& first, const Layer& second, const EngineOptions& options,
                const std::function<void()>& check_caller = {});

  const Crs& crs() const noexcept { return crs_; }       ///< the working CRS
  AreaMethod method() const noexcept { return method_; }
  double grid() const noexcept { return grid_; }          ///< precision grid, in CRS units
  unsigned threads() const noexcept { return threads_; }
  /// Area change from repairing each layer's invalid polygons, in m² (repair_delta_m2()).
  double first_repair_delta_m2() const noexcept { return first_repair_delta_m2_; }
  double second_repair_delta_m2() const noexcept { return second_repair_delta_m2_; }
  const PieceSet& first_pieces() const noexcept { return *first_pieces_; }
  const PieceSet& second_pieces() const noexcept { return second_pieces_ ? *second_pieces_ : *first_pieces_; }

  /// Copies the working CRS, method and grid into `result` (a CoverageResult, TabulateResult or
  /// OverlayResult: each has crs, method and grid_size).
  template <typename Result>
  void describe_frame(Result& result) const {
    result.crs = crs_;
    result.method = method_;
    result.grid_size = grid_;
  }

  /// Returns an area calculator for the working CRS and method (one per worker thread).
  AreaCalculator area_calculator() const { return AreaCalculator(crs_, method_); }

  /// Returns the area of every feature of `pieces` (first_pieces() or second_pieces()) in m²,
  /// measured on `threads()` threads; `layer` is the layer they come from, named in errors.
  /// Throws InputError naming the feature when a geometry cannot be measured.
  std::vector<double> feature_areas(const PieceSet& pieces, const Layer& layer) const;

 private:
  Crs crs_;
  AreaMethod method_;
  double grid_ = 0.0;
  unsigned threads_ = 0;
  double first_repair_delta_m2_ = 0.0, second_repair_delta_m2_ = 0.0;
  std::optional<PieceSet> first_pieces_, second_pieces_;
};

}  // namespace redline::detail
