#pragma once
// Private: the sign of the orientation determinant, proven or left uncertain. Shewchuk's orient2d
// with its first error bound (stage A of "Adaptive Precision Floating-Point Arithmetic and Fast
// Robust Geometric Predicates", 1997): the sign when the floating-point value proves it, else
// kUncertainOrientation. Shared by the segment pre-test (overlay) and the simple-ring proof
// (geom), whose "certain" answers rest on it.

#include <cmath>

namespace redline::detail {

constexpr int kUncertainOrientation = 2;

/// Returns 1 when c lies left of the line a→b, -1 when right, 0 when on it (each proven), or
/// kUncertainOrientation when rounding leaves the sign open.
inline int robust_orientation(double ax, double ay, double bx, double by, double cx, double cy) {
  constexpr double eps = 1.1102230246251565e-16;  // 2^-53
  constexpr double bound = (3.0 + 16.0 * eps) * eps;
  const double fa = ax - cx, fb = by - cy, fc = ay - cy, fd = bx - cx;
  const double left = fa * fb;
  const double right = fc * fd;
  // The error bound holds only for products that did not underflow: one rounded to a
  // subnormal, or to 0 from two non-zero factors, proves nothing (found by tests/fuzz wkb).
  constexpr double kSmallestExact = 0x1p-969;  // 2^53 times the smallest normal double
  if ((left == 0 && fa != 0 && fb != 0) || (left != 0 && std::fabs(left) < kSmallestExact) ||
      (right == 0 && fc != 0 && fd != 0) || (right != 0 && std::fabs(right) < kSmallestExact)) {
    return kUncertainOrientation;
  }
  const double det = left - right;
  double sum;
  if (left > 0) {
    if (right <= 0) return det > 0 ? 1 : (det < 0 ? -1 : 0);
    sum = left + right;
  } else if (left < 0) {
    if (right >= 0) return det > 0 ? 1 : (det < 0 ? -1 : 0);
    sum = -left - right;
  } else {
    return det > 0 ? 1 : (det < 0 ? -1 : 0);  // a factor is exactly 0: the sign is exact
  }
  const double err = bound * sum;
  if (det >= err && det > 0) return 1;
  if (-det >= err && det < 0) return -1;
  return kUncertainOrientation;
}

}  // namespace redline::detail
