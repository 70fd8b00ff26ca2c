/* redline's stable C API (issue 12): the library behind a C ABI that does not change with every
 * build, for applications in other languages (C, Python through ctypes/pybind11, plugins, web
 * services). Modelled on GEOS's geos_c.h: opaque handles, reentrant calls that take a context,
 * one context per thread.
 *
 * ABI PROMISE. Within major version 0 of the C API (REDLINE_C_API_VERSION 1):
 *   - no function, type or constant declared here is removed or changes its signature or meaning;
 *     new ones may be added, and new option keys and new JSON keys may appear;
 *   - every type is opaque or a plain enum/function pointer: no struct layout is part of the ABI;
 *   - the library soname (libredline.so.0) changes when this promise is broken.
 * The C++ API (the other headers) carries no such promise.
 *
 * CONTEXTS AND THREADS. Every call that can fail takes a redline_context_t and records its error
 * there (redline_last_error_*). A context is used by one thread at a time; use one context per
 * thread. Layers are immutable once read: one layer may be used by several contexts on several
 * threads at once. Results belong to the context that made them only for their error reporting;
 * they may be read from any thread that owns a context.
 *
 * ERRORS. A call that fails returns NULL (handle makers) or a nonzero redline_status_t, and the
 * context then holds the error: its kind, the one-line message the CLI prints after
 * "redline: error: ", and the file, layer and feature it names. A call that succeeds clears the
 * context's error. No call lets a C++ exception escape.
 *
 * STRINGS. Every string taken is UTF-8 and NUL-terminated, and is copied by the call. Every
 * string returned is owned by the handle it came from and stays valid until that handle is
 * destroyed (or, for the context's error strings, until its next call).
 *
 * OPTIONS. The settings of a job are string key/value pairs named as the redline CLI names its
 * long options, without the leading "--" ("unit" = "ha", "by" = "HXLX", "within-layer" =
 * "redline", "threads" = "2"), so the CLI's --help documents them. Unknown keys, and keys that do
 * not apply to the job they are passed to, are refused (REDLINE_ERROR_USAGE) rather than ignored.
 */
#ifndef REDLINE_REDLINE_C_H
#define REDLINE_REDLINE_C_H

#include <stddef.h>
#include <stdint.h>

#include "redline/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The version of this C API's contract (see ABI PROMISE); a build whose header and library
 *  disagree is detected with redline_c_api_version(). */
#define REDLINE_C_API_VERSION 1

/** A reentrant context: settings (progress) and the last error. */
typedef struct redline_context_t redline_context_t;
/** A layer read into memory (polygons or lines), immutable. */
typedef struct redline_layer_t redline_layer_t;
/** A set of job settings: key/value strings named as the CLI's long options. */
typedef struct redline_options_t redline_options_t;
/** The result of one job: its JSON text (the CLI's --format json), its other renderings and
 *  its status. */
typedef struct redline_result_t redline_result_t;

/** What a call returned; the same numbers as the CLI's exit codes where they overlap. */
typedef enum redline_status_t {
  REDLINE_OK = 0,            /**< done (for a check: every check passed) */
  REDLINE_CHECK_FAILED = 1,  /**< a rules check ran and failed: a result, not an error */
  REDLINE_ERROR = 2          /**< the call failed: see redline_last_error_kind() */
} redline_status_t;

/** What kind of error the context holds. Exit codes of the CLI: usage and input 2, output 3,
 *  internal 4; a cancelled run is not a CLI case. */
typedef enum redline_error_kind_t {
  REDLINE_ERROR_NONE = 0,      /**< the last call succeeded */
  REDLINE_ERROR_USAGE = 1,     /**< options or arguments that make no sense */
  REDLINE_ERROR_INPUT = 2,     /**< unreadable, malformed or unsuitable input data */
  REDLINE_ERROR_OUTPUT = 3,    /**< an output could not be written */
  REDLINE_ERROR_INTERNAL = 4,  /**< a dependency failed where it should not have, or out of memory */
  REDLINE_ERROR_CANCELLED = 5  /**< the progress callback asked to stop */
} redline_error_kind_t;

/** Called during long jobs from the thread that made the call: the stage ("reading",
 *  "measuring", ...), the items done and the total (0 when unknown), and the user pointer given
 *  to redline_set_progress. Return 0 to go on, nonzero to cancel: the job then stops at its next
 *  progress point and fails with REDLINE_ERROR_CANCELLED, writing no output. Progress points are
 *  the end of each stage and, in the parallel stages, every 256 items of the calling thread
 *  (every 4096 features while reading); worker threads finish the item they hold and are joined
 *  before the call returns. The callback must not throw (from C++) nor call back into redline
 *  with the same context. */
typedef int (*redline_progress_fn)(const char* stage, size_t done, size_t total, void* user);

/* ---- version ---------------------------------------------------------------------------- */

/** Returns the library's version, "MAJOR.MINOR.PATCH" (static storage). */
REDLINE_EXPORT const char* redline_version(void);

/** Returns the C API contract version the library was built with (REDLINE_C_API_VERSION). */
REDLINE_EXPORT int redline_c_api_version(void);

/* ---- context ---------------------------------------------------------------------------- */

/** Returns a new context, or NULL when out of memory. Destroy it with redline_context_destroy. */
REDLINE_EXPORT redline_context_t* redline_context_create(void);

/** Destroys a context (NULL is ignored). Layers, options and results made with it stay valid. */
REDLINE_EXPORT void redline_context_destroy(redline_context_t* ctx);

/** Sets (or with fn NULL removes) the progress callback of the calls made with `ctx`. */
REDLINE_EXPORT void redline_set_progress(redline_context_t* ctx, redline_progress_fn fn, void* user);

/** Returns the kind of the error of the last call made with `ctx` (REDLINE_ERROR_NONE if it
 *  succeeded). */
REDLINE_EXPORT redline_error_kind_t redline_last_error_kind(const redline_context_t* ctx);

/** Returns the last error as one line: "FILE: layer L: feature N: REASON; ADVICE" ("" when none). */
REDLINE_EXPORT const char* redline_last_error_message(const redline_context_t* ctx);

/** Returns the file the last error names ("" when none or unknown). */
REDLINE_EXPORT const char* redline_last_error_file(const redline_context_t* ctx);

/** Returns the layer the last error names ("" when none or unknown). */
REDLINE_EXPORT const char* redline_last_error_layer(const redline_context_t* ctx);

/** Returns the feature id (FID) the last error names, or -1 when none or unknown. */
REDLINE_EXPORT int64_t redline_last_error_feature(const redline_context_t* ctx);

/* ---- options ---------------------------------------------------------------------------- */

/** Returns an empty set of options, or NULL when out of memory. */
REDLINE_EXPORT redline_options_t* redline_options_create(void);

/** Destroys a set of options (NULL is ignored). */
REDLINE_EXPORT void redline_options_destroy(redline_options_t* options);

/** Sets `key` to `value`, replacing an earlier value; keys that the CLI lets repeat ("where",
 *  "with", "with-layer") add one more value each time. Flags take "true" or "false" ("features"
 *  of area and length, "trust-crs"). The value is checked when a job uses it. Returns REDLINE_OK,
 *  or REDLINE_ERROR (usage) for a NULL or empty key. */
REDLINE_EXPORT redline_status_t redline_options_set(redline_context_t* ctx, redline_options_t* options,
                                                    const char* key, const char* value);

/* ---- layers ----------------------------------------------------------------------------- */

/** Reads the layer at `path` (shapefile, GeoPackage, FileGDB, any OGR source), read-only, with
 *  the reading keys of `options` (may be NULL): "layer", "assume-crs", "trust-crs", "encoding",
 *  "invalid", "repair-tolerance", "threads". Polygons or lines, whichever the layer holds.
 *  Returns the layer, or NULL with the context's error set. */
REDLINE_EXPORT redline_layer_t* redline_layer_read(redline_context_t* ctx, const char* path,
                                                   const redline_options_t* options);

/** Destroys a layer (NULL is ignored). */
REDLINE_EXPORT void redline_layer_destroy(redline_layer_t* layer);

/** Returns the layer's name inside its source. */
REDLINE_EXPORT const char* redline_layer_name(const redline_layer_t* layer);

/** Returns the path the layer was read from, as given. */
REDLINE_EXPORT const char* redline_layer_path(const redline_layer_t* layer);

/** Returns the number of features read. */
REDLINE_EXPORT size_t redline_layer_feature_count(const redline_layer_t* layer);

/** Returns the layer's CRS as "EPSG:CODE" when it has one, else its name. */
REDLINE_EXPORT const char* redline_layer_crs(const redline_layer_t* layer);

/** Returns "polygons" or "lines". */
REDLINE_EXPORT const char* redline_layer_geometry(const redline_layer_t* layer);

/* ---- jobs ------------------------------------------------------------------------------- *
 * Each returns a result, or NULL with the context's error set. `options` may be NULL (every
 * default). The job keys are those of the CLI subcommand of the same name, except the inputs'
 * paths and reading keys (the layers are passed read). Keys common to all: "unit", "method",
 * "threads", "format" (the rendering of redline_result_text: "table" by default, "json", "csv",
 * "md"; "xlsx", a binary workbook, is refused), "bom". Every value is checked before any work.
 * Output files ("out", "map", "report") are written as the CLI writes them: never over one of
 * the job's inputs, to a temporary name renamed last; a cancelled or failed job leaves none. */

/** Areas of a polygon layer (`redline area`): "by", "id-field", "features". A line layer is
 *  refused (REDLINE_ERROR_INPUT). */
REDLINE_EXPORT redline_result_t* redline_area(redline_context_t* ctx, const redline_layer_t* layer,
                                              const redline_options_t* options);

/** Lengths of a line layer (`redline length`): "by", "id-field", "features"; "unit" m or km
 *  (default km), "method" ellipsoidal or planar. A polygon layer is refused (REDLINE_ERROR_INPUT). */
REDLINE_EXPORT redline_result_t* redline_length(redline_context_t* ctx, const redline_layer_t* layer,
                                                const redline_options_t* options);

/** How much of each target feature lies inside `cover` (`redline coverage`): "by", "id-field",
 *  "features", "sliver-width", "crs", "grid", "out" (a GeoPackage for the inside/outside layers),
 *  "map" (PNG/SVG/PDF). A line target is measured by length. */
REDLINE_EXPORT redline_result_t* redline_coverage(redline_context_t* ctx, const redline_layer_t* target,
                                                  const redline_layer_t* cover, const redline_options_t* options);

/** The area of each class of `layer` inside each zone of `zones` (`redline tabulate ZONES LAYER`):
 *  "class-field" (required: the attribute of `layer` naming the classes, e.g. DLBM),
 *  "zone-field" (the attribute of `zones` naming the zones; without it the whole layer is one
 *  zone), "crs", "grid", "map". */
REDLINE_EXPORT redline_result_t* redline_tabulate(redline_context_t* ctx, const redline_layer_t* layer,
                                                  const redline_layer_t* zones, const redline_options_t* options);

/** What changed from `before` to `after` (`redline drift`): the keys of that command ("key",
 *  "class-field", "noise-width", ..., "out", "map"). */
REDLINE_EXPORT redline_result_t* redline_drift(redline_context_t* ctx, const redline_layer_t* before,
                                               const redline_layer_t* after, const redline_options_t* options);

/** Runs the checks of the rules file at `rules_path` (`redline check RULES`): "deliveries",
 *  "delivery", "title", "unit", "method", "threads", "out", "report" (HTML, with the failed
 *  checks' maps), and the reading keys "assume-crs", "trust-crs", "encoding", "invalid",
 *  "repair-tolerance" for every layer. The layers are read as the rules say. A check that fails
 *  is a result: redline_result_status gives REDLINE_CHECK_FAILED. */
REDLINE_EXPORT redline_result_t* redline_check(redline_context_t* ctx, const char* rules_path,
                                               const redline_options_t* options);

/* ---- results ---------------------------------------------------------------------------- */

/** Returns the result as the JSON text `redline SUBCOMMAND ... --format json` prints for the same
 *  job (same keys, same figures). */
REDLINE_EXPORT const char* redline_result_json(const redline_result_t* result);

/** Returns the result rendered in the "format" its job was given ("table" by default): the text
 *  the CLI prints. */
REDLINE_EXPORT const char* redline_result_text(const redline_result_t* result);

/** Returns REDLINE_OK, or REDLINE_CHECK_FAILED for a rules check that failed. */
REDLINE_EXPORT redline_status_t redline_result_status(const redline_result_t* result);

/** Destroys a result (NULL is ignored). */
REDLINE_EXPORT void redline_result_destroy(redline_result_t* result);

#ifdef __cplusplus
}
#endif

#endif /* REDLINE_REDLINE_C_H */
