// redline batch: one rules file for every county of a catalogue, in one process or under mpirun.
#include <fmt/format.h>

#include "commands.h"
#include "redline/checks/catalogue.h"
#include "redline/checks/rules.h"
#include "redline/cluster/batch.h"
#include "redline/report/batch_report.h"

namespace redline::cli {
namespace {

Command register_batch(CLI::App& parent) {
  struct Args {
    std::string rules, catalogue;
    std::string out_dir;  // "" for none: the national table is printed only
    std::string format = output_format_name(kDefaultOutputFormat), output;
    unsigned threads = kDefaultThreads;  // per process
    bool bom = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "batch",
      "Run a rules file for every county of a catalogue: {delivery} in the rules' paths becomes each county's "
      "delivery in turn. Prints the national table (per check: the counties that passed, failed or could not "
      "run; areas summed, rates recomputed from the summed parts) and, with --out-dir, writes counties.csv, "
      "counties.json, national.csv and national.json. Under mpirun (a build with Open MPI) the processes share "
      "the counties and the tables are the same, to the bit, as in one process.");
  cmd->add_option("RULES", args->rules, "The rules file (.toml); every check names its layer by {delivery}")
      ->required();
  cmd->add_option("--catalogue", args->catalogue,
                  "The counties (CSV): columns code (6 digits), name, delivery and optionally boundary, "
                  "boundary_layer; paths relative to the catalogue")
      ->required();
  cmd->add_option("--out-dir", args->out_dir,
                  "Write the per-county and national tables into this folder (created if missing)");
  add_format_options(*cmd, args->format, args->output);
  cmd->add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte order mark (for Excel)");
  cmd->add_option("--threads", args->threads, threads_help() + " (per process under mpirun)");
  cmd->footer(
      "A county that cannot run (a missing delivery, an unreadable layer) is a row with its error, not the end "
      "of the run. Exit code: the worst county's - 0 every check passed everywhere, 1 a check failed, 2 a "
      "county's input could not be used, 3 an output could not be written.\n"
      "Examples:\n"
      "  redline batch rules.toml --catalogue counties.csv\n"
      "  redline batch rules.toml --catalogue counties.csv --out-dir national/ --format json\n"
      "  mpirun -np 8 redline batch rules.toml --catalogue counties.csv --out-dir national/ --threads 2\n"
      "Catalogue (counties.csv):\n"
      "  code,name,delivery,boundary,boundary_layer\n"
      "  360733,会昌县,deliveries/360733.gpkg,boundaries.gpkg,county_360733");

  Runner run = [args]() {
    set_layer_choice_advice("choose one with layer_name (previous_layer, within_layer) in the rules file");
    RuleSet rules;
    Catalogue catalogue;
    std::vector<std::string> inputs;  // never overwritten
    try {
      rules = load_rules(args->rules);
      catalogue = load_catalogue(args->catalogue);
      inputs = catalogue_inputs(rules, catalogue);
    } catch (const Error& e) {
      // Under mpirun every rank reads the rules and the catalogue and finds the same fault:
      // the first says it, the others leave with its exit code.
      if (batch_rank() == 0) throw;
      const ExitCode code = e.kind() == ErrorKind::Internal ? kInternalError
                            : e.kind() == ErrorKind::Output ? kOutputError
                                                            : kUsageOrInput;
      return static_cast<int>(code);
    }
    const OutputFormat format = parse_output_format(args->format);
    InputArgs input;
    CheckRunOptions options;
    options.read = input.read_options(args->threads);
    BatchHooks hooks;
    hooks.before = [&] {
      if (!args->out_dir.empty()) prepare_batch_output_dir(args->out_dir, inputs);
    };
    hooks.after = [&](const BatchResult& result) {
      if (!args->out_dir.empty()) write_batch_outputs(result, args->out_dir, inputs);
      print(render_national_report(result, format, args->bom), inputs);
    };
    return run_batch(rules, catalogue, options, hooks);
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(65, register_batch);

}  // namespace redline::cli
