/* How much of the sample county's nature reserves lies inside its ecological red line, from C
 * through redline's stable C API (redline/redline_c.h): the figures `redline coverage` prints.
 *
 *   cmake -S samples/c -B build-c -DCMAKE_PREFIX_PATH=<redline install prefix>
 *   cmake --build build-c && build-c/coverage samples/huichang/huichang.gpkg
 *
 * Usage: coverage GPKG [TARGET_LAYER [COVER_LAYER [GROUP_FIELD]]]
 *        (default: reserves inside redline, by BHDMC, the reserve's name)
 * Exit code 0, or 2 with the error on stderr as "coverage: error: MESSAGE". */
#include <stdio.h>

#include "redline/redline_c.h"

/* Reads layer `name` of `path`, or returns NULL with the context's error. */
static redline_layer_t* read_layer(redline_context_t* ctx, const char* path, const char* name) {
  redline_options_t* options = redline_options_create();
  redline_layer_t* layer = NULL;
  if (options && redline_options_set(ctx, options, "layer", name) == REDLINE_OK) {
    layer = redline_layer_read(ctx, path, options);
  }
  redline_options_destroy(options);
  return layer;
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : "samples/huichang/huichang.gpkg";
  const char* target_name = argc > 2 ? argv[2] : "reserves";
  const char* cover_name = argc > 3 ? argv[3] : "redline";
  const char* group_field = argc > 4 ? argv[4] : "BHDMC"; /* the reserve's name */
  redline_context_t* ctx;
  redline_layer_t* target = NULL;
  redline_layer_t* cover = NULL;
  redline_result_t* result = NULL;
  int code = 2;

  if (redline_c_api_version() != REDLINE_C_API_VERSION) {
    fprintf(stderr, "coverage: error: libredline speaks C API %d, this program %d\n", redline_c_api_version(),
            REDLINE_C_API_VERSION);
    return 2;
  }
  ctx = redline_context_create();
  if (!ctx) return 2;
  target = read_layer(ctx, path, target_name);
  if (target) cover = read_layer(ctx, path, cover_name);
  if (cover) {
    /* the options named as the CLI's: `redline coverage ... --by BHDMC`; the rest by default
     * (ha, ellipsoidal on the layer's ellipsoid) */
    redline_options_t* options = redline_options_create();
    if (options && redline_options_set(ctx, options, "by", group_field) == REDLINE_OK) {
      result = redline_coverage(ctx, target, cover, options);
    }
    redline_options_destroy(options);
  }
  if (result) {
    fputs(redline_result_text(result), stdout); /* the table `redline coverage` prints */
    code = 0;
  } else {
    fprintf(stderr, "coverage: error: %s\n", redline_last_error_message(ctx));
  }
  redline_result_destroy(result);
  redline_layer_destroy(cover);
  redline_layer_destroy(target);
  redline_context_destroy(ctx);
  return code;
}
