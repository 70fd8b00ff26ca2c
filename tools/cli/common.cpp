#include "cli/common.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "redline/error.h"

namespace redline::cli {

ReadOptions InputArgs::read_options(unsigned threads) const {
  ReadOptions o;
  o.layer = layer;
  o.assume_crs = assume_crs;
  o.encoding = encoding;
  o.invalid = parse_invalid_policy(invalid);
  o.trust_crs = trust_crs;
  o.repair_tolerance_percent = repair_tolerance_percent;
  o.warn = stderr_warning();
  o.threads = threads;
  o.progress = stderr_progress();
  return o;
}

std::function<void(const std::string&)> stderr_warning() {
  return [](const std::string& line) { std::fprintf(stderr, "redline: warning: %s\n", line.c_str()); };
}

void add_input_options(CLI::App& cmd, InputArgs& a) {
  cmd.add_option("--layer", a.layer,
                 "Layer to read when the source has several (GeoPackage, FileGDB)");
  cmd.add_option("--assume-crs", a.assume_crs,
                 "CRS of a source that has none (no .prj): EPSG:4527, WKT or a PROJ string");
  cmd.add_option("--encoding", a.encoding,
                 "Attribute encoding of a shapefile DBF, e.g. GBK; overrides .cpg and the DBF code page");
  cmd.add_flag("--trust-crs", a.trust_crs,
               "Use the CRS although the coordinates contradict it (geographic over metres excepted); "
               "the report says so");
  cmd.add_option("--invalid", a.invalid,
                 "Invalid polygons: repair (GEOS MakeValid, area change reported), repair-strict "
                 "(refuse a repair that empties a polygon or changes its area beyond "
                 "--repair-tolerance), skip, or fail")
      ->default_str("repair");
  cmd.add_option("--repair-tolerance", a.repair_tolerance_percent,
                 "Percent of a feature's area a repair may change without a warning")
      ->default_str("1");
}

void add_input_options(CLI::App& cmd, InputArgs& a, const std::string& prefix, const std::string& what) {
  cmd.add_option("--" + prefix + "-layer", a.layer, "Layer of " + what + " to read when its source has several");
  cmd.add_option("--" + prefix + "-assume-crs", a.assume_crs, "CRS of " + what + " when its source has none");
  cmd.add_option("--" + prefix + "-encoding", a.encoding, "Attribute encoding of " + what + " (shapefile DBF), e.g. GBK");
  cmd.add_flag("--" + prefix + "-trust-crs", a.trust_crs,
               "Use the CRS of " + what + " although its coordinates contradict it");
  cmd.add_option("--" + prefix + "-invalid", a.invalid,
                 "Invalid polygons in " + what + ": repair, repair-strict, skip or fail")
      ->default_str("repair");
  cmd.add_option("--" + prefix + "-repair-tolerance", a.repair_tolerance_percent,
                 "Percent of a feature's area a repair in " + what + " may change without a warning")
      ->default_str("1");
}

void add_measure_options(CLI::App& cmd, MeasureArgs& a) {
  cmd.add_option("--method", a.method,
                 "ellipsoidal (geodesic on the CRS's ellipsoid, as PostGIS geography), survey "
                 "(land-survey 椭球面积 trapezoids), or planar (projected CRS only)")
      ->default_str("ellipsoidal");
  cmd.add_option("--unit", a.unit, "m2, ha, mu (亩), wanmu (万亩) or km2; Chinese names accepted")
      ->default_str("ha");
  cmd.add_option("--format", a.format, "table, json, csv or md")->default_str("table");
  cmd.add_flag("--bom", a.bom, "Start CSV with a UTF-8 byte order mark (for Excel)");
  cmd.add_option("--threads", a.threads, "Worker threads (default: all cores)");
}

ProgressFn stderr_progress() {
  if (!::isatty(STDERR_FILENO)) return {};
  struct State {
    std::chrono::steady_clock::time_point last{};
    bool drawn = false;
  };
  auto state = std::make_shared<State>();
  return [state](std::string_view stage, std::size_t done, std::size_t total) {
    const auto now = std::chrono::steady_clock::now();
    const bool finished = total > 0 && done >= total;
    if (!finished && now - state->last < std::chrono::milliseconds(200)) return;
    state->last = now;
    std::string line = total ? fmt::format("{} {}/{} ({:.0f}%)", stage, done, total, 100.0 * done / total)
                             : fmt::format("{} {}", stage, done);
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    state->drawn = true;
    if (finished) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  };
}

void print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    std::fprintf(stderr, "redline: error: %s\n", e.what());
    switch (e.kind()) {
      case ErrorKind::Usage:
      case ErrorKind::Input: return kUsageOrInput;
      case ErrorKind::Output: return kOutputError;
      case ErrorKind::Internal: return kInternalError;
    }
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "redline: error: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "redline: internal error: %s\n", e.what());
  }
  return kInternalError;
}

}  // namespace redline::cli
