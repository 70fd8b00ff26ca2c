#include "redline/measure/area.h"

#include <geodesic.h>

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "redline/geom/paths.h"
#include "redline/crs/transform.h"
#include "redline/error.h"
#include "util/text.h"

namespace redline {

AreaMethod parse_area_method(const std::string& text) {
  const std::string t = detail::ascii_lower(text);
  if (t == "ellipsoidal" || t == "geodesic") return AreaMethod::Ellipsoidal;
  if (t == "survey" || t == "椭球面积") return AreaMethod::Survey;
  if (t == "planar") return AreaMethod::Planar;
  throw UsageError(fmt::format("method takes ellipsoidal, survey or planar, not '{}'", text));
}

std::string method_name(AreaMethod method) {
  switch (method) {
    case AreaMethod::Ellipsoidal: return "ellipsoidal";
    case AreaMethod::Survey: return "survey";
    case AreaMethod::Planar: return "planar";
  }
  return "ellipsoidal";
}

namespace {

constexpr double kDegree = M_PI / 180.0;

// Drops the closing point, which geod_polygon and the trapezoid sum do not need.
std::size_t open_ring_size(const double* lon, const double* lat, std::size_t n) {
  if (n > 1 && lon[0] == lon[n - 1] && lat[0] == lat[n - 1]) return n - 1;
  return n;
}

double geodesic_ring(const geod_geodesic& g, const double* xy, std::size_t n, std::size_t stride) {
  if (n > 1 && xy[0] == xy[(n - 1) * stride] && xy[1] == xy[(n - 1) * stride + 1]) --n;
  if (n < 3) return 0.0;
  geod_polygon polygon;
  geod_polygon_init(&polygon, 0);
  for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&g, &polygon, xy[i * stride + 1], xy[i * stride]);
  double area = 0.0;
  geod_polygon_compute(&g, &polygon, 0, 1, &area, nullptr);
  return std::fabs(area);
}

// The series coefficients of domain.md, in the first eccentricity squared.
struct SurveySeries {
  double b2x2, A, B, C, D, E;
  explicit SurveySeries(const Ellipsoid& el) {
    const double a = el.semi_major;
    const double f = el.inverse_flattening > 0 ? 1.0 / el.inverse_flattening : 0.0;
    const double b = a * (1.0 - f);
    const double e2 = f * (2.0 - f);
    const double e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2;
    b2x2 = 2.0 * b * b;
    A = 1.0 + e2 / 2.0 + 3.0 * e4 / 8.0 + 5.0 * e6 / 16.0 + 35.0 * e8 / 128.0;
    B = e2 / 6.0 + 3.0 * e4 / 16.0 + 3.0 * e6 / 16.0 + 35.0 * e8 / 192.0;
    C = 3.0 * e4 / 80.0 + e6 / 16.0 + 5.0 * e8 / 64.0;
    D = e6 / 112.0 + 5.0 * e8 / 256.0;
    E = 5.0 * e8 / 2304.0;
  }
  // Signed area of the ring given as lon/lat degrees (interleaved with `stride`).
  double ring(const double* xy, std::size_t n, std::size_t stride) const {
    if (n > 1 && xy[0] == xy[(n - 1) * stride] && xy[1] == xy[(n - 1) * stride + 1]) --n;
    if (n < 3) return 0.0;
    // The reference meridian L0 is the ring's first vertex: any fixed meridian gives the same
    // sum for a closed ring, and a near one keeps the terms small.
    const double L0 = xy[0] * kDegree;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double* p = xy + i * stride;
      const double* q = xy + ((i + 1) % n) * stride;
      const double B1 = p[1] * kDegree, B2 = q[1] * kDegree;
      const double dB = B2 - B1, Bm = 0.5 * (B1 + B2);
      const double dL = 0.5 * (p[0] + q[0]) * kDegree - L0;
      sum += dL * (A * std::sin(dB / 2) * std::cos(Bm) - B * std::sin(3 * dB / 2) * std::cos(3 * Bm) +
                   C * std::sin(5 * dB / 2) * std::cos(5 * Bm) -
                   D * std::sin(7 * dB / 2) * std::cos(7 * Bm) +
                   E * std::sin(9 * dB / 2) * std::cos(9 * Bm));
    }
    return b2x2 * sum;
  }
};

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

double geodesic_ring_area(const double* lon, const double* lat, std::size_t n,
                          const Ellipsoid& ellipsoid) {
  n = open_ring_size(lon, lat, n);
  std::vector<double> xy(2 * n);
  for (std::size_t i = 0; i < n; ++i) xy[2 * i] = lon[i], xy[2 * i + 1] = lat[i];
  geod_geodesic g;
  geod_init(&g, ellipsoid.semi_major,
            ellipsoid.inverse_flattening > 0 ? 1.0 / ellipsoid.inverse_flattening : 0.0);
  return geodesic_ring(g, xy.data(), n, 2);
}

double survey_ring_area(const double* lon, const double* lat, std::size_t n,
                        const Ellipsoid& ellipsoid) {
  n = open_ring_size(lon, lat, n);
  std::vector<double> xy(2 * n);
  for (std::size_t i = 0; i < n; ++i) xy[2 * i] = lon[i], xy[2 * i + 1] = lat[i];
  return std::fabs(SurveySeries(ellipsoid).ring(xy.data(), n, 2));
}

struct AreaCalculator::Impl {
  AreaMethod method;
  std::optional<CoordinateTransform> to_lonlat;  // not for Planar
  geod_geodesic geodesic{};
  SurveySeries series;

  Impl(const Crs& crs, AreaMethod m) : method(m), series(crs.ellipsoid()) {
    const Ellipsoid& el = crs.ellipsoid();
    geod_init(&geodesic, el.semi_major, el.inverse_flattening > 0 ? 1.0 / el.inverse_flattening : 0.0);
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
        area = geodesic_ring(geodesic, p.xy, p.size, 2);
        break;
      case AreaMethod::Survey:
        to_lonlat->apply(p.xy, p.xy + 1, p.size, 2);
        area = std::fabs(series.ring(p.xy, p.size, 2));
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
