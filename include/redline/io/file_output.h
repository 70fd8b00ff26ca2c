#pragma once
// Writing a whole file that is not a GeoPackage (an HTML report, an image) as safely as
// redline/io/writer.h writes GeoPackages.
//
// The target is checked (redline/io/output_path.h: never an input, a FIFO, a device or a
// folder; its name ends in the format's extension) before anything is written, the bytes go
// to a hidden temporary file beside it (redline/io/temporary_files.h: removed on failure and
// on SIGINT, SIGTERM, SIGHUP), every write and the close are checked, the file is flushed to
// disk, the target is checked again, and the rename comes last. A file that is replaced keeps
// its permissions.
//
// Example usage:
//   redline::write_output_file("report.html", html, {"huichang.gpkg"}, ".html", "HTML");
#include <string>
#include <string_view>
#include <vector>

#include "redline/export.h"

namespace redline {

/// Writes `contents` to `path` as described above; `inputs` are the run's inputs (never
/// overwritten), `extension` (".html") and `format_name` ("HTML") as check_output_target()
/// takes them. Throws UsageError (exit code 2) for a target check_output_target() refuses and
/// OutputError (exit code 3) when the file cannot be written (a full disk, a read-only
/// folder); the target is then untouched and no temporary is left. Thread-safe.
REDLINE_EXPORT void write_output_file(const std::string& path, std::string_view contents,
                                      const std::vector<std::string>& inputs, const std::string& extension,
                                      const std::string& format_name);

}  // namespace redline
