#pragma once
// Options the overlay tools (coverage, tabulate, overlay) share: the working CRS and the
// precision grid. Header-only: it only copies option values into EngineOptions.
#include <optional>
#include <string>

#include "cli/common.h"
#include "redline/overlay/engine_options.h"

namespace redline::cli {

struct EngineArgs {
  std::string crs;
  std::optional<double> grid;

  /// Returns EngineOptions from these options and the measurement ones.
  EngineOptions engine_options(const MeasureArgs& m) const {
    EngineOptions o;
    o.method = m.area_method();
    if (!crs.empty()) o.crs = Crs::from_user_input(crs);
    o.grid_size = grid;
    o.threads = m.threads;
    o.progress = stderr_progress();
    return o;
  }
};

/// Adds --crs and --grid to `cmd`.
inline void add_engine_options(CLI::App& cmd, EngineArgs& a) {
  cmd.add_option("--crs", a.crs,
                 "CRS to overlay in, both layers transformed into it (default: the first layer's; the "
                 "second is transformed when it differs)");
  cmd.add_option("--grid", a.grid,
                 "Precision grid of the overlays in CRS units (default: 0.001 = 1 mm projected, 1e-8 "
                 "degree geographic; 0 = floating precision)");
}

}  // namespace redline::cli
