#include "io/gdal_dataset.h"

#include <atomic>
#include <deque>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/io/input_path.h"

namespace redline::detail {

namespace {

// What GDAL said on one thread: counters that only grow, the last failure, and the last few
// messages (a collector reads those raised since it was made).
struct GdalThreadLog {
  static constexpr std::size_t kKept = 16;
  std::uint64_t messages = 0;
  std::uint64_t failures = 0;
  std::string last_failure;
  std::deque<std::pair<CPLErr, std::string>> recent;  // the last kKept messages
};
thread_local GdalThreadLog t_gdal_log;

// GDAL's messages may hold newlines (a driver quoting a file); redline's errors are one line.
std::string one_line(const char* message) {
  std::string out = "GDAL: ";
  for (const char* p = message; *p; ++p) {
    if (*p == '\n' || *p == '\r') {
      if (out.back() != ' ') out += ' ';
    } else {
      out += *p;
    }
  }
  while (out.back() == ' ') out.pop_back();
  return out;
}

// The handler a program embedding redline had installed before it, if any: it still gets
// every message (GDAL's default one, which prints, is not kept).
std::atomic<CPLErrorHandler> g_previous_handler{nullptr};

void CPL_STDCALL keep_gdal_message(CPLErr level, CPLErrorNum code, const char* message) {
  if (CPLErrorHandler previous = g_previous_handler.load()) previous(level, code, message);
  if (level < CE_Warning || !message) return;  // CE_Debug: only with CPL_DEBUG, never for users
  GdalThreadLog& log = t_gdal_log;
  std::string text = one_line(message);
  if (level >= CE_Failure) {
    ++log.failures;
    log.last_failure = text;
  }
  ++log.messages;
  log.recent.emplace_back(level, std::move(text));
  if (log.recent.size() > GdalThreadLog::kKept) log.recent.pop_front();
}

}  // namespace

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Before registration, so that nothing a driver says while loading is printed either.
    CPLErrorHandler previous = CPLSetErrorHandler(keep_gdal_message);
    if (previous != CPLDefaultErrorHandler && previous != keep_gdal_message) g_previous_handler = previous;
    GDALAllRegister();
  });
}

GdalErrorCollector::GdalErrorCollector()
    : messages_at_start_(t_gdal_log.messages), failures_at_start_(t_gdal_log.failures) {
  ensure_gdal_registered();
}

std::string GdalErrorCollector::last() const {
  const GdalThreadLog& log = t_gdal_log;
  return log.messages > messages_at_start_ ? log.recent.back().second : "";
}

std::size_t GdalErrorCollector::failure_count() const {
  return static_cast<std::size_t>(t_gdal_log.failures - failures_at_start_);
}

std::string GdalErrorCollector::last_failure() const {
  return failure_count() > 0 ? t_gdal_log.last_failure : "";
}

std::vector<std::string> GdalErrorCollector::warnings() const {
  const GdalThreadLog& log = t_gdal_log;
  const std::uint64_t fresh = log.messages - messages_at_start_;
  std::vector<std::string> out;
  const std::size_t skip = log.recent.size() > fresh ? log.recent.size() - static_cast<std::size_t>(fresh) : 0;
  for (std::size_t i = skip; i < log.recent.size(); ++i) {
    if (log.recent[i].first == CE_Warning) out.push_back(log.recent[i].second);
  }
  return out;
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
    throw InputError(why.empty() ? "not a vector data source GDAL can read" : "cannot be read: " + why,
                     Location{path, "", std::nullopt, ""});
  }
  return DatasetPtr(ds);
}

}  // namespace redline::detail
