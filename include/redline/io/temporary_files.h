#pragma once
// Temporary outputs: how they are named, and their removal when the process is interrupted.
//
// Every file redline writes is first written under a temporary name in the target's folder
// (same filesystem, so the final rename is atomic) and renamed into place only when complete.
// A temporary name is hidden and has no data-format extension,
//   ".<target file name>.redline-tmp-<pid>-<n>"
// so that no folder scan (a folder of deliveries, GDAL reading a folder of shapefiles) takes a
// half-written file for data. While a temporary exists it is listed in a process-wide
// registry; the writers remove it on every failure, and the handlers installed by
// remove_temporaries_on_signals() remove it when SIGINT, SIGTERM or SIGHUP ends the process.
//
// Example usage (at the start of main):
//   redline::remove_temporaries_on_signals();
#include <string>
#include <string_view>

#include "redline/export.h"

namespace redline {

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every live temporary output
/// (and SQLite's -journal, -wal and -shm files beside it), then re-raise the signal with its
/// default disposition, so the process ends as the signal asks. A signal that is ignored when
/// this is called stays ignored (nohup). Call once, early, from the main thread; safe to call
/// again. Never throws.
REDLINE_EXPORT void remove_temporaries_on_signals() noexcept;

/// Returns true when `file_name` (a name without folder) is one of redline's temporary outputs,
/// or one of their SQLite sidecars, or the temporary left by earlier redline builds
/// ("<name>.tmp-<pid>.gpkg"): a half-written file that no scan may take for data.
REDLINE_EXPORT bool is_temporary_output_name(std::string_view file_name);

}  // namespace redline
