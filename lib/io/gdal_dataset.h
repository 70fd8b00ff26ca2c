#pragma once
// Private: GDAL datasets in unique_ptr, and GDAL's error messages routed to redline errors.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace redline::detail {

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Registers GDAL's drivers once (thread-safe), after installing redline's process-wide GDAL
/// error handler: from then on GDAL prints nothing; its warnings and errors are kept, per thread,
/// for GdalErrorCollector to put into redline's errors. A handler the embedding program had set
/// (not GDAL's default) is still called with every message.
void ensure_gdal_registered();

/// GDAL's warnings and errors raised on this thread since the collector was made (nothing is
/// printed: see ensure_gdal_registered). Messages are returned as "GDAL: TEXT", on one line.
/// Not thread-safe: use it on the thread that calls GDAL.
class GdalErrorCollector {
 public:
  GdalErrorCollector();
  /// Returns the last warning or error message since construction ("" when none).
  std::string last() const;
  /// Returns how many failures (CE_Failure or worse, not warnings) were raised since construction.
  std::size_t failure_count() const;
  /// Returns the last failure message since construction ("" when none).
  std::string last_failure() const;
  /// Returns the warnings (CE_Warning) since construction that are still kept (the last few).
  std::vector<std::string> warnings() const;

 private:
  std::uint64_t messages_at_start_;
  std::uint64_t failures_at_start_;
};

/// Opens a vector source read-only. Throws InputError naming the path when it does not exist or
/// GDAL cannot read it. `open_options` are GDAL open options ("ENCODING=GBK").
DatasetPtr open_vector_readonly(const std::string& path,
                                const std::vector<std::string>& open_options = {});

}  // namespace redline::detail
