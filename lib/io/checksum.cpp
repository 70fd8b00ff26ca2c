#include "redline/io/checksum.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <cpl_port.h>
#include <fmt/format.h>

#include "redline/error.h"
#include "util/text.h"

namespace fs = std::filesystem;

// GDAL exports its SHA-256 (port/cpl_sha256.h) but Debian does not install that header: the
// three functions are declared here as GDAL declares them. The context is GDAL's own struct
// (about 112 bytes); it is given more room than it needs and full alignment, so that a
// layout change in a later GDAL cannot write past it.
extern "C" {
void CPL_DLL CPL_SHA256Init(void* context);
void CPL_DLL CPL_SHA256Update(void* context, const void* data, size_t length);
void CPL_DLL CPL_SHA256Final(void* context, GByte hash[32]);
}

namespace redline {

namespace {

constexpr std::size_t kBlockBytes = 1 << 20;

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

}  // namespace

std::string file_sha256(const std::string& path) {
  const Location where{path, "", std::nullopt, ""};
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError("is not a regular file: its checksum cannot be computed", where);
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw InputError(fmt::format("cannot be opened: {}", std::strerror(errno)), where);
  alignas(std::max_align_t) unsigned char context[512] = {};
  CPL_SHA256Init(context);
  std::vector<unsigned char> block(kBlockBytes);
  for (;;) {
    const std::size_t n = std::fread(block.data(), 1, block.size(), file.get());
    if (n > 0) CPL_SHA256Update(context, block.data(), n);
    if (n < block.size()) break;
  }
  if (std::ferror(file.get())) throw InputError(fmt::format("cannot be read: {}", std::strerror(errno)), where);
  GByte hash[32];
  CPL_SHA256Final(context, hash);
  std::string hex;
  for (GByte b : hash) hex += fmt::format("{:02x}", b);
  return hex;
}

std::vector<FileChecksum> source_checksums(const std::string& path) {
  const Location where{path, "", std::nullopt, ""};
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw InputError("does not exist: its checksum cannot be computed", where);
  std::vector<std::string> files;
  if (fs::is_directory(status)) {
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) throw InputError(fmt::format("cannot be listed: {}", ec.message()), where);
  } else if (detail::ascii_lower(fs::path(path).extension().string()) == ".shp") {
    const fs::path shp(path);
    const fs::path folder = shp.parent_path().empty() ? fs::path(".") : shp.parent_path();
    const std::string stem = detail::ascii_lower(shp.stem().string());
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path p = it->path();
      if (!it->is_regular_file(ec) || detail::ascii_lower(p.stem().string()) != stem) continue;
      files.push_back(shp.parent_path().empty() ? p.filename().string() : (shp.parent_path() / p.filename()).string());
    }
    if (ec) throw InputError(fmt::format("its folder cannot be listed: {}", ec.message()), where);
  } else {
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  std::vector<FileChecksum> sums;
  for (const std::string& f : files) {
    FileChecksum c;
    c.path = f;
    c.sha256 = file_sha256(f);
    c.bytes = fs::file_size(f, ec);
    sums.push_back(std::move(c));
  }
  return sums;
}

}  // namespace redline
