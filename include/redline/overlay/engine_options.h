#pragma once
// How the overlay engine works: the settings that coverage, tabulate and overlay share.
//
// The engine brings both layers into one CRS (the first layer's by DEFAULT), cuts every feature
// with more than `max_piece_vertices` vertices into pieces along a recursive grid (so that no
// single overlay handles a 100 000-vertex red-line polygon at once, and the work spreads over
// threads), finds candidate pairs with a packed R-tree, takes a piece wholly inside another
// whole and skips a disjoint or merely touching one without any overlay (GEOS prepared
// geometries, and a robust segment test for the pieces that share edges, as parcels drawn on
// the red line do), and runs every remaining overlay through GEOS OverlayNG on a fixed
// precision grid, where no TopologyException can occur.
// Figures are accumulated in feature order, so the thread count never changes a result.
//
// Example usage:
//   redline::EngineOptions engine;
//   engine.method = redline::AreaMethod::Survey;
//   engine.threads = 4;
//   engine.crs = redline::Crs::from_user_input("EPSG:4527");  // both layers into zone 39
#include <optional>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/measure/area.h"
#include "redline/progress.h"

namespace redline {

/// DEFAULT piece size, in vertices: 1024 (measured on the scale-1 sample: fewer cut lines beat
/// smaller overlays, since OverlayNG clips its inputs to the overlap's box anyway).
constexpr int kDefaultMaxPieceVertices = 1024;

struct EngineOptions {
  /// How areas are measured. DEFAULT: ellipsoidal (geodesic on the CRS's ellipsoid).
  AreaMethod method = AreaMethod::Ellipsoidal;
  /// The CRS both layers are overlaid (and --out layers written) in. DEFAULT: the first
  /// layer's CRS; the second layer is transformed into it with PROJ when it differs.
  std::optional<Crs> crs;
  /// Precision grid of the overlays, in units of the working CRS. DEFAULT:
  /// kDefaultGridSizeProjected (1 mm) in a projected CRS, kDefaultGridSizeGeographic (1e-8°) in
  /// a geographic one (redline/geom/ops.h).
  std::optional<double> grid_size;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  /// Features with more vertices than this are cut into pieces. DEFAULT: kDefaultMaxPieceVertices.
  int max_piece_vertices = kDefaultMaxPieceVertices;
  /// Called on the calling thread with stages "preparing" and "overlaying".
  ProgressFn progress;
};

/// Coarsest precision grid accepted, in metres (projected CRS) — a coarser grid moves every
/// vertex by more than the accuracy of any survey; in a geographic CRS the same in degrees
/// (kMaxGridDegrees, about 11 m).
constexpr double kMaxGridMetres = 10.0;
constexpr double kMaxGridDegrees = 1.0e-4;
/// Fewest vertices a piece may be cut to: below this the cutting costs more than it saves.
constexpr int kMinPieceVertices = 8;

/// Throws UsageError when a setting makes no sense: a grid_size that is NaN, infinite, negative
/// or coarser than kMaxGridMetres (kMaxGridDegrees in a geographic `crs`), or
/// max_piece_vertices below kMinPieceVertices. Every engine entry point calls it.
REDLINE_EXPORT void validate_engine_options(const EngineOptions& options, const Crs& crs);

/// Returns the CRS the engine works in: options.crs, else `first_layer_crs`.
/// REQUIRES: the result is known.
REDLINE_EXPORT Crs working_crs(const EngineOptions& options, const Crs& first_layer_crs);

/// Returns the precision grid the engine uses in `crs`, after validate_engine_options().
REDLINE_EXPORT double working_grid(const EngineOptions& options, const Crs& crs);

}  // namespace redline
