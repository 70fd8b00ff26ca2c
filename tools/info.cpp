// redline info: what a delivery holds, before anyone measures it.
#include "commands.h"
#include "redline/io/source_info.h"
#include "redline/report/info_report.h"

namespace redline::cli {
namespace {

Command register_info(CLI::App& parent) {
  struct Args {
    std::string path, layer, encoding, format = output_format_name(kDefaultOutputFormat), output;
    unsigned threads = kDefaultThreads;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "info",
      "Describe a source: driver, layers, CRS (or the likely one when there is none), feature "
      "count, geometry type, extent, encoding, fields, and invalid, empty and null geometries.");
  cmd->add_option("SOURCE", args->path, "Shapefile, GeoPackage, FileGDB or other OGR source")->required();
  cmd->add_option("--layer", args->layer, "Only this layer");
  cmd->add_option("--encoding", args->encoding, "Attribute encoding of a shapefile DBF, e.g. GBK");
  add_format_options(*cmd, args->format, args->output);
  register_input_flags(*cmd, args->path, args->layer, InputFlags{});
  cmd->add_option("--threads", args->threads, threads_help());

  Runner run = [args]() {
    InspectOptions options;
    options.layer = args->layer;
    options.encoding = args->encoding;
    options.threads = args->threads;
    options.progress = stderr_progress();
    SourceInfo info = inspect_source(args->path, options);
    for (LayerInfo& l : info.layers) {
      // The advice of a layer's problem in this tool's options.
      const std::string advice = spell_hint(l.problem_hint, Location{args->path, l.name, std::nullopt, ""});
      if (!advice.empty()) l.problem += "; " + advice;
      l.problem_hint = {};
    }
    print(render_source_info(info, parse_output_format(args->format)));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(10, register_info);

}  // namespace redline::cli
