// The C API's version, contexts, their last error and their progress callback.
#include "capi/boundary.h"
#include "redline/redline_c.h"
#include "redline/version.h"

namespace redline::capi {

redline_error_kind_t kind_of(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Usage: return REDLINE_ERROR_USAGE;
    case ErrorKind::Input: return REDLINE_ERROR_INPUT;
    case ErrorKind::Output: return REDLINE_ERROR_OUTPUT;
    case ErrorKind::Internal: break;
  }
  return REDLINE_ERROR_INTERNAL;  // and any kind added later: never downgraded
}

void set_error(redline_context_t& ctx, redline_error_kind_t kind, const char* message, const Location& where,
               const char* prefix) noexcept {
  ctx.error_kind = kind;
  ctx.error_feature = where.feature.value_or(-1);
  try {
    ctx.error_message = one_line(std::string(prefix) + message);
    ctx.error_file = where.file;
    ctx.error_layer = where.layer;
  } catch (...) {  // out of memory: the kind is still right
    ctx.error_message.clear();
    ctx.error_file.clear();
    ctx.error_layer.clear();
  }
}

void clear_error(redline_context_t& ctx) {
  ctx.error_kind = REDLINE_ERROR_NONE;
  ctx.error_message.clear();
  ctx.error_file.clear();
  ctx.error_layer.clear();
  ctx.error_feature = -1;
}

ProgressFn progress_of(const redline_context_t& ctx) {
  if (!ctx.progress) return {};
  const redline_progress_fn fn = ctx.progress;
  void* user = ctx.progress_user;
  return [fn, user](std::string_view stage, std::size_t done, std::size_t total) {
    const std::string name(stage);
    if (fn(name.c_str(), done, total, user) != 0) throw Cancelled{};
  };
}

}  // namespace redline::capi

using redline::capi::guarded;

extern "C" {

const char* redline_version(void) { return REDLINE_VERSION_STRING; }

int redline_c_api_version(void) { return REDLINE_C_API_VERSION; }

redline_context_t* redline_context_create(void) { return new (std::nothrow) redline_context_t(); }

void redline_context_destroy(redline_context_t* ctx) { delete ctx; }

void redline_set_progress(redline_context_t* ctx, redline_progress_fn fn, void* user) {
  if (!ctx) return;
  ctx->progress = fn;
  ctx->progress_user = fn ? user : nullptr;
}

redline_error_kind_t redline_last_error_kind(const redline_context_t* ctx) {
  return ctx ? ctx->error_kind : REDLINE_ERROR_USAGE;
}

const char* redline_last_error_message(const redline_context_t* ctx) {
  if (!ctx) return "the context is NULL";
  if (ctx->error_kind != REDLINE_ERROR_NONE && ctx->error_message.empty()) return "out of memory";
  return ctx->error_message.c_str();
}

const char* redline_last_error_file(const redline_context_t* ctx) { return ctx ? ctx->error_file.c_str() : ""; }

const char* redline_last_error_layer(const redline_context_t* ctx) { return ctx ? ctx->error_layer.c_str() : ""; }

int64_t redline_last_error_feature(const redline_context_t* ctx) { return ctx ? ctx->error_feature : -1; }

}  // extern "C"
