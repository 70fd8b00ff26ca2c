#include "overlay/conflict_pieces.h"

#include <algorithm>

#include "redline/geom/ops.h"
#include "redline/overlay/sliver.h"
#include "util/work_loop.h"

namespace redline::detail {

EngineOptions conflict_engine_options(const OverlapOptions& options, const Crs& crs) {
  validate_sliver_width(options.sliver_width_metres, "sliver width");
  EngineOptions engine;
  engine.method = options.method;
  engine.crs = crs;
  engine.threads = options.threads;
  engine.progress = options.progress;
  return engine;
}

std::vector<MeasuredPiece> measure_pieces(const std::vector<Geometry>& pieces, const OverlayInputs& in,
                                          double sliver_width_metres, const ProgressFn& progress) {
  const double width = sliver_width_metres > 0 ? sliver_width_in_crs_units(sliver_width_metres, in.crs()) : 0.0;
  std::vector<MeasuredPiece> out(pieces.size());
  run_workers<AreaCalculator>(pieces.size(), in.threads(), progress, "measuring", [&] { return in.area_calculator(); },
                              [&](std::size_t i, AreaCalculator& calc) {
                                const Geometry& g = pieces[i];
                                MeasuredPiece& m = out[i];
                                m.area_m2 = calc.area(g);
                                m.sliver = width > 0 && is_sliver(g, width);
                                interior_point(g, m.x, m.y);
                              });
  return out;
}

bool listed_piece(const MeasuredPiece& m, std::size_t& slivers, double& sliver_area_m2) {
  if (!(m.area_m2 > 0)) return false;
  if (m.sliver) {
    ++slivers;
    sliver_area_m2 += m.area_m2;
    return false;
  }
  return true;
}

Geometry merge_parts(std::vector<Geometry>& parts, double grid) {
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Geometry& g) { return g.is_empty(); }),
              parts.end());
  if (parts.empty()) return Geometry();
  if (parts.size() == 1) return std::move(parts[0]);
  std::vector<GeometryView> views(parts.begin(), parts.end());
  return union_all(views, grid);
}

}  // namespace redline::detail
