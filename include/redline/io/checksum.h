#pragma once
// Checksums of input files: which bytes a report's figures came from.
//
// SHA-256 (OpenSSL's libcrypto), printed as 64 lower-case hexadecimal digits: the same
// text `sha256sum FILE` prints, so that a reviewer can check a delivery against a report.
//
// Example usage:
//   for (const redline::FileChecksum& c : redline::source_checksums("redline.shp"))
//     std::cout << c.sha256 << "  " << c.path << "\n";   // .shp, .dbf, .shx, .prj ...
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"

namespace redline {

/// One file and its digest.
struct FileChecksum {
  std::string path;       ///< the file, as named by the source path given (its folder kept)
  std::string sha256;     ///< 64 lower-case hexadecimal digits
  std::uintmax_t bytes = 0;  ///< the file's size
};

/// Returns the SHA-256 of the file at `path`, read in blocks (any size). Throws InputError
/// naming the file when it cannot be opened or read, or is not a regular file. Thread-safe.
REDLINE_EXPORT std::string file_sha256(const std::string& path);

/// Returns the digest of every file a data source is made of, sorted by path: the file itself
/// (a GeoPackage, a GeoJSON); for a shapefile its .shp and every file beside it of the same
/// name with another extension (.dbf, .shx, .prj, .cpg, .qix ...; any case); for a folder (a
/// FileGDB, a folder of shapefiles) every regular file in it, at any depth. Throws InputError
/// as file_sha256() does, and when `path` does not exist. Thread-safe.
REDLINE_EXPORT std::vector<FileChecksum> source_checksums(const std::string& path);

}  // namespace redline
