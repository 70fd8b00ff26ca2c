#include "support/test_support.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>


namespace redline::test {

namespace fs = std::filesystem;

std::string data_path(const std::string& relative) { return std::string(REDLINE_TEST_DATA_DIR) + "/" + relative; }
std::string source_path(const std::string& relative) { return std::string(REDLINE_SOURCE_DIR) + "/" + relative; }

std::string work_dir(const std::string& name) {
  fs::path dir = fs::path(REDLINE_TEST_WORK_DIR) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliResult run_cli(const std::vector<std::string>& args) { return run_cli_limited(args, {}); }

pid_t start_cli(const std::vector<std::string>& args, int out_fd, int err_fd, const CliLimits& limits) {
  std::vector<std::string> argv_s = {REDLINE_CLI};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec. Ignored signals and pending alarms
    // survive exec.
    const int in = open("/dev/null", O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(127);
    if (limits.max_file_bytes > 0) {
      const rlimit lim{static_cast<rlim_t>(limits.max_file_bytes), static_cast<rlim_t>(limits.max_file_bytes)};
      if (setrlimit(RLIMIT_FSIZE, &lim) != 0) _exit(127);
      signal(SIGXFSZ, SIG_IGN);
    }
    if (limits.timeout_seconds > 0) alarm(limits.timeout_seconds);
    execv(REDLINE_CLI, argv.data());
    _exit(127);
  }
  if (pid < 0) throw std::runtime_error("fork failed");
  return pid;
}

CliResult run_cli_limited(const std::vector<std::string>& args, const CliLimits& limits) {
  char out_name[] = "/tmp/redline-test-out-XXXXXX";
  char err_name[] = "/tmp/redline-test-err-XXXXXX";
  const int out_fd = mkstemp(out_name), err_fd = mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  const pid_t pid = start_cli(args, out_fd, err_fd, limits);
  CliResult result;
  if (pid > 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  close(out_fd);
  close(err_fd);
  result.out = read_file(out_name);
  result.err = read_file(err_name);
  unlink(out_name);
  unlink(err_name);
  return result;
}

std::vector<std::pair<std::string, std::string>> snapshot_files(const std::string& dir,
                                                                const std::string& stem) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem, 0) == 0 && entry.is_regular_file()) files.emplace_back(name, read_file(entry.path().string()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string errors_only(const std::string& err) {
  std::string out;
  std::size_t begin = 0;
  while (begin < err.size()) {
    std::size_t end = err.find('\n', begin);
    end = end == std::string::npos ? err.size() : end + 1;
    const std::string line = err.substr(begin, end - begin);
    if (line.rfind("redline: warning: ", 0) != 0) out += line;
    begin = end;
  }
  return out;
}

}  // namespace redline::test
