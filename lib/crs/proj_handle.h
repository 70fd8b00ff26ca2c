#pragma once
// Private: PROJ objects held in unique_ptr, and one PROJ context per thread.
#include <proj.h>

#include <memory>
#include <string>

namespace redline::detail {

/// Returns this thread's PROJ context (PROJ contexts must not be shared between threads).
PJ_CONTEXT* proj_context();

/// Makes PROJ keep the messages it logs on `ctx` (for proj_error_message) instead of printing
/// them on stderr. Call it on every context redline creates, right after proj_context_create.
void keep_proj_messages(PJ_CONTEXT* ctx);

struct PjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Returns PROJ's last error on this thread, on one line: "PROJ: " and what PROJ logged last on
/// this thread (it says more than the error code's text), else the error code's text.
std::string proj_error_message();

}  // namespace redline::detail
