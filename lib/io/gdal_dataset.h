#pragma once
// Private: GDAL datasets in unique_ptr, and GDAL's error messages routed to redline errors.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>
#include <vector>

namespace redline::detail {

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Registers GDAL's drivers once (thread-safe).
void ensure_gdal_registered();

/// Collects GDAL's error messages raised on this thread while it lives, instead of letting
/// GDAL print them.
class GdalErrorCollector {
 public:
  GdalErrorCollector();
  ~GdalErrorCollector();
  /// Returns the last error message ("" when none).
  std::string last() const;
  /// Returns how many failures (CE_Failure or worse, not warnings) were raised so far.
  std::size_t failure_count() const { return failures_.size(); }
  /// Returns the last failure message ("" when none).
  std::string last_failure() const;

 private:
  std::vector<std::string> messages_;
  std::vector<std::string> failures_;
  static void CPL_STDCALL handler(CPLErr level, CPLErrorNum code, const char* message);
};

/// Opens a vector source read-only. Throws InputError naming the path when it does not exist or
/// GDAL cannot read it. `open_options` are GDAL open options ("ENCODING=GBK").
DatasetPtr open_vector_readonly(const std::string& path,
                                const std::vector<std::string>& open_options = {});

}  // namespace redline::detail
