#pragma once
// Private: what the C API's opaque handles hold (redline/redline_c.h). The structs are named in
// the global namespace because the C header declares them there.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "redline/io/layer.h"
#include "redline/redline_c.h"

/// The last error and the progress callback of the calls made with it.
struct redline_context_t {
  redline_error_kind_t error_kind = REDLINE_ERROR_NONE;
  std::string error_message, error_file, error_layer;
  std::int64_t error_feature = -1;
  redline_progress_fn progress = nullptr;
  void* progress_user = nullptr;
};

/// Key/value settings in the order they were set (repeatable keys may appear several times).
struct redline_options_t {
  std::vector<std::pair<std::string, std::string>> entries;
};

/// A layer read, with the texts its accessors return.
struct redline_layer_t {
  redline::Layer layer;
  std::string path, crs, geometry;
};

/// A job's result: its JSON, its rendering in the job's format, its status.
struct redline_result_t {
  std::string json, text;
  redline_status_t status = REDLINE_OK;
};
