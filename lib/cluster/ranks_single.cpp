// The ranks of a build without MPI: a world of one process.
#include <string>

#include "cluster/ranks.h"
#include "redline/error.h"

namespace redline::detail {

const Ranks& Ranks::world() {
  const int launched = launched_processes();
  if (launched > 1) {
    throw UsageError("launched by mpirun as " + std::to_string(launched) +
                     " processes, but this redline was built without MPI: each would run every county and write "
                     "the same tables (build it with Open MPI installed, or run one process)");
  }
  static const Ranks one(0, 1);
  return one;
}

std::vector<std::string> Ranks::gather(const std::string& blob) const { return {blob}; }

int Ranks::broadcast(int value) const { return value; }

bool ranks_built_with_mpi() { return false; }

}  // namespace redline::detail
