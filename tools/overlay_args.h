#pragma once
// Options the overlay tools (coverage, tabulate, overlay) share: their two input layers, how
// to measure and print, the working CRS and the precision grid. Header-only: it only registers
// options and copies their values into the library's option structs.
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/common.h"
#include "redline/geom/ops.h"
#include "redline/io/layer.h"
#include "redline/overlay/engine_options.h"

namespace redline::cli {

/// The two layers an overlay tool reads.
struct OverlayLayers {
  Layer first, second;
};

struct OverlayArgs {
  InputArgs first, second;  ///< paths added by the tool (positional or an option)
  MeasureArgs measure;
  std::string crs;
  std::optional<double> grid;

  /// Returns EngineOptions from these options (progress drawn on stderr).
  EngineOptions engine_options() const {
    EngineOptions o;
    o.method = measure.area_method();
    if (!crs.empty()) o.crs = Crs::from_user_input(crs);
    o.grid_size = grid;
    o.threads = measure.threads;
    o.progress = stderr_progress();
    return o;
  }

  /// Reads both layers, the first first.
  OverlayLayers read_layers() const {
    Layer a = read_layer(first.path, first.read_options(measure.threads));
    Layer b = read_layer(second.path, second.read_options(measure.threads));
    return {std::move(a), std::move(b)};
  }
};

/// Adds the first input's options (--layer...), the second's (--PREFIX-layer...; `what` names it
/// in the help), the measurement options, --crs and --grid to `cmd`. The tool adds the paths.
inline void add_overlay_options(CLI::App& cmd, OverlayArgs& a, const std::string& prefix, const std::string& what) {
  add_input_options(cmd, a.first);
  add_input_options(cmd, a.second, prefix, what);
  add_measure_options(cmd, a.measure);
  cmd.add_option("--crs", a.crs,
                 "CRS to overlay in, both layers transformed into it (default: the first layer's; the "
                 "second is transformed when it differs)");
  cmd.add_option("--grid", a.grid,
                 fmt::format("Precision grid of the overlays in CRS units (default: {:g} m projected, {:g} "
                             "degree geographic; 0 = floating precision)",
                             kDefaultGridSizeProjected, kDefaultGridSizeGeographic));
}

}  // namespace redline::cli
