// The PROJ contexts every PROJ object of redline is made in, and PROJ's messages kept for ours.
#include "crs/proj_handle.h"

#include <string>

#include "redline/error.h"

namespace redline {
namespace detail {

namespace {

// PROJ logs on the thread that uses a context, so the last message is kept per thread: it is
// read right after the call that failed. Folded to one line, as redline's errors are.
thread_local std::string t_last_proj_message;

void keep_proj_message(void*, int level, const char* message) {
  if (level > PJ_LOG_ERROR || !message) return;  // debug and trace: never for users
  std::string text;
  for (const char* p = message; *p; ++p) text += (*p == '\n' || *p == '\r') ? ' ' : *p;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  t_last_proj_message = std::move(text);
}

}  // namespace

void keep_proj_messages(PJ_CONTEXT* ctx) {
  proj_log_func(ctx, nullptr, keep_proj_message);
  // The default context (nullptr) too, for any call made without one.
  static const bool default_context_quiet = (proj_log_func(nullptr, nullptr, keep_proj_message), true);
  (void)default_context_quiet;
}

ProjContextPtr make_proj_context() {
  ProjContextPtr ctx(proj_context_create());
  if (!ctx) throw InternalError("PROJ cannot create a context");
  keep_proj_messages(ctx.get());
  return ctx;
}

PJ_CONTEXT* proj_context() {
  thread_local ProjContextPtr context = make_proj_context();
  return context.get();
}

std::string proj_error_message(PJ_CONTEXT* ctx) {
  std::string logged;
  logged.swap(t_last_proj_message);
  if (!logged.empty()) return "PROJ: " + logged;
  if (!ctx) ctx = proj_context();
  int code = proj_context_errno(ctx);
  const char* text = code ? proj_context_errno_string(ctx, code) : nullptr;
  return std::string("PROJ: ") + (text ? text : "unknown error");
}

void forget_proj_message() { t_last_proj_message.clear(); }

}  // namespace detail

}  // namespace redline
