// read_layers(): several layers read at the same time, each through its own GDAL dataset on its
// own thread (GDAL objects are per dataset, redline's GDAL, GEOS and PROJ state per thread).
#include "redline/io/read_layers.h"

#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>

#include "util/parallel.h"

namespace redline {

namespace {

// Thrown through read_layer() by the progress function of a request that an earlier request's
// failure made pointless; never leaves read_layers().
struct StoppedEarly {};

}  // namespace

std::vector<Layer> read_layers(const std::vector<LayerRequest>& requests) {
  const std::size_t n = requests.size();
  std::vector<Layer> layers(n);
  if (n == 0) return layers;
  if (n == 1 || detail::resolve_threads(requests[0].options.threads) == 1) {
    for (std::size_t i = 0; i < n; ++i) {
      ReadOptions options = requests[i].options;
      if (i > 0) options.progress = nullptr;  // as when read at the same time
      layers[i] = read_layer(requests[i].path, options);
    }
    return layers;
  }

  std::atomic<std::size_t> first_failed{n};  // lowest request that failed so far; n: none
  std::vector<std::exception_ptr> failures(n);
  std::vector<std::vector<std::string>> warnings(n);  // of requests 1..n-1, replayed in order
  auto read_one = [&](std::size_t i) {
    ReadOptions options = requests[i].options;
    ProgressFn own = i == 0 ? options.progress : ProgressFn{};
    options.progress = [&first_failed, i, own](std::string_view stage, std::size_t done, std::size_t total) {
      if (first_failed.load() < i) throw StoppedEarly{};
      if (own) own(stage, done, total);
    };
    if (i > 0) {
      std::vector<std::string>& kept = warnings[i];
      options.warn = [&kept](const std::string& warning) { kept.push_back(warning); };
    }
    try {
      layers[i] = read_layer(requests[i].path, options);
    } catch (const StoppedEarly&) {
      // An earlier request failed: this one's outcome is not wanted.
    } catch (...) {
      failures[i] = std::current_exception();
      std::size_t lowest = first_failed.load();
      while (i < lowest && !first_failed.compare_exchange_weak(lowest, i)) {
      }
    }
  };

  std::vector<std::thread> pool;
  std::vector<std::size_t> on_caller;  // requests no thread could be started for
  for (std::size_t i = 1; i < n; ++i) {
    try {
      pool.emplace_back(read_one, i);
    } catch (const std::system_error&) {
      on_caller.push_back(i);
    }
  }
  read_one(0);
  for (std::size_t i : on_caller) read_one(i);
  for (std::thread& t : pool) t.join();

  // As one read after the other: the warnings of every request up to the first that failed.
  const std::size_t failed = first_failed.load();
  for (std::size_t i = 1; i < n && i <= failed; ++i) {
    if (!requests[i].options.warn) continue;
    for (const std::string& warning : warnings[i]) requests[i].options.warn(warning);
  }
  if (failed < n) std::rethrow_exception(failures[failed]);
  return layers;
}

}  // namespace redline
