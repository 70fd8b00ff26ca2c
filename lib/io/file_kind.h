#pragma once
// Private: the kind of a file from its stat() mode, in words for messages.
#include <sys/types.h>

#include <string>

namespace redline::detail {

/// Returns true for a FIFO, a character or block device, or a socket: files that are no data
/// and that must not be opened (a FIFO blocks the open) nor replaced.
bool is_special_file(mode_t mode);

/// Returns "a FIFO (named pipe)", "a character device", "a block device", "a socket",
/// "a folder", "a regular file" or "a special file".
std::string describe_file_kind(mode_t mode);

}  // namespace redline::detail
