#pragma once
// The fast figure behind GeodesicRingArea (redline/crs/ellipsoid_area.h): the area between a
// short geodesic edge and the equator, from the ellipsoid's authalic sphere.
//
// Latitude phi -> authalic latitude xi (longitude kept) takes the ellipsoid onto the sphere of
// radius Rq, Rq^2 = a^2 qp / 2, preserving area exactly; meridians and the equator map to
// meridians and the equator. So Karney's S12 of an edge (the area between the geodesic and the
// equator) equals the area on that sphere between the geodesic's image and the equator. The
// image is not a great circle: its geodesic curvature on the sphere, from the difference of
// the two metrics' Christoffel symbols (metric of the ellipsoid in (xi, lambda):
// Rq^2 [k^2 dxi^2 + cos^2 xi / k^2 dlambda^2], k = Rq cos xi / (N cos phi)), is
//   kappa = -sin(alpha) [3 (k'/k) cos^2 alpha + (k'/k^5 + tan xi (1/k^4 - 1)) sin^2 alpha] / Rq
// with k'/k = dk/dxi / k = (k^2 sin phi - sin xi) / cos xi, alpha the azimuth on the sphere.
// The figure is the great circle's area to the equator,
//   Rq^2 * 2 atan(tan(dlambda/2) (z1 + z2) / (1 + z1 z2 + c1 c2)),   z = sin xi, c = cos xi,
// plus the lens between the image and the great circle, kappa L^3 / 12, written without square
// roots as Rq^2 / 12 * x (p dxi^2 + q x^2), x = cos xi dlambda, p = 3 k'/k and
// q = k'/k^5 + tan xi (1/k^4 - 1) (p, q, c averaged over the two ends).
//
// Measured against GeographicLib's exact S12 (tests/oracles/authalic_area_exact.py, mode edges:
// edges of 1 m to 100 km, latitudes 0-80 degrees, all azimuths), what is left grows like L^5:
//   |figure - S12| <= 1.87e-25 m^-3 L^5 / cos^2(phi)   (worst at latitude 25 degrees),
// far below double rounding up to L ~ 5 km; without the lens term the error is 4.4e-11 L^3.
// kResidualCoefficient states the bound with a 2.7x margin.
//
// Internal to lib/crs; tests use it to check the bound.

#include <cmath>

namespace redline::detail {

class AuthalicEdges {
 public:
  /// The bound's coefficient C: |figure - S12| <= C L^5 / c^2, L in metres, c = cos xi at the
  /// end nearer the pole.
  static constexpr double kResidualCoefficient = 5e-25;  // m^-3; measured 1.87e-25
  /// Beyond this latitude (degrees) no edge takes the fast figure (the bound grows like
  /// 1/cos^2 and was measured up to here).
  static constexpr double kMaxLatitude = 80.0;

  /// One ring vertex on the authalic sphere.
  struct Vertex {
    double lon = 0;  ///< longitude, degrees, as given
    double lat = 0;  ///< latitude, degrees, as given
    double z = 0;    ///< sin xi
    double c = 0;    ///< cos xi
    double p = 0;    ///< lens coefficient of dxi^2
    double q = 0;    ///< lens coefficient of x^2
    bool usable = false;  ///< |lat| <= kMaxLatitude (and finite)
  };

  /// An edge's fast figure: `area` (m², counter-clockwise positive, as S12) and the square of a
  /// length estimate `length2` (m²) for the bound.
  struct Edge {
    double area;
    double length2;
  };

  AuthalicEdges(double semi_major, double flattening);

  Vertex vertex(double lon, double lat) const {
    Vertex v;
    v.lon = lon;
    v.lat = lat;
    if (!(std::fabs(lat) <= kMaxLatitude)) return v;  // also NaN
    const double phi = lat * kDegree;
    const double s = std::sin(phi), cos_phi = std::cos(phi);
    const double es2 = e2_ * s * s;
    const double w2 = 1.0 - es2;
    // q(phi) / qp (Snyder 3-12); e = 0 is the sphere.
    v.z = series_q_ ? one_minus_e2_over_qp_ * s * q_series(es2)
                    : (e_ > 0 ? one_minus_e2_ * (s / w2 + std::atanh(e_ * s) / e_) / qp_ : s);
    v.c = std::sqrt((1.0 - v.z) * (1.0 + v.z));
    // The lens coefficients need ~1e-8 relative only: reciprocals rather than divisions.
    const double inv_c = 1.0 / v.c;
    const double k = rq_over_a_ * v.c * std::sqrt(w2) / cos_phi;  // Rq cos xi / (N cos phi)
    const double k2 = k * k, inv_k4 = 1.0 / (k2 * k2);
    const double dk = (k2 * s - v.z) * inv_c;  // k'/k
    v.p = 3.0 * dk;
    v.q = dk * inv_k4 + v.z * inv_c * (inv_k4 - 1.0);
    v.usable = true;
    return v;
  }

  /// REQUIRES: a.usable && b.usable; `dlon` = b.lon - a.lon reduced to [-180, 180] degrees.
  Edge edge(const Vertex& a, const Vertex& b, double dlon) const {
    const double dl = dlon * kDegree;
    const double great_circle =
        2.0 * small_atan(small_tan(0.5 * dl) * (a.z + b.z) / (1.0 + a.z * b.z + a.c * b.c));
    const double dxi = b.z * a.c - a.z * b.c;  // sin(dxi): the lens needs dxi to ~1e-5 only
    const double x = 0.5 * (a.c + b.c) * dl;
    const double lens = (x / 12.0) * (0.5 * (a.p + b.p) * dxi * dxi + 0.5 * (a.q + b.q) * x * x);
    return {rq2_ * (great_circle + lens), rq2_ * (dxi * dxi + x * x)};
  }

  /// True when the edge's bound C L^5 / c^2 is at most `tolerance` m²: C^2 L^10 <= tol^2 c^4,
  /// with the smaller c of the two ends; no root taken.
  static bool within(const Vertex& a, const Vertex& b, const Edge& e, double tolerance) {
    const double c = std::fmin(a.c, b.c);
    const double l4 = e.length2 * e.length2;
    const double lhs = kResidualCoefficient * kResidualCoefficient * l4 * l4 * e.length2;
    return lhs <= tolerance * tolerance * (c * c) * (c * c);
  }

  /// The bound C L^5 / c^2 of one edge, m².
  static double bound(const Vertex& a, const Vertex& b, const Edge& e) {
    const double c = std::fmin(a.c, b.c);
    return kResidualCoefficient * std::pow(e.length2, 2.5) / (c * c);
  }

  double authalic_radius_squared() const { return rq2_; }

  /// Beyond this eccentricity squared q(phi) is computed in closed form, not by q_series (every
  /// Earth ellipsoid's is about 0.0067).
  static constexpr double kMaxSeriesEccentricity2 = 0.01;
  /// Below this magnitude tan and atan are Taylor polynomials, not libm's calls.
  static constexpr double kSmallAngle = 1.0 / 64;

  /// q(phi) / ((1 - e^2) sin phi) = 1 / (1 - e^2 s^2) + atanh(e s) / (e s), s = sin phi, as the
  /// series sum_k (2k + 2) / (2k + 1) (e^2 s^2)^k: with e^2 s^2 <= kMaxSeriesEccentricity2 the
  /// terms left out (k >= 9) are below 1e-18 of the sum. No division, no logarithm.
  static double q_series(double es2) {
    double sum = 18.0 / 17.0;
    sum = sum * es2 + 16.0 / 15.0;
    sum = sum * es2 + 14.0 / 13.0;
    sum = sum * es2 + 12.0 / 11.0;
    sum = sum * es2 + 10.0 / 9.0;
    sum = sum * es2 + 8.0 / 7.0;
    sum = sum * es2 + 6.0 / 5.0;
    sum = sum * es2 + 4.0 / 3.0;
    return sum * es2 + 2.0;
  }

  /// tan(h): for |h| < kSmallAngle the Taylor polynomial to h^9 (what is left out is below
  /// 1e-20 of the figure), else std::tan. An edge of a few km spans h ~ 1e-4.
  static double small_tan(double h) {
    if (!(std::fabs(h) < kSmallAngle)) return std::tan(h);
    const double u = h * h;
    return h + h * u * (1.0 / 3 + u * (2.0 / 15 + u * (17.0 / 315 + u * (62.0 / 2835))));
  }

  /// atan(y): for |y| < kSmallAngle the Taylor polynomial to y^9 (what is left out is below
  /// 1e-19 of the figure), else std::atan.
  static double small_atan(double y) {
    if (!(std::fabs(y) < kSmallAngle)) return std::atan(y);
    const double u = y * y;
    return y + y * u * (-1.0 / 3 + u * (1.0 / 5 + u * (-1.0 / 7 + u * (1.0 / 9))));
  }

 private:
  static constexpr double kDegree = M_PI / 180.0;
  double e2_, e_, one_minus_e2_, qp_, rq2_, rq_over_a_;
  double one_minus_e2_over_qp_;
  bool series_q_;  // e^2 small enough for q_series
};

}  // namespace redline::detail
