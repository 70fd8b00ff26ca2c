#include "io/gdal_dataset.h"

#include <mutex>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/io/input_path.h"

namespace redline::detail {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(&GdalErrorCollector::handler, this); }
GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

std::string GdalErrorCollector::last() const { return messages_.empty() ? "" : messages_.back(); }
std::string GdalErrorCollector::last_failure() const {
  return failures_.empty() ? "" : failures_.back();
}

void CPL_STDCALL GdalErrorCollector::handler(CPLErr level, CPLErrorNum, const char* message) {
  auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
  if (self && level >= CE_Warning && message) self->messages_.emplace_back(message);
  if (self && level >= CE_Failure && message) self->failures_.emplace_back(message);
}

DatasetPtr open_vector_readonly(const std::string& path,
                                const std::vector<std::string>& open_options) {
  ensure_gdal_registered();
  // Before GDAL sees the path: a FIFO would block the open forever.
  require_readable_input(path);
  std::vector<const char*> options;
  for (const auto& o : open_options) options.push_back(o.c_str());
  options.push_back(nullptr);
  GdalErrorCollector errors;
  // GDAL_OF_READONLY: redline never writes to its inputs.
  GDALDataset* ds = GDALDataset::FromHandle(GDALOpenEx(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
      options.data(), nullptr));
  if (!ds) {
    std::string why = errors.last();
    throw InputError(why.empty() ? "not a vector data source GDAL can read"
                                 : "cannot be read: " + why,
                     Location{path, "", std::nullopt, ""});
  }
  return DatasetPtr(ds);
}

}  // namespace redline::detail
