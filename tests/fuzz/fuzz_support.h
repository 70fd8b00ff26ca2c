#pragma once
// What the fuzz targets share: a scratch folder for the files a fuzz input becomes, a reader
// that splits an input into length-prefixed parts, and the measurements every layer goes
// through. Header-only so that each target stays one translation unit plus this file.
//
// A target is a function LLVMFuzzerTestOneInput(data, size) that must return normally for
// every input: a redline::Error is the expected answer to a bad file, while a crash, a hang, a
// leak, undefined behaviour or any other exception is a finding.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area_summary.h"

namespace redline::fuzz {

/// One folder per process, under $TMPDIR, removed at exit; each input overwrites its files.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "redline-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    static const std::string removed_at_exit = pattern;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(removed_at_exit, ec);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

/// Writes `bytes` to `name` in the scratch folder (replacing it) and returns its path.
inline std::string write_scratch(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path.string();
}

/// Removes `name` from the scratch folder if it is there.
inline void remove_scratch(const std::string& name) {
  std::error_code ec;
  std::filesystem::remove(scratch_dir() / name, ec);
}

/// Reads an input as a sequence of parts: a flags byte, then parts each preceded by its length
/// (4 bytes, little-endian, cut to what is left), the last part taking the rest.
class InputReader {
 public:
  InputReader(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  std::uint8_t flags() {
    if (rest_.empty()) return 0;
    const auto f = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return f;
  }

  std::string_view part() {
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i) {
      if (rest_.empty()) return {};
      length |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(rest_.front())) << (8 * i);
      rest_.remove_prefix(1);
    }
    const std::size_t n = std::min<std::size_t>(length, rest_.size());
    std::string_view p = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return p;
  }

  std::string_view rest() {
    std::string_view r = rest_;
    rest_ = {};
    return r;
  }

 private:
  std::string_view rest_;
};

/// Read options chosen by the flags byte, so that one corpus covers the policies:
/// bits 0-1 the CRS assumed for a source without one, bits 2-3 the invalid-polygon policy,
/// bit 4 a GBK encoding override (bits 5-7: measure_every_way).
inline ReadOptions read_options(std::uint8_t flags) {
  static const char* const kAssumed[] = {"", "EPSG:4527", "EPSG:4490", "EPSG:4547"};
  static const InvalidPolicy kPolicies[] = {InvalidPolicy::Repair, InvalidPolicy::Skip,
                                            InvalidPolicy::Fail, InvalidPolicy::Repair};
  ReadOptions options;
  options.assume_crs = kAssumed[flags & 3];
  options.invalid = kPolicies[(flags >> 2) & 3];
  if (flags & 16) options.encoding = "GBK";
  options.threads = 1;  // one thread: the same input always takes the same path
  return options;
}

/// Measures `layer`, grouped by its first field when bit 5 of `flags` is set, by the method of
/// bits 6-7: ellipsoidal, survey, planar, or all three (one method per input keeps the fuzzer
/// fast). An Error (e.g. planar on a geographic CRS) is an answer; anything else propagates.
inline void measure_every_way(const Layer& layer, std::uint8_t flags) {
  static const std::vector<AreaMethod> kMethods[] = {
      {AreaMethod::Ellipsoidal}, {AreaMethod::Survey}, {AreaMethod::Planar},
      {AreaMethod::Ellipsoidal, AreaMethod::Survey, AreaMethod::Planar}};
  for (AreaMethod method : kMethods[(flags >> 6) & 3]) {
    AreaOptions options;
    options.method = method;
    options.threads = 1;
    if ((flags & 32) && !layer.fields.empty()) options.group_field = layer.fields.front().name;
    try {
      const AreaSummary summary = summarize_areas(layer, options);
      // Never a wrong figure without a word: a measured area is a finite, non-negative number.
      if (!std::isfinite(summary.total_m2) || summary.total_m2 < 0.0) {
        std::fprintf(stderr, "fuzz: %s area %g of a layer that was read without error\n",
                     method_name(method).c_str(), summary.total_m2);
        std::abort();
      }
    } catch (const Error&) {
    }
  }
}

/// Reads the layer at `path` (every layer of a multi-layer source, at most 4) and measures it.
inline void read_and_measure(const std::string& path, std::uint8_t flags) {
  ReadOptions options = read_options(flags);
  std::vector<std::string> layers;
  try {
    layers = list_layers(path);
  } catch (const Error&) {
    return;
  }
  if (layers.size() > 4) layers.resize(4);
  if (layers.empty()) layers.push_back("");
  for (const std::string& name : layers) {
    options.layer = name;
    try {
      measure_every_way(read_layer(path, options), flags);
    } catch (const Error&) {
    }
  }
}

}  // namespace redline::fuzz
