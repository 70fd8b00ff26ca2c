/* The stable C API (redline/redline_c.h) from a C11 program: every job on the sample county gives
 * byte for byte the JSON of the CLI's `--format json` for the same job (the oracle: the built
 * CLI, run here), and every failure is a context error of the right kind, never a crash.
 *
 *   capi_test REDLINE_CLI SOURCE_DIR WORK_DIR
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/redline_c.h"

static const char* g_cli;
static char g_gpkg[1024], g_rules[1024], g_work[1024];
static int g_failures;

#define EXPECT(cond)                                                            \
  do {                                                                          \
    if (!(cond)) {                                                              \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);       \
      ++g_failures;                                                             \
    }                                                                           \
  } while (0)

/* Returns the stdout of `redline ARGS` (malloc'ed), its exit code in *code. */
static char* run_cli(const char* args, int* code) {
  char command[16384];
  FILE* pipe;
  size_t size = 0, capacity = 1 << 16, got;
  char* out = malloc(capacity);
  snprintf(command, sizeof command, "'%s' %s 2>/dev/null", g_cli, args);
  pipe = popen(command, "r");
  if (!pipe || !out) {
    fprintf(stderr, "cannot run %s\n", command);
    exit(2);
  }
  while ((got = fread(out + size, 1, capacity - size - 1, pipe)) > 0) {
    size += got;
    if (capacity - size < 2) {
      capacity *= 2;
      out = realloc(out, capacity);
      if (!out) exit(2);
    }
  }
  out[size] = '\0';
  *code = pclose(pipe);
  *code = (*code >> 8) & 0xff;
  return out;
}

/* Checks that `result` holds the JSON the CLI prints for `args` (with --format json). */
static void expect_cli_json(const redline_result_t* result, const char* args, int cli_code, const char* what) {
  char full[4224];
  int code = -1;
  char* expected;
  snprintf(full, sizeof full, "%s --format json", args);
  expected = run_cli(full, &code);
  if (!result) {
    fprintf(stderr, "%s: no result\n", what);
    ++g_failures;
  } else if (strcmp(redline_result_json(result), expected) != 0) {
    fprintf(stderr, "%s: JSON differs from `redline %s`:\n--- C API\n%s\n--- CLI\n%s\n", what, full,
            redline_result_json(result), expected);
    ++g_failures;
  }
  if (code != cli_code) {
    fprintf(stderr, "%s: `redline %s` exited %d, not %d\n", what, full, code, cli_code);
    ++g_failures;
  }
  free(expected);
}

static redline_layer_t* read_sample(redline_context_t* ctx, const char* layer_name) {
  redline_options_t* o = redline_options_create();
  redline_layer_t* layer;
  EXPECT(redline_options_set(ctx, o, "layer", layer_name) == REDLINE_OK);
  layer = redline_layer_read(ctx, g_gpkg, o);
  if (!layer) fprintf(stderr, "reading %s: %s\n", layer_name, redline_last_error_message(ctx));
  redline_options_destroy(o);
  return layer;
}

static int file_exists(const char* path) { return access(path, F_OK) == 0; }

/* ---- the jobs, each against the CLI ------------------------------------------------------ */

static void test_jobs(redline_context_t* ctx) {
  char args[4096];
  redline_layer_t* redline = read_sample(ctx, "redline");
  redline_layer_t* reserves = read_sample(ctx, "reserves");
  redline_layer_t* parcels = read_sample(ctx, "parcels");
  redline_layer_t* shoreline = read_sample(ctx, "shoreline_line");
  redline_layer_t* redline_2024 = read_sample(ctx, "redline_2024");
  redline_options_t* o;
  redline_result_t* r;
  if (!redline || !reserves || !parcels || !shoreline || !redline_2024) {
    ++g_failures;
    return;
  }
  EXPECT(strcmp(redline_layer_name(redline), "redline") == 0);
  EXPECT(strcmp(redline_layer_path(redline), g_gpkg) == 0);
  EXPECT(strcmp(redline_layer_geometry(redline), "polygons") == 0);
  EXPECT(strcmp(redline_layer_geometry(shoreline), "lines") == 0);
  EXPECT(strcmp(redline_layer_crs(redline), "EPSG:4527") == 0);
  EXPECT(redline_layer_feature_count(redline) == 58);

  /* area, by HXLX in mu */
  o = redline_options_create();
  redline_options_set(ctx, o, "by", "HXLX");
  redline_options_set(ctx, o, "unit", "mu");
  r = redline_area(ctx, redline, o);
  snprintf(args, sizeof args, "area '%s' --layer redline --by HXLX --unit mu", g_gpkg);
  expect_cli_json(r, args, 0, "area");
  EXPECT(redline_result_status(r) == REDLINE_OK);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  EXPECT(strstr(redline_result_text(r), "HXLX") != NULL); /* the table, by default */
  redline_result_destroy(r);
  redline_options_destroy(o);

  /* length, by GNFQ */
  o = redline_options_create();
  redline_options_set(ctx, o, "by", "GNFQ");
  r = redline_length(ctx, shoreline, o);
  snprintf(args, sizeof args, "length '%s' --layer shoreline_line --by GNFQ", g_gpkg);
  expect_cli_json(r, args, 0, "length");
  redline_result_destroy(r);
  redline_options_destroy(o);

  /* coverage of the reserves by the red line, by BHDMC; csv as the text */
  o = redline_options_create();
  redline_options_set(ctx, o, "by", "BHDMC");
  redline_options_set(ctx, o, "format", "csv");
  r = redline_coverage(ctx, reserves, redline, o);
  snprintf(args, sizeof args, "coverage '%s' --layer reserves --by BHDMC --within '%s' --within-layer redline", g_gpkg,
           g_gpkg);
  expect_cli_json(r, args, 0, "coverage");
  {
    int code = -1;
    char csv_args[4224];
    char* csv;
    snprintf(csv_args, sizeof csv_args, "%s --format csv", args);
    csv = run_cli(csv_args, &code);
    EXPECT(r && strcmp(redline_result_text(r), csv) == 0);
    free(csv);
  }
  redline_result_destroy(r);
  redline_options_destroy(o);

  /* a line target measured by length */
  r = redline_coverage(ctx, shoreline, redline, NULL);
  snprintf(args, sizeof args, "coverage '%s' --layer shoreline_line --within '%s' --within-layer redline", g_gpkg,
           g_gpkg);
  expect_cli_json(r, args, 0, "line coverage");
  redline_result_destroy(r);

  /* tabulate: land use (DLBM) inside the red line */
  o = redline_options_create();
  redline_options_set(ctx, o, "class-field", "DLBM");
  r = redline_tabulate(ctx, parcels, redline, o);
  snprintf(args, sizeof args, "tabulate '%s' '%s' --layer redline --classes-layer parcels --class-field DLBM", g_gpkg,
           g_gpkg);
  expect_cli_json(r, args, 0, "tabulate");
  redline_result_destroy(r);
  redline_options_destroy(o);

  /* drift 2023 -> 2024 */
  o = redline_options_create();
  redline_options_set(ctx, o, "key", "BSM");
  redline_options_set(ctx, o, "class-field", "HXLX");
  r = redline_drift(ctx, redline, redline_2024, o);
  snprintf(args, sizeof args,
           "drift '%s' '%s' --before-layer redline --after-layer redline_2024 --key BSM --class-field HXLX", g_gpkg,
           g_gpkg);
  expect_cli_json(r, args, 0, "drift");
  redline_result_destroy(r);
  redline_options_destroy(o);

  /* the rules check: some indicators fail on purpose - a result, not an error */
  r = redline_check(ctx, g_rules, NULL);
  snprintf(args, sizeof args, "check '%s'", g_rules);
  expect_cli_json(r, args, 1, "check");
  EXPECT(r && redline_result_status(r) == REDLINE_CHECK_FAILED);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  redline_result_destroy(r);

  redline_layer_destroy(redline);
  redline_layer_destroy(reserves);
  redline_layer_destroy(parcels);
  redline_layer_destroy(shoreline);
  redline_layer_destroy(redline_2024);
}

/* ---- failures ----------------------------------------------------------------------------- */

static int cancel_at_once(const char* stage, size_t done, size_t total, void* user) {
  (void)stage;
  (void)done;
  (void)total;
  ++*(int*)user;
  return 1;
}

static void test_errors(redline_context_t* ctx) {
  char missing[1100], out[1100];
  redline_options_t* o = redline_options_create();
  redline_layer_t* redline = read_sample(ctx, "redline");
  redline_layer_t* reserves = read_sample(ctx, "reserves");
  redline_result_t* r;
  int calls = 0;

  /* a missing file: an input error naming it */
  snprintf(missing, sizeof missing, "%s/no_such_layer.shp", g_work);
  EXPECT(redline_layer_read(ctx, missing, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
  EXPECT(strstr(redline_last_error_message(ctx), missing) == redline_last_error_message(ctx));
  EXPECT(strcmp(redline_last_error_file(ctx), missing) == 0);
  EXPECT(strchr(redline_last_error_message(ctx), '\n') == NULL);

  /* a success clears it */
  r = redline_area(ctx, redline, NULL);
  EXPECT(r != NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  EXPECT(strcmp(redline_last_error_message(ctx), "") == 0);
  EXPECT(strcmp(redline_last_error_file(ctx), "") == 0);
  EXPECT(redline_last_error_feature(ctx) == -1);
  redline_result_destroy(r);

  /* an unknown key, a key of another job, a bad unit, a bad number: usage errors */
  redline_options_set(ctx, o, "colour", "red");
  EXPECT(redline_area(ctx, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(strstr(redline_last_error_message(ctx), "unknown option 'colour'") != NULL);
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "sliver-width", "1");
  EXPECT(redline_area(ctx, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(strstr(redline_last_error_message(ctx), "does not apply to area") != NULL);
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "unit", "acres");
  EXPECT(redline_area(ctx, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(strstr(redline_last_error_message(ctx), "acres") != NULL);
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "threads", "-2");
  EXPECT(redline_area(ctx, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "format", "xlsx");
  EXPECT(redline_area(ctx, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  redline_options_destroy(o);

  /* NULL arguments: usage errors, never a crash */
  EXPECT(redline_layer_read(ctx, NULL, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(redline_area(ctx, NULL, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(redline_coverage(ctx, reserves, NULL, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(redline_check(ctx, NULL, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(redline_options_set(ctx, NULL, "unit", "ha") == REDLINE_ERROR);
  EXPECT(redline_options_set(ctx, o, NULL, "ha") == REDLINE_ERROR);
  EXPECT(redline_options_set(ctx, o, "", "ha") == REDLINE_ERROR);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(redline_area(NULL, redline, NULL) == NULL);
  EXPECT(redline_layer_read(NULL, g_gpkg, NULL) == NULL);
  EXPECT(redline_options_set(NULL, o, "unit", "ha") == REDLINE_ERROR);
  EXPECT(redline_last_error_kind(NULL) == REDLINE_ERROR_USAGE);
  EXPECT(redline_result_json(NULL) != NULL && redline_layer_name(NULL) != NULL);
  redline_result_destroy(NULL);
  redline_layer_destroy(NULL);
  redline_options_destroy(NULL);
  redline_context_destroy(NULL);

  /* cancel from the callback: cancelled, and no output left behind */
  snprintf(out, sizeof out, "%s/cancelled.gpkg", g_work);
  remove(out);
  o = redline_options_create();
  redline_options_set(ctx, o, "out", out);
  redline_options_set(ctx, o, "threads", "2");
  redline_set_progress(ctx, cancel_at_once, &calls);
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_CANCELLED);
  EXPECT(calls == 1);
  EXPECT(!file_exists(out));
  EXPECT(redline_layer_read(ctx, g_gpkg, NULL) == NULL); /* several layers: cancelled or usage */
  redline_set_progress(ctx, NULL, NULL);
  /* without the callback the same job writes it */
  r = redline_coverage(ctx, reserves, redline, o);
  EXPECT(r != NULL);
  EXPECT(file_exists(out));
  redline_result_destroy(r);
  /* an output that is an input: refused, the input untouched */
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "out", g_gpkg);
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_OUTPUT || redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  /* out on a line target: refused as the CLI refuses --out */
  redline_options_destroy(o);

  redline_layer_destroy(redline);
  redline_layer_destroy(reserves);
}

/* ---- threads: one context each, the same layer ------------------------------------------- */

struct ThreadJob {
  const redline_layer_t* target;
  const redline_layer_t* cover;
  char* json;
};

static void* coverage_thread(void* arg) {
  struct ThreadJob* job = arg;
  redline_context_t* ctx = redline_context_create();
  redline_result_t* r = redline_coverage(ctx, job->target, job->cover, NULL);
  if (r) {
    job->json = malloc(strlen(redline_result_json(r)) + 1);
    if (job->json) strcpy(job->json, redline_result_json(r));
  }
  redline_result_destroy(r);
  redline_context_destroy(ctx);
  return NULL;
}

static void test_threads(redline_context_t* ctx) {
  redline_layer_t* redline = read_sample(ctx, "redline");
  redline_layer_t* reserves = read_sample(ctx, "reserves");
  struct ThreadJob jobs[2] = {{reserves, redline, NULL}, {reserves, redline, NULL}};
  pthread_t threads[2];
  int i;
  for (i = 0; i < 2; ++i) EXPECT(pthread_create(&threads[i], NULL, coverage_thread, &jobs[i]) == 0);
  for (i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
  EXPECT(jobs[0].json && jobs[1].json && strcmp(jobs[0].json, jobs[1].json) == 0);
  free(jobs[0].json);
  free(jobs[1].json);
  redline_layer_destroy(redline);
  redline_layer_destroy(reserves);
}

int main(int argc, char** argv) {
  redline_context_t* ctx;
  if (argc != 4) {
    fprintf(stderr, "usage: capi_test REDLINE_CLI SOURCE_DIR WORK_DIR\n");
    return 2;
  }
  g_cli = argv[1];
  snprintf(g_gpkg, sizeof g_gpkg, "%s/samples/huichang/huichang.gpkg", argv[2]);
  snprintf(g_rules, sizeof g_rules, "%s/samples/huichang/indicators.toml", argv[2]);
  snprintf(g_work, sizeof g_work, "%s", argv[3]);

  EXPECT(redline_c_api_version() == REDLINE_C_API_VERSION);
  EXPECT(strlen(redline_version()) >= 5);
  ctx = redline_context_create();
  EXPECT(ctx != NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  test_jobs(ctx);
  test_errors(ctx);
  test_threads(ctx);
  redline_context_destroy(ctx);
  if (g_failures) fprintf(stderr, "%d failure(s)\n", g_failures);
  return g_failures ? 1 : 0;
}
