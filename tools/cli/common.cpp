#include "cli/common.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/io/output_file.h"
#include "redline/io/output_path.h"

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

namespace {

struct RegisteredInput {
  const CLI::App* cmd;
  const std::string* path;
  const std::string* layer;
  InputFlags flags;
};

std::vector<RegisteredInput>& registered_inputs() {
  static std::vector<RegisteredInput> inputs;
  return inputs;
}

struct RegisteredOutput {
  const CLI::App* cmd;
  const std::string* format;
  const std::string* output;
};

std::vector<RegisteredOutput>& registered_outputs() {
  static std::vector<RegisteredOutput> outputs;
  return outputs;
}

constexpr const char* kXlsxNeedsFile = "xlsx is a binary workbook: name the file with --output";

std::string& layer_choice_advice() {
  static std::string advice;
  return advice;
}

// The flags of the running command's input that `where` names (nullptr when none does).
const InputFlags* flags_of_file(const Location& where) {
  if (where.file.empty()) return nullptr;
  const InputFlags* same_file = nullptr;
  for (const RegisteredInput& r : registered_inputs()) {
    if (!r.cmd->parsed() || *r.path != where.file) continue;
    if (*r.layer == where.layer) return &r.flags;  // the input asking for that layer (or for none)
    if (!same_file) same_file = &r.flags;
  }
  return same_file;
}

// The flags of the running command's first input: the settings it applies to every layer it
// reads (check's --assume-crs), or the usual spelling when it has no input options.
const InputFlags& first_flags() {
  static const InputFlags kUsual;
  for (const RegisteredInput& r : registered_inputs()) {
    if (r.cmd->parsed()) return r.flags;
  }
  return kUsual;
}

}  // namespace

void register_input_flags(CLI::App& cmd, const std::string& path, const std::string& layer, InputFlags flags) {
  registered_inputs().push_back({&cmd, &path, &layer, std::move(flags)});
}

void set_layer_choice_advice(std::string advice) { layer_choice_advice() = std::move(advice); }

std::string spell_hint(const Hint& hint, const Location& where) {
  const InputFlags* found = flags_of_file(where);
  const InputFlags& f = found ? *found : first_flags();
  switch (hint.kind) {
    case HintKind::None: return "";
    case HintKind::AssumeCrs:
      return hint.value.empty() ? fmt::format("pass the CRS with {0} (e.g. {0} EPSG:4527)", f.assume_crs)
                                : fmt::format("if so, pass {} {}", f.assume_crs, hint.value);
    case HintKind::ChooseLayer:
      if (!found && !layer_choice_advice().empty()) return layer_choice_advice();
      return "choose one with " + f.layer;
    case HintKind::DeclareEncoding:
      return hint.value.empty()
                 ? fmt::format("pass the file's encoding with {}", f.encoding)
                 : fmt::format("pass the file's encoding explicitly ({} {} for most Chinese shapefiles)", f.encoding,
                               hint.value);
    case HintKind::InvalidPolicy: return fmt::format("use {} repair or skip to go on", f.invalid);
    case HintKind::ClassField: return "give it with --class-field";
    case HintKind::Deliveries: return "give them with --delivery PATH or --deliveries DIR";
  }
  return describe(hint);
}

std::string list_names(const std::vector<std::string>& names, const std::string& last) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? last : ", ";
    out += names[i];
  }
  return out;
}

std::string default_text(double value) { return fmt::format("{}", value); }

std::function<void(const std::string&)> stderr_warning() {
  return [](const std::string& line) { std::fprintf(stderr, "redline: warning: %s\n", line.c_str()); };
}

std::string threads_help() {
  const std::string count = kDefaultThreads == kAllCores ? "all cores" : std::to_string(kDefaultThreads);
  return "Worker threads (default: " + count + ")";
}

void add_input_options(CLI::App& cmd, InputArgs& a) {
  register_input_flags(cmd, a.path, a.layer, InputFlags{});
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
      ->default_str(invalid_policy_name(kDefaultInvalidPolicy));
  cmd.add_option("--repair-tolerance", a.repair_tolerance_percent,
                 "Percent of a feature's area a repair may change without a warning")
      ->default_str(default_text(kDefaultRepairTolerancePercent));
}

void add_input_options(CLI::App& cmd, InputArgs& a, const std::string& prefix, const std::string& what) {
  a.flag_prefix = "--" + prefix + "-";
  register_input_flags(cmd, a.path, a.layer,
                       InputFlags{a.flag_prefix + "layer", a.flag_prefix + "assume-crs", a.flag_prefix + "encoding",
                                  a.flag_prefix + "invalid"});
  cmd.add_option("--" + prefix + "-layer", a.layer, "Layer of " + what + " to read when its source has several");
  cmd.add_option("--" + prefix + "-assume-crs", a.assume_crs, "CRS of " + what + " when its source has none");
  cmd.add_option("--" + prefix + "-encoding", a.encoding, "Attribute encoding of " + what + " (shapefile DBF), e.g. GBK");
  cmd.add_flag("--" + prefix + "-trust-crs", a.trust_crs,
               "Use the CRS of " + what + " although its coordinates contradict it");
  cmd.add_option("--" + prefix + "-invalid", a.invalid,
                 "Invalid polygons in " + what + ": " + list_names(invalid_policy_names()))
      ->default_str(invalid_policy_name(kDefaultInvalidPolicy));
  cmd.add_option("--" + prefix + "-repair-tolerance", a.repair_tolerance_percent,
                 "Percent of a feature's area a repair in " + what + " may change without a warning")
      ->default_str(default_text(kDefaultRepairTolerancePercent));
}

void add_measure_options(CLI::App& cmd, MeasureArgs& a) {
  cmd.add_option("--method", a.method,
                 "ellipsoidal (geodesic on the CRS's ellipsoid, as PostGIS geography), survey "
                 "(land-survey 椭球面积 trapezoids), or planar (projected CRS only)")
      ->default_str(method_name(kDefaultAreaMethod));
  cmd.add_option("--unit", a.unit, "m2, ha, mu (亩), wanmu (万亩) or km2; Chinese names accepted")
      ->default_str(unit_name(kDefaultAreaUnit));
  add_format_options(cmd, a.format, a.output);
  cmd.add_flag("--bom", a.bom, "Start CSV with a UTF-8 byte order mark (for Excel)");
  cmd.add_option("--threads", a.threads, threads_help());
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

void add_format_options(CLI::App& cmd, std::string& format, std::string& output) {
  cmd.add_option("--format", format,
                 list_names(output_format_names()) + "; xlsx is an Excel workbook written to --output")
      ->default_str(output_format_name(kDefaultOutputFormat));
  cmd.add_option("-o,--output", output,
                 "Write the report to FILE instead of stdout (any format; required for xlsx). Never an "
                 "input, a folder or a device; written to a temporary name and renamed when complete")
      ->type_name("FILE");
  registered_outputs().push_back({&cmd, &format, &output});
  cmd.parse_complete_callback([&format, &output] {
    bool xlsx = false;
    try {
      xlsx = parse_output_format(format) == OutputFormat::Xlsx;
    } catch (const Error&) {
      return;  // the run reports the unknown format
    }
    if (xlsx && output.empty()) throw CLI::ValidationError("--format", kXlsxNeedsFile);
  });
}

void print(const std::string& text, const std::vector<std::string>& inputs) {
  const RegisteredOutput* running = nullptr;
  for (const RegisteredOutput& r : registered_outputs()) {
    if (r.cmd->parsed()) running = &r;
  }
  const bool binary = running && is_binary_format(parse_output_format(*running->format));
  if (running && !running->output->empty()) {
    std::vector<std::string> all = inputs;
    for (const RegisteredInput& r : registered_inputs()) {
      if (r.cmd->parsed()) all.push_back(*r.path);
    }
    // A workbook must be named .xlsx (Excel opens nothing else); a text report any name.
    const std::vector<std::string> extensions =
        binary ? std::vector<std::string>{"." + output_format_name(OutputFormat::Xlsx)} : std::vector<std::string>{};
    write_output_file(*running->output, all, extensions, binary ? "workbook" : "report", text);
    return;
  }
  if (binary) throw UsageError(kXlsxNeedsFile);
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw OutputError("cannot write to stdout");
}

namespace {
void print_error(const std::string& message) {
  const std::string line = "redline: error: " + one_line(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}
}  // namespace

void print_usage_error(const std::string& message) {
  print_error(message + "; run 'redline --help' or 'redline COMMAND --help' for the options");
}

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    // The library's what() says the hint in neutral words; the user of the CLI gets its flag.
    std::string message = describe(e.where());
    message += (message.empty() ? "" : ": ") + e.reason();
    const std::string advice = spell_hint(e.hint(), e.where());
    if (!advice.empty()) message += "; " + advice;
    print_error(message);
    switch (e.kind()) {
      case ErrorKind::Usage:
      case ErrorKind::Input: return kUsageOrInput;
      case ErrorKind::Output: return kOutputError;
      case ErrorKind::Internal: return kInternalError;
    }
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
  } catch (...) {
    print_error("internal error: an unknown exception");
  }
  return kInternalError;
}

}  // namespace redline::cli
