#pragma once
// Inputs that are safe to open: regular files and readable folders, checked before any
// library opens them.
//
// Opening a FIFO (named pipe) blocks until someone writes to it, that is forever in a pipeline;
// a device or a socket is no data source. So every path redline reads is looked at with stat()
// first and refused unless it is a regular file or a readable folder. What GDAL opens beside a
// file is held to the same rule: a shapefile's .shx, .dbf, .prj, .cpg ... (every file of the
// same name, in any case, in the same folder), SQLite's -wal and -journal files beside a
// GeoPackage, and the entries of a folder read as one source (a FileGDB, a folder of
// shapefiles). Symbolic links are followed; a broken link or a loop of links is refused.
//
// Example usage:
//   redline::require_readable_input("deliveries/a/redline.shp");  // throws for a FIFO
#include <string>

#include "redline/export.h"

namespace redline {

/// Throws InputError naming the offending file (the path itself, or the sidecar or folder entry
/// that is a special file) unless `path` is a regular file or a readable folder as described
/// above. Opens no file (a folder is listed, not opened as data). Thread-safe.
REDLINE_EXPORT void require_readable_input(const std::string& path);

}  // namespace redline
