#include "redline/io/output_path.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/file_kind.h"
#include "io/temporary_output.h"
#include "redline/error.h"
#include "util/text.h"

namespace redline {

namespace {

namespace fs = std::filesystem;

// Files of a shapefile (GDAL reads or writes each of them beside the .shp).
constexpr const char* kShapefileExtensions[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn",
                                                ".sbx", ".fbn", ".fbx", ".ain", ".aih", ".atx", ".ixs",
                                                ".mxs", ".qpj", ".xml"};
constexpr const char* kSqliteSidecars[] = {"-wal", "-shm", "-journal"};

bool is_shapefile_extension(const std::string& lower_ext) {
  for (const char* e : kShapefileExtensions) {
    if (lower_ext == e) return true;
  }
  return false;
}

struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId& o) const { return dev == o.dev && ino == o.ino; }
};

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

std::string folder_of(const fs::path& p) { return p.parent_path().empty() ? "." : p.parent_path().string(); }

// A file name without its extension(s) as a shapefile counts them: "a.shp.xml" -> "a".
std::string shapefile_stem(const std::string& lower_name) {
  std::string stem = fs::path(lower_name).stem().string();
  if (fs::path(lower_name).extension() == ".xml" && fs::path(stem).extension() == ".shp") {
    stem = fs::path(stem).stem().string();
  }
  return stem;
}

// The target as it will be written: its folder's identity and its file name.
struct Destination {
  std::string resolved;  // the path written
  FileId folder;
  std::string name;
  std::optional<struct stat> existing;  // what is there now
};

// Throws when the destination is one of the files that come with the input file `in_path`
// (a shapefile's other files, SQLite's sidecars) in the same folder.
void refuse_file_of_input(const Destination& d, const fs::path& in_path, const std::string& input,
                          const Location& where) {
  const std::optional<FileId> in_folder = file_id(folder_of(in_path));
  if (!in_folder || !(*in_folder == d.folder)) return;
  const std::string lower_name = detail::ascii_lower(d.name);
  const std::string in_name = detail::ascii_lower(in_path.filename().string());
  for (const char* suffix : kSqliteSidecars) {
    if (lower_name == in_name + suffix) {
      throw UsageError(fmt::format("is SQLite's {} file of the input {}: write to another path", suffix, input),
                       where);
    }
  }
  const std::string in_ext = detail::ascii_lower(in_path.extension().string());
  const std::string out_ext = detail::ascii_lower(fs::path(d.name).extension().string());
  if (is_shapefile_extension(in_ext) && is_shapefile_extension(out_ext) &&
      shapefile_stem(lower_name) == shapefile_stem(in_name)) {
    throw UsageError(fmt::format("is a file of the input shapefile {}: writing there would destroy it; write "
                                 "to another path",
                                 input),
                     where);
  }
}

}  // namespace

OutputTarget check_output_target(const std::string& path, const std::vector<std::string>& inputs) {
  return check_output_target(path, inputs, {".gpkg"}, "GeoPackage");
}

OutputTarget check_output_target(const std::string& path, const std::vector<std::string>& inputs,
                                 const std::vector<std::string>& extensions, const std::string& format) {
  const Location where{path, "", std::nullopt, ""};
  if (path.empty()) throw UsageError("the output path is empty");

  // What is at the path now: nothing, a file, a link to one, or something that is no file.
  Destination d;
  d.resolved = path;
  struct stat link {};
  const bool exists_as_entry = ::lstat(path.c_str(), &link) == 0;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    d.existing = st;
    if (exists_as_entry && S_ISLNK(link.st_mode)) {
      std::error_code ec;
      const fs::path real = fs::canonical(path, ec);
      if (ec) throw UsageError(fmt::format("the symbolic link cannot be followed: {}", ec.message()), where);
      d.resolved = real.string();
    }
  } else {
    const int err = errno;
    if (err == ELOOP) throw UsageError("is a loop of symbolic links", where);
    if (exists_as_entry && S_ISLNK(link.st_mode)) {
      throw UsageError("is a symbolic link to a missing file: give the path of the file to write", where);
    }
    if (err != ENOENT) throw OutputError(fmt::format("cannot be written: {}", std::strerror(err)), where);
  }
  const fs::path resolved(d.resolved);
  d.name = resolved.filename().string();
  const std::string folder = folder_of(resolved);
  struct stat folder_st {};
  if (::stat(folder.c_str(), &folder_st) != 0 || !S_ISDIR(folder_st.st_mode)) {
    throw OutputError(fmt::format("the folder {} does not exist", folder), where);
  }
  d.folder = FileId{folder_st.st_dev, folder_st.st_ino};

  // Never an input, however spelled.
  for (const std::string& input : inputs) {
    if (input.empty()) continue;
    struct stat in {};
    if (::stat(input.c_str(), &in) != 0) continue;
    const FileId in_id{in.st_dev, in.st_ino};
    if (d.existing && FileId{d.existing->st_dev, d.existing->st_ino} == in_id) {
      throw UsageError(fmt::format("is the input {}: writing there would destroy it; write to another path", input),
                       where);
    }
    if (S_ISDIR(in.st_mode)) {
      if (d.folder == in_id) {
        throw UsageError(fmt::format("lies inside the input folder {}, which is read as one data source: write "
                                     "to another folder",
                                     input),
                         where);
      }
      continue;
    }
    // GDAL finds a shapefile's files beside the path it was given, which a symbolic link may
    // place elsewhere than the file it points to: both count.
    std::vector<fs::path> spellings{fs::path(input)};
    std::error_code ec;
    const fs::path real = fs::canonical(input, ec);
    if (!ec && real != spellings.front()) spellings.push_back(real);
    for (const fs::path& in_path : spellings) refuse_file_of_input(d, in_path, input, where);
  }

  // Only a new path or a regular file.
  if (d.existing && !S_ISREG(d.existing->st_mode)) {
    throw UsageError(fmt::format("is {}: results are written only to regular files or new paths",
                                 detail::describe_file_kind(d.existing->st_mode)),
                     where);
  }
  const std::string extension = detail::ascii_lower(resolved.extension().string());
  if (!extensions.empty() && std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
    if (extensions.size() == 1) {
      throw UsageError(fmt::format("redline writes {} files only: the output's name must end in {}", format,
                                   extensions.front()),
                       where);
    }
    throw UsageError(fmt::format("a {} is written as {}: the output's name must end in one of them", format,
                                 fmt::join(extensions, ", ")),
                     where);
  }

  // Writable, and not protected from change.
  constexpr mode_t kAnyWrite = S_IWUSR | S_IWGRP | S_IWOTH;
  if (d.existing && (d.existing->st_mode & kAnyWrite) == 0) {
    throw OutputError("exists and is read-only: it is not replaced", where);
  }
  if ((folder_st.st_mode & kAnyWrite) == 0 || ::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw OutputError(fmt::format("the folder {} is read-only: nothing can be written there", folder), where);
  }
  return OutputTarget{path, d.resolved};
}

}  // namespace redline
