// The ranks of an MPI job: the one file that includes mpi.h (scripts/check-architecture).
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "cluster/ranks.h"
#include "redline/error.h"

namespace redline::detail {
namespace {

// Largest piece of a blob sent in one message: MPI counts are ints.
constexpr std::size_t kPieceBytes = std::size_t{1} << 30;
constexpr int kBlobTag = 13;

// Leaves MPI at process exit when this process joined it.
struct Session {
  bool joined = false;
  ~Session() {
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (joined && !finalised) MPI_Finalize();
  }
};

void check(int rc, const char* what) {
  if (rc == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(rc, text, &length);
  throw InternalError(std::string("MPI: ") + what + ": " + std::string(text, static_cast<std::size_t>(length)));
}

}  // namespace

const Ranks& Ranks::world() {
  static Session session;  // made before `ranks`, so destroyed after it
  static const Ranks ranks = [] {
    if (launched_processes() == 0) return Ranks(0, 1);  // not under mpirun: MPI is not joined
    int initialised = 0;
    MPI_Initialized(&initialised);
    if (!initialised) {
      int provided = 0;
      // Only the main thread calls MPI; the measuring threads never do.
      check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "joining the job");
      session.joined = true;
    }
    check(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN), "setting the error handler");
    int rank = 0, size = 1;
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank), "rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size), "size");
    return Ranks(rank, size);
  }();
  return ranks;
}

std::vector<std::string> Ranks::gather(const std::string& blob) const {
  if (size_ == 1) return {blob};
  unsigned long long mine = blob.size();
  std::vector<unsigned long long> sizes(static_cast<std::size_t>(size_), 0);
  check(MPI_Gather(&mine, 1, MPI_UNSIGNED_LONG_LONG, sizes.data(), 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD),
        "gathering the sizes of the results");
  if (rank_ != 0) {
    for (std::size_t at = 0; at < blob.size(); at += kPieceBytes) {
      const int n = static_cast<int>(std::min(kPieceBytes, blob.size() - at));
      check(MPI_Send(blob.data() + at, n, MPI_CHAR, 0, kBlobTag, MPI_COMM_WORLD), "sending the results");
    }
    return {};
  }
  std::vector<std::string> out(static_cast<std::size_t>(size_));
  out[0] = blob;
  for (int r = 1; r < size_; ++r) {
    std::string& b = out[static_cast<std::size_t>(r)];
    b.resize(static_cast<std::size_t>(sizes[static_cast<std::size_t>(r)]));
    for (std::size_t at = 0; at < b.size(); at += kPieceBytes) {
      const int n = static_cast<int>(std::min(kPieceBytes, b.size() - at));
      check(MPI_Recv(&b[at], n, MPI_CHAR, r, kBlobTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "receiving the results");
    }
  }
  return out;
}

int Ranks::broadcast(int value) const {
  if (size_ == 1) return value;
  check(MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD), "broadcasting");
  return value;
}

bool ranks_built_with_mpi() { return true; }

}  // namespace redline::detail
