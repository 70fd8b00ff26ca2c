#pragma once
// Private: the C API's one error boundary. Every entry point that can fail runs its body through
// guarded(): no exception leaves, each becomes the context's error and a return value.
#include <new>
#include <string>
#include <utility>

#include "capi/handles.h"
#include "redline/error.h"
#include "redline/progress.h"

namespace redline::capi {

/// Thrown by the ProgressFn of a context whose callback asked to stop; never seen outside the
/// boundary. Not a std::exception: no library code can mistake it for a failure of its own.
struct Cancelled {};

/// Records an error in `ctx`: its kind and its one line (what the CLI prints after
/// "redline: error: ", the hint in neutral words), and the file, layer and feature it names.
/// `prefix` goes before the message. Never throws: out of memory, the texts are left empty.
void set_error(redline_context_t& ctx, redline_error_kind_t kind, const char* message,
               const Location& where = {}, const char* prefix = "") noexcept;

/// Returns the C API's kind of a library error.
redline_error_kind_t kind_of(ErrorKind kind) noexcept;

/// Clears the context's error (a call that succeeds).
void clear_error(redline_context_t& ctx);

/// Throws UsageError when `pointer` is null: "NAME is NULL".
template <typename T>
void require(const T* pointer, const char* name) {
  if (!pointer) throw UsageError(std::string(name) + " is NULL");
}

/// Returns the progress function of `ctx` (empty without a callback): it calls the callback and
/// throws Cancelled when the callback returns nonzero.
ProgressFn progress_of(const redline_context_t& ctx);

/// Runs `body` for a call made with `ctx`: returns its value and clears the error, or records
/// the error (redline::Error by its kind, Cancelled as cancelled, std::bad_alloc and anything
/// else as internal) and returns `failed`. A NULL ctx returns `failed` without running body.
template <typename Result, typename Body>
Result guarded(redline_context_t* ctx, Result failed, Body&& body) noexcept {
  if (!ctx) return failed;
  try {
    Result r = std::forward<Body>(body)();
    clear_error(*ctx);
    return r;
  } catch (const Error& e) {
    set_error(*ctx, kind_of(e.kind()), e.what(), e.where());
  } catch (const Cancelled&) {
    set_error(*ctx, REDLINE_ERROR_CANCELLED, "cancelled");
  } catch (const std::bad_alloc&) {
    set_error(*ctx, REDLINE_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    set_error(*ctx, REDLINE_ERROR_INTERNAL, e.what(), {}, "internal error: ");
  } catch (...) {
    set_error(*ctx, REDLINE_ERROR_INTERNAL, "internal error: an unknown exception");
  }
  return failed;
}

}  // namespace redline::capi
