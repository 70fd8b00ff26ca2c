#include "redline/io/output_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "io/temporary_output.h"
#include "redline/error.h"
#include "redline/io/output_path.h"

namespace redline {

void write_output_file(const std::string& path, const std::vector<std::string>& inputs,
                       const std::vector<std::string>& extensions, const std::string& format,
                       std::string_view bytes) {
  OutputTarget target = check_output_target(path, inputs, extensions, format);
  const Location where{path, "", std::nullopt, ""};
  detail::TemporaryOutput temp(target.resolved);
  {
    std::FILE* file = std::fopen(temp.path().c_str(), "wb");
    if (file == nullptr) throw OutputError(fmt::format("cannot be written: {}", std::strerror(errno)), where);
    const std::size_t written = bytes.empty() ? 0 : std::fwrite(bytes.data(), 1, bytes.size(), file);
    const int write_errno = errno;
    const bool flushed = std::fflush(file) == 0;
    const int flush_errno = errno;
    const bool closed = std::fclose(file) == 0;
    if (written != bytes.size()) {
      throw OutputError(fmt::format("cannot be written: {}", std::strerror(write_errno)), where);
    }
    if (!flushed || !closed) {
      throw OutputError(fmt::format("cannot be written: {}", std::strerror(flushed ? errno : flush_errno)), where);
    }
  }
  // What is at the path may have changed while the file was made: checked again.
  target = check_output_target(path, inputs, extensions, format);
  struct stat old {};
  if (::stat(target.resolved.c_str(), &old) == 0) ::chmod(temp.path().c_str(), old.st_mode & 07777);
  const std::string why = temp.rename_to(target.resolved);
  if (!why.empty()) throw OutputError(why, where);
}

}  // namespace redline
