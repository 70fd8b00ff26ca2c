// The C API's results: the JSON the CLI prints with --format json, the rendering asked for, the
// status.
#include "capi/handles.h"

extern "C" {

const char* redline_result_json(const redline_result_t* result) { return result ? result->json.c_str() : ""; }

const char* redline_result_text(const redline_result_t* result) { return result ? result->text.c_str() : ""; }

redline_status_t redline_result_status(const redline_result_t* result) {
  return result ? result->status : REDLINE_ERROR;
}

void redline_result_destroy(redline_result_t* result) { delete result; }

}  // extern "C"
