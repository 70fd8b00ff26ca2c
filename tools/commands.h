#pragma once
// The subcommands of `redline`. Each tool file registers itself with REDLINE_COMMAND; its
// registration function adds the subcommand's options to the parent app and returns the runner,
// which calls the library and prints. No geometry is computed in tools/.
#include <vector>

#include "cli/common.h"

namespace redline::cli {

struct Command {
  CLI::App* app;
  Runner run;
};

using RegisterFn = Command (*)(CLI::App& parent);

/// Returns the registered subcommands, in the order given by their `order` key.
std::vector<RegisterFn> registered_commands();

/// Adds a subcommand to the registry at static-initialisation time.
struct CommandRegistrar {
  CommandRegistrar(int order, RegisterFn fn);
};

}  // namespace redline::cli

/// Registers `fn` (Command fn(CLI::App&)) as a subcommand; `order` sorts `redline --help`.
#define REDLINE_COMMAND(order, fn) \
  static const ::redline::cli::CommandRegistrar redline_command_registrar_##fn(order, fn)
