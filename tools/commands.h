#pragma once
// The subcommands of `redline`. Each adds itself to the parent app and returns its runner; the
// runner calls the library and prints. No geometry is computed in tools/.
#include "cli/common.h"

namespace redline::cli {

struct Command {
  CLI::App* app;
  Runner run;
};

Command register_area(CLI::App& parent);
Command register_info(CLI::App& parent);

}  // namespace redline::cli
