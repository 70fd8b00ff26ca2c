#include "io/temporary_output.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/io/temporary_files.h"

namespace redline {

namespace {

namespace fs = std::filesystem;

// The registry is read by signal handlers, so it is plain memory: fixed slots whose state is a
// lock-free atomic, paths in fixed buffers, nothing allocated, no lock taken.
constexpr int kSlots = 32;
constexpr std::size_t kPathBytes = PATH_MAX;
enum SlotState : int { kFree = 0, kBusy = 1, kLive = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[kPathBytes];
};
static_assert(std::atomic<int>::is_always_lock_free, "signal handlers need lock-free atomics");

Slot g_slots[kSlots];
std::atomic<unsigned> g_counter{0};

constexpr const char* kSqliteSidecars[] = {"-journal", "-wal", "-shm"};
constexpr const char* kMarker = ".redline-tmp-";

// Async-signal-safe: unlink() and byte copies only.
void unlink_with_sidecars(const char* path) noexcept {
  ::unlink(path);
  char buffer[kPathBytes + 16];
  const std::size_t n = std::strlen(path);
  if (n + 16 > sizeof buffer) return;
  for (const char* suffix : kSqliteSidecars) {
    std::memcpy(buffer, path, n);
    std::strcpy(buffer + n, suffix);
    ::unlink(buffer);
  }
}

extern "C" void remove_temporaries_and_reraise(int sig) {
  const int saved_errno = errno;
  for (Slot& s : g_slots) {
    if (s.state.load() == kLive) unlink_with_sidecars(s.path);
  }
  // Default disposition, then the same signal: the process ends as the signal asks (exit
  // status "killed by SIGINT"), which shells and supervisors rely on. The signal is blocked
  // while this handler runs, so it is delivered as soon as the handler returns.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
  errno = saved_errno;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A file name cut to at most `max` bytes without splitting a UTF-8 character.
std::string cut_name(const std::string& name, std::size_t max) {
  if (name.size() <= max) return name;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return name.substr(0, end);
}

}  // namespace

void remove_temporaries_on_signals() noexcept {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction current {};
    if (::sigaction(sig, nullptr, &current) != 0) continue;
    if (current.sa_handler == SIG_IGN) continue;  // nohup and friends: stay ignored
    struct sigaction action {};
    action.sa_handler = &remove_temporaries_and_reraise;
    sigemptyset(&action.sa_mask);
    // The other fatal signals wait while the registry is emptied.
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    action.sa_flags = 0;
    ::sigaction(sig, &action, nullptr);
  }
}

bool is_temporary_output_name(std::string_view name) {
  if (!name.empty() && name[0] == '.' && name.find(kMarker) != std::string_view::npos) return true;
  // Earlier builds wrote "<target>.tmp-<pid>.gpkg" (and SQLite added -journal to it).
  for (const char* suffix : kSqliteSidecars) {
    const std::string_view s(suffix);
    if (name.size() > s.size() && name.substr(name.size() - s.size()) == s) {
      name.remove_suffix(s.size());
      break;
    }
  }
  const std::string_view gpkg = ".gpkg";
  if (name.size() <= gpkg.size() || name.substr(name.size() - gpkg.size()) != gpkg) return false;
  name.remove_suffix(gpkg.size());
  const std::size_t at = name.rfind(".tmp-");
  return at != std::string_view::npos && all_digits(name.substr(at + 5));
}

namespace detail {

TemporaryOutput::TemporaryOutput(const std::string& target) {
  const fs::path absolute = fs::absolute(fs::path(target));
  const std::string name = fmt::format(".{}{}{}-{}", cut_name(absolute.filename().string(), 200), kMarker,
                                       ::getpid(), g_counter.fetch_add(1) + 1);
  path_ = (absolute.parent_path() / name).string();
  if (path_.size() + 16 > kPathBytes) {
    throw OutputError("the path is too long for a temporary file beside it", Location{target, "", std::nullopt, ""});
  }
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kBusy)) {
      std::memcpy(g_slots[i].path, path_.c_str(), path_.size() + 1);
      g_slots[i].state.store(kLive);
      slot_ = i;
      break;
    }
  }
  if (slot_ < 0) {
    throw OutputError(fmt::format("more than {} outputs written at once", kSlots), Location{target, "", std::nullopt, ""});
  }
  // A stale temporary of this name can only be a leftover of a killed run with our pid.
  remove();
}

TemporaryOutput::~TemporaryOutput() {
  if (!renamed_) remove();
  if (slot_ >= 0) {
    g_slots[slot_].state.store(kBusy);
    g_slots[slot_].state.store(kFree);
  }
}

void TemporaryOutput::remove() noexcept { unlink_with_sidecars(path_.c_str()); }

std::string TemporaryOutput::rename_to(const std::string& target) noexcept {
  std::string why;
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    why = fmt::format("cannot reopen the temporary file: {}", std::strerror(errno));
  } else {
    if (::fsync(fd) != 0) why = fmt::format("cannot flush the file to disk: {}", std::strerror(errno));
    ::close(fd);
  }
  if (why.empty() && std::rename(path_.c_str(), target.c_str()) != 0) {
    why = fmt::format("cannot rename the finished file into place: {}", std::strerror(errno));
  }
  if (!why.empty()) {
    remove();
    return why;
  }
  renamed_ = true;
  // Makes the rename itself durable; the file is in place whatever this returns.
  const std::string folder = fs::path(target).parent_path().empty() ? "." : fs::path(target).parent_path().string();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  // The SQLite sidecars of the temporary, should any remain, are garbage now.
  remove();
  return "";
}

}  // namespace detail
}  // namespace redline
