#include <cstdlib>
#include <string>

#include "cluster/ranks.h"

namespace redline::detail {

int launched_processes() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; MPICH's and Intel MPI's (Hydra) PMI_SIZE.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    char* end = nullptr;
    const long n = std::strtol(value, &end, 10);
    if (*end == '\0' && n > 0 && n < 1000000) return static_cast<int>(n);
  }
  return 0;
}

}  // namespace redline::detail
