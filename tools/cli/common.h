#pragma once
// What every subcommand shares: input and measurement options, progress on stderr, and the
// one place where errors become messages and exit codes.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "redline/measure/units.h"
#include "redline/progress.h"
#include "redline/report/table.h"

namespace redline::cli {

/// Exit codes, the same for every subcommand.
enum ExitCode : int {
  kOk = 0,            ///< done; every check passed
  kCheckFailed = 1,   ///< a check failed (its figures are printed)
  kUsageOrInput = 2,  ///< bad options or unusable input
  kOutputError = 3,   ///< an output could not be written
  kInternalError = 4, ///< a dependency failed unexpectedly
};

/// A subcommand: registers its options on `app` and returns the function that runs it.
using Runner = std::function<int()>;

/// Options that say how to read one input layer.
struct InputArgs {
  std::string path, layer, assume_crs, encoding, invalid = invalid_policy_name(kDefaultInvalidPolicy);
  std::string flag_prefix = "--";  ///< how its options are spelled: "--" or "--PREFIX-"
  bool trust_crs = false;
  double repair_tolerance_percent = kDefaultRepairTolerancePercent;
  ReadOptions read_options(unsigned threads) const;
};

/// How the settings of one input are spelled on the command line, to turn a library error's
/// hint (redline::Hint) into advice the user can follow.
struct InputFlags {
  std::string layer = "--layer", assume_crs = "--assume-crs", encoding = "--encoding",
              invalid = "--invalid";
};

/// Tells run_guarded that errors about the source `path` (compared with Location::file) are
/// fixed with `flags` while `cmd` runs; `layer`, the layer asked for, tells two inputs of the
/// same file apart. Both are read when an error is reported (after option parsing) and must
/// outlive the run. add_input_options registers its inputs itself.
void register_input_flags(CLI::App& cmd, const std::string& path, const std::string& layer, InputFlags flags);

/// Says how the running command's layers are chosen when no registered input names the file
/// (the layers of a rules file: `advice` such as "name it with layer_name in the rules file").
void set_layer_choice_advice(std::string advice);

/// Returns `hint` as advice in command-line terms for an error at `where` ("" for no hint).
std::string spell_hint(const Hint& hint, const Location& where);

/// Adds `--layer`, `--assume-crs`, `--trust-crs`, `--encoding`, `--invalid`,
/// `--repair-tolerance` to `cmd` (the path is positional and added by the subcommand).
void add_input_options(CLI::App& cmd, InputArgs& args);

/// Adds the same options for a second input, named `--PREFIX-layer`, `--PREFIX-assume-crs`,
/// `--PREFIX-trust-crs`, `--PREFIX-encoding`, `--PREFIX-invalid`, `--PREFIX-repair-tolerance`;
/// `what` names that input in the help ("the cover").
void add_input_options(CLI::App& cmd, InputArgs& args, const std::string& prefix, const std::string& what);

/// Options that say how to measure and print.
struct MeasureArgs {
  std::string method = method_name(kDefaultAreaMethod), unit = unit_name(kDefaultAreaUnit),
              format = output_format_name(kDefaultOutputFormat);
  std::string output;  ///< --output: the file the report goes to ("" for stdout)
  bool bom = false;
  unsigned threads = kDefaultThreads;
  AreaMethod area_method() const { return parse_area_method(method); }
  AreaUnit area_unit() const { return parse_area_unit(unit); }
  OutputFormat output_format() const { return parse_output_format(format); }
  /// Returns report options (any of the reports' *ReportOptions) with the unit, format and BOM
  /// asked for; the rest stays at the report's defaults.
  template <typename ReportOptions>
  ReportOptions report_options() const {
    ReportOptions r;
    r.unit = area_unit();
    r.format = output_format();
    r.bom = bom;
    return r;
  }
};

/// Adds `--method`, `--unit`, `--format`, `--output`, `--bom`, `--threads` to `cmd`.
void add_measure_options(CLI::App& cmd, MeasureArgs& args);

/// Adds `--format` (table, json, csv, md, xlsx) and `--output`/`-o FILE` to `cmd`, and registers
/// them for print(): the report goes to FILE when given, else to stdout. xlsx without --output
/// is a usage error, found when the options are parsed.
void add_format_options(CLI::App& cmd, std::string& format, std::string& output);

/// Returns `names` as "a, b or c", for help texts listing the library's names.
std::string list_names(const std::vector<std::string>& names, const std::string& last = " or ");

/// Returns `value` as help shows a default: "1" for 1.0, "0.5" for 0.5.
std::string default_text(double value);

/// Returns the help of --threads, its default from the library (kDefaultThreads).
std::string threads_help();

/// Returns a function printing each warning as one line "redline: warning: ..." on stderr.
std::function<void(const std::string&)> stderr_warning();

/// Returns a progress function drawing on stderr, or an empty one when stderr is not a terminal.
ProgressFn stderr_progress();

/// Writes a rendered report to where the running command's --output says: the file (safely:
/// never an input of the run - its registered inputs and `inputs` -, nor a FIFO, device or
/// folder; a temporary name renamed last; a workbook's name must end in .xlsx), else stdout.
/// Throws UsageError for xlsx without a file, OutputError when the file cannot be written.
void print(const std::string& text, const std::vector<std::string>& inputs = {});

/// Prints "redline: error: MESSAGE; run 'redline --help' ..." on one line (option parsing errors).
void print_usage_error(const std::string& message);

/// Runs `body`, turning redline errors and exceptions into one line on stderr,
/// "redline: error: FILE: layer L: feature N: REASON; ADVICE", and the exit code of their kind
/// (any other exception: 4).
int run_guarded(const std::function<int()>& body);

}  // namespace redline::cli
