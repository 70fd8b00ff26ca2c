#include "redline/geom/coordinate_map.h"

#include <exception>

#include "geom/geos_context.h"

namespace redline {

Geometry map_coordinates(GeometryView geometry, const std::function<bool(double& x, double& y)>& map) {
  if (geometry.is_null()) return Geometry();
  struct State {
    const std::function<bool(double&, double&)>* map = nullptr;
    bool refused = false;
    std::exception_ptr error;  // never let an exception cross GEOS's C frames
  };
  State state;
  state.map = &map;
  auto callback = [](double* x, double* y, void* userdata) -> int {
    auto* s = static_cast<State*>(userdata);
    try {
      if ((*s->map)(*x, *y)) return 1;
      s->refused = true;
    } catch (...) {
      s->error = std::current_exception();
    }
    return 0;
  };
  GEOSGeometry* out = GEOSGeom_transformXY_r(geos_handle(), detail::geos_of(geometry), callback, &state);
  if (out) return detail::adopt(out);
  const std::string message = detail::take_geos_error();
  if (state.error) std::rethrow_exception(state.error);
  if (state.refused) return Geometry();
  throw InternalError("GEOS transforming coordinates" + (message.empty() ? std::string(" failed") : ": " + message));
}

}  // namespace redline
