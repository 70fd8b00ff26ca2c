#include "redline/io/input_path.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "io/file_kind.h"
#include "redline/error.h"
#include "util/text.h"

namespace redline {

namespace {

namespace fs = std::filesystem;

Location at(const std::string& path) { return Location{path, "", std::nullopt, ""}; }

struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

// Calls fn(entry name, entry path) for every entry of `folder` but "." and "..". Returns false
// (and calls nothing) when the folder cannot be listed.
template <typename Fn>
bool for_each_entry(const std::string& folder, Fn&& fn) {
  std::unique_ptr<DIR, DirCloser> dir(::opendir(folder.c_str()));
  if (!dir) return false;
  while (const dirent* e = ::readdir(dir.get())) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    fn(name, (fs::path(folder) / name).string());
  }
  return true;
}

// Throws when `entry` resolves to a special file; broken links are left to whoever opens them.
void refuse_special_entry(const std::string& entry, const std::string& role) {
  struct stat st {};
  if (::stat(entry.c_str(), &st) != 0) return;
  if (detail::is_special_file(st.st_mode)) {
    throw InputError(fmt::format("is {} {}: it would be opened with it, and redline reads only regular files "
                                 "and folders; nothing was opened",
                                 detail::describe_file_kind(st.st_mode), role),
                     at(entry));
  }
}

}  // namespace

void require_readable_input(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    struct stat link {};
    if (err == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      throw InputError("is a symbolic link to a missing file", at(path));
    }
    if (err == ENOENT || err == ENOTDIR) throw InputError("no such file or directory", at(path));
    if (err == ELOOP) throw InputError("is a loop of symbolic links", at(path));
    throw InputError(fmt::format("cannot be read: {}", std::strerror(err)), at(path));
  }
  if (S_ISDIR(st.st_mode)) {
    // A folder is one source (FileGDB, folder of shapefiles): GDAL may open any of its files.
    const bool listed = for_each_entry(path, [&](const std::string&, const std::string& entry) {
      refuse_special_entry(entry, "in the folder " + path);
    });
    if (!listed) throw InputError(fmt::format("the folder cannot be read: {}", std::strerror(errno)), at(path));
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    throw InputError(fmt::format("is {}, not a file: redline reads only regular files and folders; it was not "
                                 "opened",
                                 detail::describe_file_kind(st.st_mode)),
                     at(path));
  }
  // Files GDAL opens beside this one: a shapefile's .shx, .dbf, .prj, .cpg, .qix ..., SQLite's
  // -wal and -journal. All share the file's name up to its extension, in any case.
  const fs::path p(path);
  const std::string name = detail::ascii_lower(p.filename().string());
  const std::string stem = detail::ascii_lower(p.stem().string());
  const std::string folder = p.parent_path().empty() ? "." : p.parent_path().string();
  for_each_entry(folder, [&](const std::string& entry_name, const std::string& entry) {
    if (entry_name == p.filename().string()) return;
    const std::string lower = detail::ascii_lower(entry_name);
    if (lower.rfind(stem + ".", 0) == 0 || lower.rfind(name + "-", 0) == 0) {
      refuse_special_entry(entry, "beside " + p.filename().string());
    }
  });
}

}  // namespace redline
