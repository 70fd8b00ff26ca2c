#pragma once
// Writing a whole file of bytes safely: a map (PNG, SVG, PDF), an HTML page, any output made
// in memory first.
//
// The target is checked by check_output_target() (redline/io/output_path.h): never an input,
// a folder, a FIFO or a device, and its name ends in one of the allowed extensions. The bytes
// are written to a hidden temporary beside it (redline/io/temporary_files.h), every write and
// the close checked, the file flushed and renamed over the target last; the temporary is
// removed on failure and on signals. A file it replaces keeps its permissions.
//
// Example usage:
//   redline::write_output_file("map.svg", {"in.shp"}, {".svg"}, "map", svg_text);
#include <string>
#include <string_view>
#include <vector>

#include "redline/export.h"

namespace redline {

/// Writes `bytes` to `path` as described above. `extensions` and `format` as for
/// check_output_target(). Thread-safe for distinct paths.
/// Throws UsageError (exit 2) for a refused target, OutputError (exit 3) when a write, the
/// close or the rename fails (the message names the path and the system's reason).
REDLINE_EXPORT void write_output_file(const std::string& path, const std::vector<std::string>& inputs,
                                      const std::vector<std::string>& extensions, const std::string& format,
                                      std::string_view bytes);

}  // namespace redline
