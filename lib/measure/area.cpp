#include "redline/measure/area.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "redline/crs/ellipsoid_area.h"
#include "redline/crs/transform.h"
#include "redline/error.h"
#include "redline/geom/paths.h"
#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<AreaMethod, 5> kAreaMethodNames{
    "area method",
    {{{AreaMethod::Ellipsoidal, "ellipsoidal"}, {AreaMethod::Ellipsoidal, "geodesic"},
      {AreaMethod::Survey, "survey"}, {AreaMethod::Survey, "椭球面积"}, {AreaMethod::Planar, "planar"}}}};

double shoelace(const double* xy, std::size_t n, std::size_t stride) {
  if (n < 3) return 0.0;
  // Relative to the first vertex: 8-digit Gauss-Krüger eastings would otherwise lose digits.
  const double x0 = xy[0], y0 = xy[1];
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double* p = xy + i * stride;
    const double* q = xy + (i + 1) * stride;
    sum += (p[0] - x0) * (q[1] - y0) - (q[0] - x0) * (p[1] - y0);
  }
  return std::fabs(sum) / 2.0;
}

}  // namespace

AreaMethod parse_area_method(const std::string& text) { return kAreaMethodNames.parse(text); }

std::string method_name(AreaMethod method) { return kAreaMethodNames.name(method); }

std::vector<std::string> area_method_names() { return kAreaMethodNames.names(); }

struct AreaCalculator::Impl {
  AreaMethod method;
  std::optional<CoordinateTransform> to_lonlat;  // not for Planar
  GeodesicRingArea geodesic;
  SurveyRingArea series;

  Impl(const Crs& crs, AreaMethod m)
      : method(m), geodesic(crs.ellipsoid()), series(crs.ellipsoid()) {
    if (method != AreaMethod::Planar) to_lonlat = CoordinateTransform::to_geographic(crs);
  }

  // Signed contributions: shells count, holes subtract; lines and points have no area.
  double path(const PathView& p) const {
    if (!p.is_ring() || p.size < 4) return 0.0;
    double area = 0.0;
    switch (method) {
      case AreaMethod::Planar: area = shoelace(p.xy, p.size, 2); break;
      case AreaMethod::Ellipsoidal:
        to_lonlat->apply(p.xy, p.xy + 1, p.size, 2);
        area = geodesic(p.xy, p.size, 2);
        break;
      case AreaMethod::Survey:
        to_lonlat->apply(p.xy, p.xy + 1, p.size, 2);
        area = series(p.xy, p.size, 2);
        break;
    }
    return p.role == PathRole::Hole ? -area : area;
  }
};

AreaCalculator::AreaCalculator(const Crs& crs, AreaMethod method) {
  if (!crs.is_known()) throw UsageError("cannot measure areas in an unknown CRS");
  if (method == AreaMethod::Planar && !crs.is_projected()) {
    throw UsageError(fmt::format(
        "method planar needs a projected CRS; {} is not (use ellipsoidal or survey)", crs.label()));
  }
  impl_ = std::make_unique<Impl>(crs, method);
}

AreaCalculator::~AreaCalculator() = default;
AreaCalculator::AreaCalculator(AreaCalculator&&) noexcept = default;
AreaCalculator& AreaCalculator::operator=(AreaCalculator&&) noexcept = default;

AreaMethod AreaCalculator::method() const noexcept { return impl_->method; }

double AreaCalculator::area(GeometryView geometry) const {
  double sum = 0.0;
  for_each_path(geometry, [&](const PathView& p) {
    sum += impl_->path(p);
    return true;
  });
  return sum;
}

}  // namespace redline
