#pragma once
// An output target that is safe to write: never one of the run's inputs, never a special file,
// always in a format redline writes.
//
// redline writes its result layers as GeoPackage only, to a temporary file renamed over the
// target when complete (redline/io/writer.h). Before anything is written, the target is
// checked against the inputs of the run and against what is at the path:
//  - the target must not be an input, however spelled: the same file by device and inode
//    (through symbolic links, "..", "./", hard links), a file of an input shapefile (same name
//    in any case and a shapefile extension: .shp, .shx, .dbf, .prj, .cpg, .qix, .sbn ...),
//    SQLite's -wal, -shm or -journal beside an input, or a file inside an input folder
//    (a FileGDB, a folder of shapefiles);
//  - the target is a new path or a regular file (a symbolic link is followed to its file); a
//    folder, FIFO, device (/dev/null) or socket is refused, as are broken and looping links;
//  - the target's name ends in ".gpkg" (any case): a GeoPackage under another name would
//    mislead whoever opens it (the overload with extensions: ".xlsx", ".png"..., or none for text
//    reports);
//  - the folder exists and is writable, and an existing target is not read-only (a file
//    without any write permission is protected from change, and is not replaced).
//
// Example usage:
//   redline::OutputTarget t = redline::check_output_target("out.gpkg", {"in.shp", "cover.gpkg"});
#include <string>
#include <vector>

#include "redline/export.h"

namespace redline {

/// Where an output goes, once checked.
struct OutputTarget {
  std::string path;      ///< as given, for messages
  std::string resolved;  ///< the file written: `path` with a symbolic link to it followed
};

/// Checks `path` as described above against `inputs` (paths as given to read_layer(); a path
/// that does not exist, such as a GDAL virtual path, is compared by nothing). Creates and
/// opens nothing. Thread-safe.
/// Throws UsageError (exit code 2) when the target is an input, a special file, a folder, a
/// broken or looping link, or not a ".gpkg"; OutputError (exit code 3) when its folder is
/// missing or not writable or the target is read-only. Messages name the target.
REDLINE_EXPORT OutputTarget check_output_target(const std::string& path, const std::vector<std::string>& inputs);

/// Same checks for a file of another format: its name must end in one of `extensions`
/// (lower case with the dot, e.g. {".png", ".svg", ".pdf"}; compared in any case; an empty
/// list accepts any name: a text report); `format` names the format in the message ("map").
/// Throws as above. redline/io/output_file.h writes such a file.
REDLINE_EXPORT OutputTarget check_output_target(const std::string& path, const std::vector<std::string>& inputs,
                                                const std::vector<std::string>& extensions, const std::string& format);

}  // namespace redline
