#include "redline/io/file_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "io/temporary_output.h"
#include "redline/error.h"
#include "redline/io/output_path.h"

namespace redline {

namespace {

std::string write_all(int fd, std::string_view contents) {
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  return "";
}

}  // namespace

void write_output_file(const std::string& path, std::string_view contents, const std::vector<std::string>& inputs,
                       const std::string& extension, const std::string& format_name) {
  OutputTarget target = check_output_target(path, inputs, extension, format_name);
  const Location where{path, "", std::nullopt, ""};
  detail::TemporaryOutput temp(target.resolved);
  const int fd = ::open(temp.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw OutputError(fmt::format("cannot be written: {}", std::strerror(errno)), where);
  std::string why = write_all(fd, contents);
  if (::close(fd) != 0 && why.empty()) why = std::strerror(errno);
  if (!why.empty()) {
    temp.remove();
    throw OutputError(fmt::format("cannot be written: {}", why), where);
  }
  // Checked again: what is at the path may have changed while the file was written.
  target = check_output_target(path, inputs, extension, format_name);
  struct stat old {};
  if (::stat(target.resolved.c_str(), &old) == 0) ::chmod(temp.path().c_str(), old.st_mode & 07777);
  why = temp.rename_to(target.resolved);
  if (!why.empty()) throw OutputError(why, where);
}

}  // namespace redline
