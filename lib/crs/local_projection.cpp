#include "redline/crs/local_projection.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

namespace redline {

Crs local_transverse_mercator(const Crs& geographic, const Envelope& extent) {
  const double lon0 = extent.is_null ? 0.0 : std::round((extent.min_x + extent.max_x) / 2 * 1000) / 1000;
  const Ellipsoid& e = geographic.ellipsoid();
  const std::string shape = e.inverse_flattening > 0
                                ? fmt::format("+a={:.4f} +rf={:.9f}", e.semi_major, e.inverse_flattening)
                                : fmt::format("+R={:.4f}", e.semi_major);
  return Crs::from_user_input(fmt::format(
      "+proj=tmerc +lat_0=0 +lon_0={:.3f} +k=1 +x_0=500000 +y_0=0 {} +units=m +no_defs +type=crs", lon0, shape));
}

}  // namespace redline
