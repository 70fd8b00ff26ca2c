#pragma once
// Private: PROJ objects held in unique_ptr, and one PROJ context per thread.
#include <proj.h>

#include <memory>
#include <string>

namespace redline::detail {

/// Returns this thread's PROJ context (PROJ contexts must not be shared between threads).
PJ_CONTEXT* proj_context();

struct PjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Returns PROJ's last error message on this thread's context.
std::string proj_error_message();

}  // namespace redline::detail
