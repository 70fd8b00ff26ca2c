#include "redline/io/checksum.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "redline/error.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace redline {

namespace {

constexpr std::size_t kBlockBytes = 1 << 20;

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

struct DigestFreer {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};

}  // namespace

std::string file_sha256(const std::string& path) {
  const Location where{path, "", std::nullopt, ""};
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError("is not a regular file: its checksum cannot be computed", where);
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw InputError(fmt::format("cannot be opened: {}", std::strerror(errno)), where);
  // SHA-256 by OpenSSL's libcrypto (EVP): the digest every audit tool agrees with.
  std::unique_ptr<EVP_MD_CTX, DigestFreer> digest(EVP_MD_CTX_new());
  if (!digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1) {
    throw InternalError("OpenSSL could not start a SHA-256 digest", where);
  }
  std::vector<unsigned char> block(kBlockBytes);
  for (;;) {
    const std::size_t n = std::fread(block.data(), 1, block.size(), file.get());
    if (n > 0 && EVP_DigestUpdate(digest.get(), block.data(), n) != 1) {
      throw InternalError("OpenSSL could not digest the file", where);
    }
    if (n < block.size()) break;
  }
  if (std::ferror(file.get())) throw InputError(fmt::format("cannot be read: {}", std::strerror(errno)), where);
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(digest.get(), hash, &length) != 1 || length != 32) {
    throw InternalError("OpenSSL could not finish the SHA-256 digest", where);
  }
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", hash[i]);
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
