#pragma once
// Private to lib/geom: the per-thread GEOS context, the bridge between redline geometries and
// GEOS objects, and the error boundary around GEOS C calls. Nothing outside lib/geom includes
// this header (scripts/check-architecture enforces it).
#include <geos_c.h>

#include <string>

#include "redline/error.h"
#include "redline/geom/geometry.h"

namespace redline {

/// Returns this thread's GEOS context, created on first use and destroyed with the thread.
/// Every redline call into GEOS uses it, so a program may run redline on many threads.
GEOSContextHandle_t geos_handle();

namespace detail {

/// The only door between Geometry/GeometryView and GEOS objects.
struct GeometryAccess {
  static const GEOSGeometry* geos(GeometryView view) noexcept {
    return reinterpret_cast<const GEOSGeometry*>(view.handle_);
  }
  static Geometry adopt(GEOSGeometry* owned) noexcept {
    return Geometry(reinterpret_cast<GeometryHandle*>(owned));
  }
  static GeometryView view(const GEOSGeometry* borrowed) noexcept {
    return GeometryView(reinterpret_cast<GeometryHandle*>(const_cast<GEOSGeometry*>(borrowed)));
  }
  static GEOSGeometry* release(Geometry& g) noexcept {
    auto* out = reinterpret_cast<GEOSGeometry*>(g.handle_);
    g.handle_ = nullptr;
    return out;
  }
};

/// The GEOS object behind `view` (null when the view is null). Borrowed.
inline const GEOSGeometry* geos_of(GeometryView view) noexcept { return GeometryAccess::geos(view); }
/// A Geometry owning `owned` (may be null).
inline Geometry adopt(GEOSGeometry* owned) noexcept { return GeometryAccess::adopt(owned); }

/// Returns the last error GEOS reported on this thread ("" if none) and clears it.
std::string take_geos_error();

/// Throws InternalError (or InputError when `input` is true) naming `what` and the GEOS
/// message, when `ok` is false.
void geos_check(bool ok, const char* what, const Location& where = {}, bool input = false);

/// Wraps a GEOS result pointer: throws when it is null.
template <typename T>
T* geos_checked(T* result, const char* what, const Location& where = {}) {
  geos_check(result != nullptr, what, where);
  return result;
}

/// A Geometry owning GEOS's result; throws naming `what` when GEOS returned null.
inline Geometry adopt_checked(GEOSGeometry* result, const char* what) {
  return adopt(geos_checked(result, what));
}

/// RAII for GEOS prepared geometries.
struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* p) const;
};

/// RAII for GEOS WKT/WKB buffers.
struct GeosFree {
  void operator()(void* p) const;
};

}  // namespace detail
}  // namespace redline
