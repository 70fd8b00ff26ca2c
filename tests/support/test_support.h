#pragma once
// Helpers shared by the tests: data paths, running the CLI, comparing files.
#include <gtest/gtest.h>

#include <sys/types.h>

#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"

namespace redline::test {

/// Returns the absolute path of a file under tests/data.
std::string data_path(const std::string& relative);
/// Returns the absolute path of a file under the repository root (e.g. "samples/huichang/huichang.gpkg").
std::string source_path(const std::string& relative);
/// Returns a fresh, empty directory under the build tree for one test's outputs.
std::string work_dir(const std::string& name);

/// What a run of the `redline` binary gave.
struct CliResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the built `redline` binary with `args` (no shell: arguments are passed as they are),
/// stdin closed, and returns its exit code and output.
CliResult run_cli(const std::vector<std::string>& args);

/// Limits put on one run of the CLI by run_cli_limited().
struct CliLimits {
  /// Largest file the run may write, in bytes (RLIMIT_FSIZE, with SIGXFSZ ignored, so that a
  /// write beyond it fails with EFBIG as on a full disk). 0 = no limit.
  long long max_file_bytes = 0;
  /// The run is killed by SIGALRM after this many seconds (exit code 128 + 14), so that a run
  /// that would hang fails the test instead. 0 = no limit.
  unsigned timeout_seconds = 0;
};

/// Runs the CLI as run_cli() does, under `limits`.
CliResult run_cli_limited(const std::vector<std::string>& args, const CliLimits& limits);

/// Starts the CLI with `args`, stdin from /dev/null and stdout, stderr on `out_fd`, `err_fd`,
/// under `limits`, and returns its pid without waiting (the caller reaps it). run_cli() and
/// the tests that signal a run midway both start it here.
pid_t start_cli(const std::vector<std::string>& args, int out_fd, int err_fd, const CliLimits& limits = {});

/// Returns true when `text` contains `part`.
bool contains(const std::string& text, const std::string& part);

/// Returns `err` (a run's stderr) without its "redline: warning: " lines: a repair an input
/// needed is reported as a warning before the run goes on, and is not the error under test.
std::string errors_only(const std::string& err);

/// Returns a file's bytes ("" when it cannot be read).
std::string read_file(const std::string& path);

/// Returns the bytes of every file in `dir` whose name starts with `stem` (a shapefile's .shp,
/// .shx, .dbf, .prj, .cpg ...), keyed by name, to show that a run left its inputs untouched.
std::vector<std::pair<std::string, std::string>> snapshot_files(const std::string& dir,
                                                                const std::string& stem);

/// Returns the error of kind E that read_layer(path, options) throws; fails the test (and returns
/// a placeholder) when it throws another kind or nothing.
template <typename E = InputError>
E read_error(const std::string& path, const ReadOptions& options = {}) {
  try {
    read_layer(path, options);
  } catch (const E& e) {
    return e;
  } catch (const Error& e) {
    ADD_FAILURE() << "read_layer(" << path << ") threw another kind: " << e.what();
    return E(e.reason(), e.where());
  }
  ADD_FAILURE() << "read_layer(" << path << ") did not throw";
  return E("no error");
}

}  // namespace redline::test
