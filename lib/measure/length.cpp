#include "redline/measure/length.h"

#include <cmath>
#include <optional>

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

struct LengthCalculator::Impl {
  LengthMethod method;
  std::optional<CoordinateTransform> to_lonlat;  // not for Planar
  GeodesicPathLength geodesic;

  Impl(const Crs& crs, LengthMethod m) : method(m), geodesic(crs.ellipsoid()) {
    if (method != LengthMethod::Planar) to_lonlat = CoordinateTransform::to_geographic(crs);
  }

  double path(const PathView& p) const {
    if (p.role != PathRole::Line || p.size < 2) return 0.0;
    if (method == LengthMethod::Planar) return euclidean(p.xy, p.size);
    to_lonlat->apply(p.xy, p.xy + 1, p.size, 2);
    return geodesic(p.xy, p.size, 2);
  }
};

LengthCalculator::LengthCalculator(const Crs& crs, LengthMethod method) {
  if (!crs.is_known()) throw UsageError("cannot measure lengths in an unknown CRS");
  if (method == LengthMethod::Planar && !crs.is_projected()) {
    throw UsageError(fmt::format(
        "method planar needs a projected CRS; {} is not (use ellipsoidal)", crs.label()));
  }
  impl_ = std::make_unique<Impl>(crs, method);
}

LengthCalculator::~LengthCalculator() = default;
LengthCalculator::LengthCalculator(LengthCalculator&&) noexcept = default;
LengthCalculator& LengthCalculator::operator=(LengthCalculator&&) noexcept = default;

LengthMethod LengthCalculator::method() const noexcept { return impl_->method; }

double LengthCalculator::length(GeometryView geometry) const {
  double sum = 0.0;
  for_each_path(geometry, [&](const PathView& p) {
    sum += impl_->path(p);
    return true;
  });
  return sum;
}

}  // namespace redline
