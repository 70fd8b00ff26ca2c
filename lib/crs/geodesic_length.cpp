#include "redline/crs/geodesic_length.h"

#include <geodesic.h>

namespace redline {

struct GeodesicPathLength::Impl {
  geod_geodesic geodesic{};
};

GeodesicPathLength::GeodesicPathLength(const Ellipsoid& ellipsoid) : impl_(std::make_unique<Impl>()) {
  const double f = ellipsoid.inverse_flattening > 0 ? 1.0 / ellipsoid.inverse_flattening : 0.0;
  geod_init(&impl_->geodesic, ellipsoid.semi_major, f);
}

GeodesicPathLength::~GeodesicPathLength() = default;
GeodesicPathLength::GeodesicPathLength(GeodesicPathLength&&) noexcept = default;
GeodesicPathLength& GeodesicPathLength::operator=(GeodesicPathLength&&) noexcept = default;

double GeodesicPathLength::operator()(const double* xy, std::size_t n, std::size_t stride) const {
  double sum = 0.0;
  for (std::size_t i = 1; i < n; ++i) {
    const double* p = xy + (i - 1) * stride;
    const double* q = xy + i * stride;
    double s12 = 0.0;
    geod_inverse(&impl_->geodesic, p[1], p[0], q[1], q[0], &s12, nullptr, nullptr);
    sum += s12;
  }
  return sum;
}

}  // namespace redline
