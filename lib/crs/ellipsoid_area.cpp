#include "redline/crs/ellipsoid_area.h"

#include <geodesic.h>

#include <cmath>
#include <vector>

#include "crs/authalic_area.h"

namespace redline {

namespace {

constexpr double kDegree = M_PI / 180.0;

double flattening(const Ellipsoid& el) {
  return el.inverse_flattening > 0 ? 1.0 / el.inverse_flattening : 0.0;
}

// Points of the ring without its closing point, which neither sum needs.
std::size_t open_size(const double* xy, std::size_t n, std::size_t stride) {
  if (n > 1 && xy[0] == xy[(n - 1) * stride] && xy[1] == xy[(n - 1) * stride + 1]) --n;
  return n;
}

std::vector<double> interleave(const double* lon, const double* lat, std::size_t n) {
  std::vector<double> xy(2 * n);
  for (std::size_t i = 0; i < n; ++i) xy[2 * i] = lon[i], xy[2 * i + 1] = lat[i];
  return xy;
}

}  // namespace

namespace detail {

AuthalicEdges::AuthalicEdges(double semi_major, double flattening) {
  e2_ = flattening * (2.0 - flattening);
  e_ = std::sqrt(e2_);
  one_minus_e2_ = 1.0 - e2_;
  qp_ = e_ > 0 ? 1.0 + one_minus_e2_ * std::atanh(e_) / e_ : 2.0;  // q at the pole
  rq2_ = semi_major * semi_major * qp_ / 2.0;
  rq_over_a_ = std::sqrt(qp_ / 2.0);
  one_minus_e2_over_qp_ = one_minus_e2_ / qp_;
  series_q_ = e2_ <= kMaxSeriesEccentricity2;
}

}  // namespace detail

namespace {

// Sums with the rounding error of each addition kept (Knuth's two-sum), as geod_polygon does:
// the edge figures are areas down to the equator, much larger than the ring's.
class ExactSum {
 public:
  void add(double y) {
    const double s = sum_ + y;
    const double y_part = s - sum_;
    error_ += (sum_ - (s - y_part)) + (y - y_part);
    sum_ = s;
  }
  double value() const { return sum_ + error_; }

 private:
  double sum_ = 0, error_ = 0;
};

// Longitude difference b - a in degrees, reduced to [-180, 180] as Karney's AngDiff does.
double longitude_step(double a, double b) {
  const double d = b - a;
  return std::fabs(d) <= 180.0 ? d : std::remainder(d, 360.0);
}

}  // namespace

struct GeodesicRingArea::Impl {
  geod_geodesic geodesic{};
  detail::AuthalicEdges authalic;
  double ellipsoid_area;  // 4 pi Rq^2

  Impl(double a, double f)
      : authalic(a, f), ellipsoid_area(4.0 * M_PI * authalic.authalic_radius_squared()) {
    geod_init(&geodesic, a, f);
  }

  // Karney's S12 of one edge: the area between its geodesic and the equator.
  double karney_edge(const detail::AuthalicEdges::Vertex& a,
                     const detail::AuthalicEdges::Vertex& b) const {
    double s12_area = 0.0;
    geod_geninverse(&geodesic, a.lat, a.lon, b.lat, b.lon, nullptr, nullptr, nullptr, nullptr,
                    nullptr, nullptr, &s12_area);
    return s12_area;
  }
};

GeodesicRingArea::GeodesicRingArea(const Ellipsoid& ellipsoid)
    : impl_(std::make_unique<Impl>(ellipsoid.semi_major, flattening(ellipsoid))) {}

GeodesicRingArea::~GeodesicRingArea() = default;
GeodesicRingArea::GeodesicRingArea(GeodesicRingArea&&) noexcept = default;
GeodesicRingArea& GeodesicRingArea::operator=(GeodesicRingArea&&) noexcept = default;

double GeodesicRingArea::operator()(const double* xy, std::size_t n, std::size_t stride) const {
  n = open_size(xy, n, stride);
  if (n < 3) return 0.0;
  using Vertex = detail::AuthalicEdges::Vertex;
  const detail::AuthalicEdges& authalic = impl_->authalic;
  // Each edge may spend its share of the ring's truncation budget.
  const double edge_tolerance = kTruncationTolerance / static_cast<double>(n);
  ExactSum area;
  double turn = 0.0;  // the longitude steps' sum: +-360 when the ring goes round a pole
  const Vertex first = authalic.vertex(xy[0], xy[1]);
  Vertex a = first;
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex b = i + 1 < n ? authalic.vertex(xy[(i + 1) * stride], xy[(i + 1) * stride + 1]) : first;
    const double dlon = longitude_step(a.lon, b.lon);
    turn += dlon;
    bool fast = false;
    if (a.usable && b.usable) {
      const detail::AuthalicEdges::Edge e = authalic.edge(a, b, dlon);
      if (detail::AuthalicEdges::within(a, b, e, edge_tolerance)) {
        area.add(e.area);
        fast = true;
      }
    }
    if (!fast) area.add(impl_->karney_edge(a, b));
    a = b;
  }
  const double sum = area.value();
  // A ring round a pole, or one so large that "inside" is ambiguous: Karney's bookkeeping.
  if (std::fabs(turn) >= 180.0 || !(std::fabs(sum) < impl_->ellipsoid_area / 4)) {
    return karney(xy, n, stride);
  }
  return std::fabs(sum);
}

double GeodesicRingArea::karney(const double* xy, std::size_t n, std::size_t stride) const {
  n = open_size(xy, n, stride);
  if (n < 3) return 0.0;
  geod_polygon polygon;
  geod_polygon_init(&polygon, 0);
  for (std::size_t i = 0; i < n; ++i) {
    geod_polygon_addpoint(&impl_->geodesic, &polygon, xy[i * stride + 1], xy[i * stride]);
  }
  double area = 0.0;
  geod_polygon_compute(&impl_->geodesic, &polygon, 0, 1, &area, nullptr);
  return std::fabs(area);
}

// The series coefficients of domain.md, in the first eccentricity squared.
SurveyRingArea::SurveyRingArea(const Ellipsoid& el) {
  const double a = el.semi_major;
  const double f = flattening(el);
  const double b = a * (1.0 - f);
  const double e2 = f * (2.0 - f);
  const double e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2;
  b2x2_ = 2.0 * b * b;
  a_ = 1.0 + e2 / 2.0 + 3.0 * e4 / 8.0 + 5.0 * e6 / 16.0 + 35.0 * e8 / 128.0;
  b_ = e2 / 6.0 + 3.0 * e4 / 16.0 + 3.0 * e6 / 16.0 + 35.0 * e8 / 192.0;
  c_ = 3.0 * e4 / 80.0 + e6 / 16.0 + 5.0 * e8 / 64.0;
  d_ = e6 / 112.0 + 5.0 * e8 / 256.0;
  e_ = 5.0 * e8 / 2304.0;
}

double SurveyRingArea::operator()(const double* xy, std::size_t n, std::size_t stride) const {
  n = open_size(xy, n, stride);
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
    sum += dL * (a_ * std::sin(dB / 2) * std::cos(Bm) - b_ * std::sin(3 * dB / 2) * std::cos(3 * Bm) +
                 c_ * std::sin(5 * dB / 2) * std::cos(5 * Bm) -
                 d_ * std::sin(7 * dB / 2) * std::cos(7 * Bm) +
                 e_ * std::sin(9 * dB / 2) * std::cos(9 * Bm));
  }
  return std::fabs(b2x2_ * sum);
}

double geodesic_ring_area(const double* lon, const double* lat, std::size_t n,
                          const Ellipsoid& ellipsoid) {
  const std::vector<double> xy = interleave(lon, lat, n);
  return GeodesicRingArea(ellipsoid)(xy.data(), n, 2);
}

double survey_ring_area(const double* lon, const double* lat, std::size_t n,
                        const Ellipsoid& ellipsoid) {
  const std::vector<double> xy = interleave(lon, lat, n);
  return SurveyRingArea(ellipsoid)(xy.data(), n, 2);
}

}  // namespace redline
