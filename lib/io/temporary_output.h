#pragma once
// Private: one temporary output file beside its target, listed in the process-wide registry
// that the signal handlers of remove_temporaries_on_signals() empty (redline/io/temporary_files.h).
#include <string>

namespace redline::detail {

class TemporaryOutput {
 public:
  /// Chooses a fresh hidden name in the folder of `target` (".<name>.redline-tmp-<pid>-<n>"),
  /// removes any stale file of that name, and registers it. Creates nothing. Throws
  /// OutputError when too many temporaries are live at once.
  explicit TemporaryOutput(const std::string& target);
  /// Removes the file and its SQLite sidecars unless renamed; unregisters.
  ~TemporaryOutput();
  TemporaryOutput(const TemporaryOutput&) = delete;
  TemporaryOutput& operator=(const TemporaryOutput&) = delete;

  /// The temporary's path (absolute).
  const std::string& path() const noexcept { return path_; }

  /// Removes the file and its SQLite sidecars now; it stays registered until destruction.
  void remove() noexcept;

  /// Flushes the file to disk (fsync), renames it to `target` (same folder), flushes the
  /// folder, and unregisters. Returns "" on success, else why it failed (the temporary is then
  /// removed).
  std::string rename_to(const std::string& target) noexcept;

 private:
  std::string path_;
  int slot_ = -1;
  bool renamed_ = false;
};

}  // namespace redline::detail
