/* The stable C API (redline/redline_c.h) from a C11 program: every job on the sample county gives
 * byte for byte the JSON of the CLI's `--format json` for the same job (the oracle: the built
 * CLI, run here), and every failure is a context error of the right kind, never a crash.
 *
 *   capi_test REDLINE_CLI SOURCE_DIR WORK_DIR
 */
#define _XOPEN_SOURCE 700 /* popen, realpath */

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redline/redline_c.h"

static const char* g_cli;
static char g_gpkg[1024], g_rules[1024], g_work[1024], g_source[1024];
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

/* Returns the bytes of `path` (malloc'ed), their count in *size; NULL when unreadable. */
static char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  char* bytes = NULL;
  long n;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    bytes = malloc((size_t)n + 1);
    if (bytes && fread(bytes, 1, (size_t)n, f) != (size_t)n) {
      free(bytes);
      bytes = NULL;
    }
    *size = (size_t)n;
  }
  fclose(f);
  return bytes;
}

/* ---- the jobs, each against the CLI ------------------------------------------------------ */

/* A job of one or two layers, as redline_coverage, redline_tabulate and redline_drift are. */
typedef redline_result_t* (*Job)(redline_context_t*, const redline_layer_t*, const redline_layer_t*,
                                 const redline_options_t*);

static redline_result_t* area_job(redline_context_t* ctx, const redline_layer_t* a, const redline_layer_t* b,
                                  const redline_options_t* o) {
  (void)b;
  return redline_area(ctx, a, o);
}

static redline_result_t* length_job(redline_context_t* ctx, const redline_layer_t* a, const redline_layer_t* b,
                                    const redline_options_t* o) {
  (void)b;
  return redline_length(ctx, a, o);
}

/* Returns options made of NULL-terminated key, value pairs. */
static redline_options_t* options_of(redline_context_t* ctx, const char* const* pairs) {
  redline_options_t* o = redline_options_create();
  for (; pairs && pairs[0]; pairs += 2) EXPECT(redline_options_set(ctx, o, pairs[0], pairs[1]) == REDLINE_OK);
  return o;
}

/* Returns `pattern` with each '@' replaced by the sample GeoPackage's path, quoted. */
static void with_sample(char* out, size_t size, const char* pattern) {
  size_t n = 0;
  for (; *pattern && n + 1 < size; ++pattern) {
    if (*pattern == '@') n += (size_t)snprintf(out + n, size - n, "'%s'", g_gpkg);
    else out[n++] = *pattern;
    if (n >= size) n = size - 1;
  }
  out[n] = '\0';
}

/* One job on the sample, and the CLI command that is its oracle ('@': the sample GeoPackage). */
struct JobCase {
  const char* what;
  Job job;
  const char* first_layer;
  const char* second_layer; /* NULL for one-layer jobs */
  const char* pairs[8];     /* key, value, ..., NULL */
  const char* cli;
};

static const struct JobCase kJobCases[] = {
    {"area", area_job, "redline", NULL, {"by", "HXLX", "unit", "mu", "format", "table", NULL},
     "area @ --layer redline --by HXLX --unit mu"},
    {"area of every feature", area_job, "parcels", NULL,
     {"features", "true", "method", "survey", "id-field", "BSM", NULL},
     "area @ --layer parcels --features --method survey --id-field BSM"},
    {"length", length_job, "shoreline_line", NULL, {"by", "GNFQ", "unit", "m", "format", "md", NULL},
     "length @ --layer shoreline_line --by GNFQ --unit m"},
    {"coverage of the reserves by the red line", redline_coverage, "reserves", "redline",
     {"by", "BHDMC", "format", "csv", "bom", "true", NULL},
     "coverage @ --layer reserves --by BHDMC --within @ --within-layer redline --bom"},
    {"coverage of a line target, by length", redline_coverage, "shoreline_line", "redline", {NULL},
     "coverage @ --layer shoreline_line --within @ --within-layer redline"},
    /* The county as the zone: every parcel is near it, so the CLI, which streams the classes
     * and leaves out (and reports) those away from every zone, reads them all, as the C API's
     * layer handle did: the same read report. */
    {"tabulate", redline_tabulate, "parcels", "county",
     {"class-field", "DLBM", "zone-field", "XZQMC", "unit", "km2", NULL},
     "tabulate @ @ --layer county --zone-field XZQMC --classes-layer parcels --class-field DLBM --unit km2"},
    {"drift 2023 -> 2024", redline_drift, "redline", "redline_2024",
     {"key", "BSM", "class-field", "HXLX", "format", "table", NULL},
     "drift @ @ --before-layer redline --after-layer redline_2024 --key BSM --class-field HXLX"},
};

/* Runs a case and checks its JSON against `redline CLI --format json`, and its text against
 * `--format FORMAT` when a format is among its pairs. */
static void expect_job(redline_context_t* ctx, const struct JobCase* c) {
  char args[4096], text_args[4224];
  redline_layer_t* a = read_sample(ctx, c->first_layer);
  redline_layer_t* b = c->second_layer ? read_sample(ctx, c->second_layer) : NULL;
  redline_options_t* o = options_of(ctx, c->pairs);
  redline_result_t* r = c->job(ctx, a, b, o);
  const char* const* p;
  with_sample(args, sizeof args, c->cli);
  expect_cli_json(r, args, 0, c->what);
  EXPECT(!r || redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  EXPECT(!r || redline_result_status(r) == REDLINE_OK);
  for (p = c->pairs; r && p[0]; p += 2) {
    if (strcmp(p[0], "format") == 0) {
      int text_code = -1;
      char* text;
      snprintf(text_args, sizeof text_args, "%s --format %s", args, p[1]);
      text = run_cli(text_args, &text_code);
      if (strcmp(redline_result_text(r), text) != 0) {
        fprintf(stderr, "%s: text differs from `redline %s`\n", c->what, text_args);
        ++g_failures;
      }
      free(text);
    }
  }
  redline_result_destroy(r);
  redline_options_destroy(o);
  redline_layer_destroy(a);
  redline_layer_destroy(b);
}

static void test_jobs(redline_context_t* ctx) {
  char args[4096];
  redline_layer_t* redline = read_sample(ctx, "redline");
  redline_layer_t* shoreline = read_sample(ctx, "shoreline_line");
  redline_result_t* r;
  size_t i;
  if (!redline || !shoreline) {
    ++g_failures;
    return;
  }
  EXPECT(strcmp(redline_layer_name(redline), "redline") == 0);
  EXPECT(strcmp(redline_layer_path(redline), g_gpkg) == 0);
  EXPECT(strcmp(redline_layer_geometry(redline), "polygons") == 0);
  EXPECT(strcmp(redline_layer_geometry(shoreline), "lines") == 0);
  EXPECT(strcmp(redline_layer_crs(redline), "EPSG:4527") == 0);
  EXPECT(redline_layer_feature_count(redline) == 58);
  for (i = 0; i < sizeof kJobCases / sizeof kJobCases[0]; ++i) expect_job(ctx, &kJobCases[i]);

  /* a rules file whose one check passes, with its HTML report written */
  {
    char rules[1100], report[1100];
    FILE* f;
    redline_options_t* o = redline_options_create();
    snprintf(rules, sizeof rules, "%s/passing.toml", g_work);
    snprintf(report, sizeof report, "%s/passing.html", g_work);
    remove(report);
    f = fopen(rules, "w");
    EXPECT(f != NULL);
    if (f) {
      fprintf(f,
              "title = \"one check\"\n[[check]]\nname = \"red line area\"\nkind = \"not-reduced\"\n"
              "layer = \"%s\"\nlayer_name = \"redline\"\nbaseline = \"75587.98ha\"\n",
              g_gpkg);
      fclose(f);
    }
    redline_options_set(ctx, o, "report", report);
    redline_options_set(ctx, o, "unit", "mu");
    r = redline_check(ctx, rules, o);
    snprintf(args, sizeof args, "check '%s' --unit mu", rules);
    expect_cli_json(r, args, 0, "passing check");
    EXPECT(r && redline_result_status(r) == REDLINE_OK);
    EXPECT(file_exists(report));
    redline_result_destroy(r);
    redline_options_destroy(o);
  }

  /* the rules check: some indicators fail on purpose - a result, not an error */
  r = redline_check(ctx, g_rules, NULL);
  snprintf(args, sizeof args, "check '%s'", g_rules);
  expect_cli_json(r, args, 1, "check");
  EXPECT(r && redline_result_status(r) == REDLINE_CHECK_FAILED);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  redline_result_destroy(r);

  redline_layer_destroy(redline);
  redline_layer_destroy(shoreline);
}

/* ---- failures ----------------------------------------------------------------------------- */

/* Checks that area with `key` = `value` is refused as a usage error whose message holds `words`. */
static void expect_area_refused(redline_context_t* ctx, const redline_layer_t* layer, const char* key,
                                const char* value, const char* words) {
  redline_options_t* o = redline_options_create();
  redline_result_t* r;
  EXPECT(redline_options_set(ctx, o, key, value) == REDLINE_OK);
  r = redline_area(ctx, layer, o);
  if (r || redline_last_error_kind(ctx) != REDLINE_ERROR_USAGE ||
      !strstr(redline_last_error_message(ctx), words)) {
    fprintf(stderr, "area with %s = %s: kind %d, message '%s', expected a usage error with '%s'\n", key, value,
            (int)redline_last_error_kind(ctx), redline_last_error_message(ctx), words);
    ++g_failures;
  }
  redline_result_destroy(r);
  redline_options_destroy(o);
}

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
  redline_layer_t* shoreline;
  redline_result_t* r;
  int calls = 0;

  /* a missing file: an input error naming it */
  snprintf(missing, sizeof missing, "%s/no_such_layer.shp", g_work);
  EXPECT(redline_layer_read(ctx, missing, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
  EXPECT(strstr(redline_last_error_message(ctx), missing) == redline_last_error_message(ctx));
  EXPECT(strcmp(redline_last_error_file(ctx), missing) == 0);
  EXPECT(strchr(redline_last_error_message(ctx), '\n') == NULL);

  /* a source without a CRS: the advice in words that name no flag (a C program has none) */
  {
    char no_prj[1100];
    snprintf(no_prj, sizeof no_prj, "%.900s/tests/data/io/noprj_zone39.shp", g_source);
    EXPECT(redline_layer_read(ctx, no_prj, NULL) == NULL);
    EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
    EXPECT(strstr(redline_last_error_message(ctx), "if so, declare its CRS as EPSG:4527") != NULL);
    EXPECT(strstr(redline_last_error_message(ctx), "--") == NULL);
    EXPECT(strcmp(redline_last_error_layer(ctx), "noprj_zone39") == 0);
  }

  /* a success clears it */
  r = redline_area(ctx, redline, NULL);
  EXPECT(r != NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  EXPECT(strcmp(redline_last_error_message(ctx), "") == 0);
  EXPECT(strcmp(redline_last_error_file(ctx), "") == 0);
  EXPECT(redline_last_error_feature(ctx) == -1);
  redline_result_destroy(r);

  /* an unknown key, a key of another job, a bad unit, a bad number, a binary format: usage
   * errors, whose message names what is wrong */
  expect_area_refused(ctx, redline, "colour", "red", "unknown option 'colour' (area takes: "
                                                    "bom, by, features, format, id-field, method, threads, unit)");
  expect_area_refused(ctx, redline, "--unit", "ha", "name it without the leading '--'");
  expect_area_refused(ctx, redline, "unit", "", "unit");
  expect_area_refused(ctx, redline, "by", "NO_SUCH_FIELD", "NO_SUCH_FIELD");
  expect_area_refused(ctx, redline, "sliver-width", "1", "option 'sliver-width' does not apply to area");
  expect_area_refused(ctx, redline, "unit", "acres", "acres");
  expect_area_refused(ctx, redline, "threads", "-2", "-2");
  expect_area_refused(ctx, redline, "threads", "1.5", "not a whole number");
  expect_area_refused(ctx, redline, "features", "yes", "give true or false");
  expect_area_refused(ctx, redline, "format", "xlsx", "binary workbook");
  expect_area_refused(ctx, redline, "method", "planar-ish", "planar-ish");
  redline_options_set(ctx, o, "unit", "acres");
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  redline_options_set(ctx, o, "unit", "km"); /* a length unit for a polygon target */
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  redline_options_destroy(o);
  o = redline_options_create();

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
  redline_options_destroy(o);
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
  /* an output that is an input: refused before any work, the input byte-identical */
  redline_options_destroy(o);
  o = redline_options_create();
  redline_options_set(ctx, o, "out", g_gpkg);
  {
    size_t before_size = 0, after_size = 0;
    char* before = read_file(g_gpkg, &before_size);
    char* after;
    EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
    EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE); /* the CLI's exit code 2 */
    EXPECT(strstr(redline_last_error_message(ctx), "writing there would destroy it") != NULL);
    after = read_file(g_gpkg, &after_size);
    EXPECT(before && after && before_size == after_size && memcmp(before, after, before_size) == 0);
    free(before);
    free(after);
  }
  redline_options_destroy(o);
  /* out on a line target: refused as the CLI refuses --out, naming the option */
  o = redline_options_create();
  redline_options_set(ctx, o, "out", out);
  shoreline = read_sample(ctx, "shoreline_line");
  remove(out);
  EXPECT(redline_coverage(ctx, shoreline, redline, o) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE);
  EXPECT(strstr(redline_last_error_message(ctx), "option 'out' applies to polygon targets; shoreline_line holds lines") !=
         NULL);
  EXPECT(!file_exists(out));
  /* a length of polygons, an area of lines: input errors */
  EXPECT(redline_length(ctx, redline, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
  EXPECT(redline_area(ctx, shoreline, NULL) == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
  /* a layer the source does not hold, a reading key a job does not take */
  EXPECT(read_sample(ctx, "no_such_layer") == NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_USAGE || redline_last_error_kind(ctx) == REDLINE_ERROR_INPUT);
  EXPECT(strstr(redline_last_error_message(ctx), "no_such_layer") != NULL);
  redline_options_set(ctx, o, "encoding", "GBK");
  EXPECT(redline_coverage(ctx, reserves, redline, o) == NULL);
  EXPECT(strstr(redline_last_error_message(ctx), "option 'encoding' does not apply to coverage") != NULL);
  redline_options_destroy(o);
  redline_layer_destroy(shoreline);

  redline_layer_destroy(redline);
  redline_layer_destroy(reserves);
}

/* ---- cancel at every progress point ------------------------------------------------------- */

struct CancelAt {
  int calls, at; /* cancel on call number `at` (1-based) */
};

static int cancel_at(const char* stage, size_t done, size_t total, void* user) {
  struct CancelAt* c = user;
  (void)stage;
  (void)done;
  (void)total;
  return ++c->calls >= c->at;
}

/* Runs `job` with the callback cancelling at its 1st, 2nd, ... call until a run ends before
 * the callback asks: each run is cancelled (never another error, never a crash, the output
 * never left), and the run that is not gives the same JSON as a run without callback. */
static void cancel_everywhere(redline_context_t* ctx, Job job, const redline_layer_t* a, const redline_layer_t* b,
                              const char* out_key, const char* what, const char* key, const char* value) {
  char out[1100];
  redline_options_t* o = redline_options_create();
  redline_result_t* plain;
  struct CancelAt c = {0, 1};
  redline_options_set(ctx, o, "threads", "4");
  if (key) redline_options_set(ctx, o, key, value);
  plain = job(ctx, a, b, o);
  if (out_key) {
    snprintf(out, sizeof out, "%s/cancel_%s.%s", g_work, what, strcmp(out_key, "map") == 0 ? "png" : "gpkg");
    redline_options_set(ctx, o, out_key, out);
  }
  for (c.at = 1; c.at < 1000; ++c.at) {
    redline_result_t* r;
    if (out_key) remove(out);
    c.calls = 0;
    redline_set_progress(ctx, cancel_at, &c);
    r = job(ctx, a, b, o);
    redline_set_progress(ctx, NULL, NULL);
    if (r) {
      EXPECT(c.calls < c.at);
      EXPECT(plain && strcmp(redline_result_json(r), redline_result_json(plain)) == 0);
      if (out_key) EXPECT(file_exists(out));
      redline_result_destroy(r);
      break;
    }
    if (redline_last_error_kind(ctx) != REDLINE_ERROR_CANCELLED) {
      fprintf(stderr, "%s cancelled at progress call %d: %s\n", what, c.at, redline_last_error_message(ctx));
      ++g_failures;
      break;
    }
    if (out_key) EXPECT(!file_exists(out));
  }
  EXPECT(c.at > 1); /* the job has at least one progress point */
  if (out_key) remove(out);
  redline_result_destroy(plain);
  redline_options_destroy(o);
}

static void test_cancel_everywhere(redline_context_t* ctx) {
  redline_layer_t* parcels = read_sample(ctx, "parcels"); /* 3 428 features: workers run */
  redline_layer_t* redline = read_sample(ctx, "redline");
  redline_layer_t* redline_2024 = read_sample(ctx, "redline_2024");
  redline_layer_t* reserves = read_sample(ctx, "reserves");
  cancel_everywhere(ctx, area_job, parcels, NULL, NULL, "area", "by", "DLBM");
  cancel_everywhere(ctx, redline_coverage, parcels, redline, "out", "coverage", NULL, NULL);
  cancel_everywhere(ctx, redline_tabulate, parcels, redline, "map", "tabulate", "class-field", "DLBM");
  cancel_everywhere(ctx, redline_drift, redline, redline_2024, "out", "drift", "key", "BSM");
  cancel_everywhere(ctx, redline_coverage, reserves, redline, "map", "reserves", NULL, NULL);
  redline_layer_destroy(parcels);
  redline_layer_destroy(redline);
  redline_layer_destroy(redline_2024);
  redline_layer_destroy(reserves);
}

/* ---- threads: one context each, the same layer ------------------------------------------- */

struct ThreadJob {
  const redline_layer_t* target;
  const redline_layer_t* cover;
  char* json;
};

/* Each thread: its own context; the shared layers' coverage, then a layer of its own read from
 * the same file (GDAL opened on both threads at once) and measured. */
static void* coverage_thread(void* arg) {
  struct ThreadJob* job = arg;
  redline_context_t* ctx = redline_context_create();
  redline_result_t* r = redline_coverage(ctx, job->target, job->cover, NULL);
  redline_layer_t* county = read_sample(ctx, "county");
  redline_result_t* area = county ? redline_area(ctx, county, NULL) : NULL;
  if (r && area) {
    job->json = malloc(strlen(redline_result_json(r)) + strlen(redline_result_json(area)) + 1);
    if (job->json) {
      strcpy(job->json, redline_result_json(r));
      strcat(job->json, redline_result_json(area));
    }
  }
  redline_result_destroy(area);
  redline_layer_destroy(county);
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
  char source_dir[PATH_MAX];
  redline_context_t* ctx;
  if (argc != 4) {
    fprintf(stderr, "usage: capi_test REDLINE_CLI SOURCE_DIR WORK_DIR\n");
    return 2;
  }
  g_cli = argv[1];
  if (!realpath(argv[2], source_dir)) {
    fprintf(stderr, "capi_test: no folder %s\n", argv[2]);
    return 2;
  }
  snprintf(g_source, sizeof g_source, "%.1000s", source_dir);
  snprintf(g_gpkg, sizeof g_gpkg, "%.960s/samples/huichang/huichang.gpkg", source_dir);
  snprintf(g_rules, sizeof g_rules, "%.960s/samples/huichang/indicators.toml", source_dir);
  snprintf(g_work, sizeof g_work, "%s", argv[3]);

  EXPECT(redline_c_api_version() == REDLINE_C_API_VERSION);
  EXPECT(strlen(redline_version()) >= 5);
  ctx = redline_context_create();
  EXPECT(ctx != NULL);
  EXPECT(redline_last_error_kind(ctx) == REDLINE_ERROR_NONE);
  test_jobs(ctx);
  test_errors(ctx);
  test_cancel_everywhere(ctx);
  test_threads(ctx);
  redline_context_destroy(ctx);
  if (g_failures) fprintf(stderr, "%d failure(s)\n", g_failures);
  return g_failures ? 1 : 0;
}
