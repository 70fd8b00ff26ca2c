#pragma once
// Private: the per-thread GEOS context and the error boundary around GEOS C calls.
#include <geos_c.h>

#include <string>

#include "redline/error.h"

namespace redline::detail {

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

/// RAII for GEOS prepared geometries.
struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* p) const;
};

/// RAII for GEOS WKT/WKB buffers.
struct GeosFree {
  void operator()(void* p) const;
};

}  // namespace redline::detail
