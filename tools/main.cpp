// redline: the command-line tools over the redline library.
#include <clocale>
#include <vector>

#include "commands.h"
#include "redline/io/temporary_files.h"
#include "redline/version.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  // An interrupted run removes its half-written outputs.
  redline::remove_temporaries_on_signals();
  using namespace redline::cli;
  CLI::App app{
      "redline: areas, coverage, drift and checks for the ecological conservation red line "
      "(生态保护红线) and the layers checked against it.\n"
      "Reads Shapefile, GeoPackage, FileGDB and any OGR vector source; measures on the "
      "ellipsoid (CGCS2000) as official figures are.\n"
      "Run 'redline COMMAND --help' for a command's options.",
      "redline"};
  app.set_version_flag("--version", std::string("redline ") + redline::version());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 done (checks passed), 1 a check failed, 2 usage or input error, "
      "3 output not written, 4 internal error.\n"
      "Examples:\n"
      "  redline info samples/huichang/huichang.gpkg\n"
      "  redline area samples/huichang/huichang.gpkg --layer redline --by HXLX\n"
      "  redline area parcels.shp --encoding GBK --unit mu --format csv --bom > areas.csv");

  std::vector<Command> commands;
  for (RegisterFn add : registered_commands()) commands.push_back(add(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version print as CLI11 does; a mistake is one line, as every error is.
    if (e.get_exit_code() == 0) return app.exit(e);
    print_usage_error(e.what());
    return kUsageOrInput;
  }
  for (const Command& c : commands) {
    if (c.app->parsed()) return run_guarded(c.run);
  }
  return kUsageOrInput;
}
