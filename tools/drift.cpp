// redline drift: how a layer changed between two versions, real change apart from noise.
#include <sstream>
#include <string>

#include "commands.h"
#include "redline/drift/drift.h"
#include "redline/io/layer.h"
#include "redline/io/read_layers.h"
#include "redline/report/drift_job.h"

namespace redline::cli {
namespace {

// A library default as the help shows it: "0.5", "1", "0.02", "1e-6".
std::string shown(double value) {
  std::ostringstream out;
  out << value;
  std::string text = out.str();
  const std::size_t padded = text.find("e-0");  // "1e-06": the stream pads exponents
  if (padded != std::string::npos) text.erase(padded + 2, 1);
  return text;
}

Command register_drift(CLI::App& parent) {
  struct Args {
    InputArgs input;
    std::string after_path, before_layer, after_layer, out, map;
    MeasureArgs measure;
    DriftOptions drift;
    bool all_features = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "drift",
      "Compare two versions of a layer: area before and after, area gained and lost (each split "
      "into real change and noise slivers), features added, removed and modified (--key), and "
      "area whose class changed (--class-field).");
  cmd->add_option("BEFORE", args->input.path, "The earlier version (any OGR polygon source)")->required();
  cmd->add_option("AFTER", args->after_path, "The later version")->required();
  add_input_options(*cmd, args->input);
  cmd->add_option("--before-layer", args->before_layer, "Layer of BEFORE (overrides --layer)");
  cmd->add_option("--after-layer", args->after_layer, "Layer of AFTER (overrides --layer)");
  register_input_flags(*cmd, args->after_path, args->after_layer,
                       InputFlags{"--after-layer", "--assume-crs", "--encoding", "--invalid"});
  add_measure_options(*cmd, args->measure);
  cmd->add_option("--key", args->drift.key_field,
                  "Attribute matching features across versions (e.g. BSM): lists features added, removed "
                  "and modified, each with its area change");
  cmd->add_option("--class-field", args->drift.class_field,
                  "Attribute whose change is reclassification (e.g. HXLX, GNFQ): area from → to");
  cmd->add_option("--sliver-width", args->drift.sliver_width,
                  "Pieces thinner than this many metres are noise")
      ->default_str(shown(kDefaultDriftSliverWidth));
  cmd->add_option("--sliver-area", args->drift.sliver_area, "Pieces smaller than this many m² are noise")
      ->default_str(shown(kDefaultDriftSliverArea));
  cmd->add_option("--fast-shift", args->drift.fast_shift,
                  "Features whose vertices all moved less than this many metres are measured edge by edge, "
                  "without overlay (capped at half the sliver width; 0 turns it off)")
      ->default_str(shown(kDefaultDriftFastShift));
  cmd->add_option("--grid", args->drift.grid_size,
                  "Precision grid of the overlays, in metres (default " + shown(kDefaultDriftGridSize) +
                      ": 1 µm; 0.001 would erase the millimetre slivers of a re-export)");
  cmd->add_option("--map", args->map,
                  "Draw the drift map (gained, lost, reclassified over both versions) to FILE.png, .svg or .pdf "
                  "(A4 landscape)");
  cmd->add_option("--out", args->out,
                  "Write the real pieces to this GeoPackage (.gpkg; never an input): layers gained, lost and "
                  "reclassified, with change type and area");
  cmd->add_flag("--features", args->all_features,
                "List every changed feature (text shows " + std::to_string(kDefaultDriftListedFeatures) +
                    " by default; CSV then lists features instead of the summary)");
  cmd->footer(
      "Noise: a piece of gained or lost area is noise when it is smaller than --sliver-area or when no "
      "disk of diameter --sliver-width fits in it. Both real change and noise are reported.\n"
      "Examples:\n"
      "  redline drift samples/huichang/huichang.gpkg samples/huichang/huichang.gpkg \\\n"
      "      --before-layer redline --after-layer redline_2024 --key BSM --class-field HXLX\n"
      "  redline drift old/redline.shp new/redline.shp --key BSM --out drift.gpkg --format json\n"
      "  redline drift old/redline.shp new/redline.shp --key BSM --map drift.pdf   # gained blue, lost red");

  Runner run = [args]() {
    const MeasureArgs& m = args->measure;
    DriftJob job;
    job.drift = args->drift;
    job.drift.method = m.area_method();
    job.drift.threads = m.threads;
    job.drift.progress = stderr_progress();
    job.unit = m.area_unit();
    job.all_features = args->all_features;
    job.out = args->out;
    job.map = args->map;
    const OutputFormat format = m.output_format();

    ReadOptions before_read = args->input.read_options(m.threads);
    ReadOptions after_read = before_read;
    if (!args->before_layer.empty()) before_read.layer = args->before_layer;
    if (!args->after_layer.empty()) after_read.layer = args->after_layer;
    const std::vector<std::string> inputs = {args->input.path, args->after_path};
    job.check_outputs(inputs);  // refused before the work, not after it; the writers check again
    refuse_output_clash(m.output, {{"--out", args->out}, {"--map", args->map}});
    // Both versions at once, each on its own thread (with --threads 1, one after the other).
    const std::vector<Layer> versions = read_layers({{args->input.path, before_read}, {args->after_path, after_read}});
    print(run_drift_job(versions[0], versions[1], job, inputs).render(format, m.bom));
    return kOk;
  };
  return {cmd, run};
}

}  // namespace

REDLINE_COMMAND(50, register_drift);

}  // namespace redline::cli
