#include "geom/geos_context.h"

#include <cstdarg>
#include <cstdio>

#include "redline/geom/geometry.h"

namespace redline {
namespace {

thread_local std::string t_last_error;

void on_geos_error(const char* message, void*) { t_last_error = message ? message : ""; }
void on_geos_notice(const char*, void*) {}

// One GEOS context per thread, as GEOS's reentrant API requires.
struct ThreadContext {
  GEOSContextHandle_t handle;
  ThreadContext() : handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle, on_geos_error, nullptr);
    GEOSContext_setNoticeMessageHandler_r(handle, on_geos_notice, nullptr);
  }
  ~ThreadContext() { GEOS_finish_r(handle); }
};

}  // namespace

GEOSContextHandle_HS* geos_handle() {
  thread_local ThreadContext context;
  return context.handle;
}

namespace detail {

std::string take_geos_error() {
  std::string message;
  message.swap(t_last_error);
  return message;
}

void geos_check(bool ok, const char* what, const Location& where, bool input) {
  if (ok) return;
  std::string message = take_geos_error();
  std::string reason = std::string(what) + (message.empty() ? " failed" : ": " + message);
  if (input) throw InputError(reason, where);
  throw InternalError("GEOS " + reason, where);
}

void PreparedDeleter::operator()(const GEOSPreparedGeometry* p) const {
  if (p) GEOSPreparedGeom_destroy_r(geos_handle(), p);
}

void GeosFree::operator()(void* p) const {
  if (p) GEOSFree_r(geos_handle(), p);
}

}  // namespace detail
}  // namespace redline
