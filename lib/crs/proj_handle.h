#pragma once
// Private: PROJ objects held in unique_ptr, and the PROJ contexts they are made in.
//
// A PJ keeps a pointer to the context it was made in and uses it until proj_destroy(), so a PJ
// must never outlive its context. Long-lived PJs (a CoordinateTransform's) live in a context of
// their own, destroyed after them; the per-thread context serves only objects made and
// destroyed within one call.
#include <proj.h>

#include <memory>
#include <string>

namespace redline::detail {

struct ProjContextDeleter {
  void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;

/// Creates a PROJ context set up as redline needs; every context redline uses comes from here.
/// Throws InternalError when PROJ cannot create one.
ProjContextPtr make_proj_context();

/// Returns this thread's PROJ context (PROJ contexts must not be shared between threads), for
/// PROJ objects that do not outlive the call that made them.
PJ_CONTEXT* proj_context();

/// Makes PROJ keep the messages it logs on `ctx` (for proj_error_message) instead of printing
/// them on stderr. Call it on every context redline creates, right after proj_context_create.
void keep_proj_messages(PJ_CONTEXT* ctx);

struct PjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Returns PROJ's last error, on one line: "PROJ: " and what PROJ logged last on this thread (it
/// says more than the error code's text), else the text of `ctx`'s error code (DEFAULT: this
/// thread's context).
std::string proj_error_message(PJ_CONTEXT* ctx = nullptr);

/// Forgets the message PROJ logged last on this thread, so that proj_error_message() after the
/// next call is about that call only.
void forget_proj_message();

}  // namespace redline::detail
