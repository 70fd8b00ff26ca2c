#include "redline/measure/length.h"

#include <cmath>

#include <fmt/format.h>

#include "redline/crs/geodesic_length.h"
#include "redline/crs/transform.h"
#include "redline/error.h"
#include "redline/geom/paths.h"
#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<LengthMethod, 3> kLengthMethodNames{
    "length method",
    {{{LengthMethod::Ellipsoidal, "ellipsoidal"}, {LengthMethod::Ellipsoidal, "geodesic"},
      {LengthMethod::Planar, "planar"}}}};

double euclidean(const double* xy, std::size_t n) {
  double sum = 0.0;
  for (std::size_t i = 1; i < n; ++i) {
    sum += std::hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
  }
  return sum;
}

}  // namespace

LengthMethod parse_length_method(const std::string& text) { return kLengthMethodNames.parse(text); }

std::string method_name(LengthMethod method) { return kLengthMethodNames.name(method); }

std::vector<std::string> length_method_names() { return kLengthMethodNames.names(); }

namespace {

const Crs& measurable(const Crs& crs, LengthMethod method) {
  if (!crs.is_known()) throw UsageError("cannot measure lengths in an unknown CRS");
  if (method == LengthMethod::Planar && !crs.is_projected()) {
    throw UsageError(fmt::format("method planar needs a projected CRS; {} is not (use ellipsoidal)", crs.label()));
  }
  return crs;
}

}  // namespace

LengthCalculator::LengthCalculator(const Crs& crs, LengthMethod method)
    : method_(method), geodesic_(measurable(crs, method).ellipsoid()) {
  if (method_ == LengthMethod::Ellipsoidal) to_lonlat_ = CoordinateTransform::to_geographic(crs);
}

double LengthCalculator::length(GeometryView geometry) const {
  double metres = 0.0;
  for_each_path(geometry, [&](const PathView& path) {
    if (path.role != PathRole::Line || path.size < 2) return true;  // rings and points have no length
    if (method_ == LengthMethod::Planar) {
      metres += euclidean(path.xy, path.size);
    } else {
      to_lonlat_->apply(path.xy, path.xy + 1, path.size, 2);
      metres += geodesic_(path.xy, path.size, 2);
    }
    return true;
  });
  return metres;
}

}  // namespace redline
