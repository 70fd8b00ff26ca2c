#pragma once
// Private: the processes of a batch. The one interface to MPI (sealed in lib/cluster: only
// ranks_mpi.cpp includes mpi.h; ranks_single.cpp is built instead when CMake finds no MPI).
#include <string>
#include <vector>

namespace redline::detail {

/// The ranks of the job this process is part of; a world of one when not launched by mpirun.
class Ranks {
 public:
  /// Joins the MPI job on the first call when launched by mpirun (Open MPI, PMI or PMIx
  /// environment); left at process exit. Throws UsageError when launched by mpirun with several
  /// processes in a build without MPI.
  static const Ranks& world();

  int rank() const { return rank_; }
  int size() const { return size_; }

  /// Collective: returns every rank's `blob`, in rank order, on rank 0; {} on the others.
  /// Blobs of any size (sent in pieces of at most kPieceBytes). Throws InternalError when MPI
  /// fails.
  std::vector<std::string> gather(const std::string& blob) const;

  /// Collective: returns rank 0's `value` on every rank.
  int broadcast(int value) const;

 private:
  Ranks(int rank, int size) : rank_(rank), size_(size) {}
  int rank_ = 0, size_ = 1;
};

/// Returns true when this is the MPI build (ranks_mpi.cpp).
bool ranks_built_with_mpi();

/// Returns the number of processes mpirun launched, from the environment (OMPI_COMM_WORLD_SIZE,
/// PMI_SIZE, PMIX_SIZE...); 0 when not launched by mpirun.
int launched_processes();

}  // namespace redline::detail
