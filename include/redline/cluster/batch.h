#pragma once
// A batch: one rules file run for every county of a catalogue, in one process or across the
// processes of an MPI job (mpirun), with the same tables to the bit.
//
// Each county runs its checks (county_checks: {delivery} becomes its delivery, {boundary} its
// boundary) and its outcome becomes text: the exit code, the check report as JSON
// (check_report_json: doubles printed round-trip) or the error in one line. In one process the counties run in catalogue order.
// Launched by mpirun in a build with MPI (Open MPI; redline is built with it when CMake finds
// it), the processes (ranks) take the counties round-robin, county i to rank i mod N - static,
// so that no rank waits on another while it works and a county always runs on the same rank
// for the same N; counties vary in size, but in code order a province's large and small counties
// interleave. The outcomes are gathered, as text, on rank 0, which puts them back in catalogue
// order and alone computes the national sums: every table is made from the same bytes as in one
// process. A county that cannot run (a missing delivery, an unreadable layer, an unknown field)
// is an outcome with its error, never the end of the run.
//
// Threads: each process measures with CheckRunOptions::read.threads threads (give each rank its
// share of a machine's cores). MPI is joined once per process, on the first run_batch, and left
// when the process exits; only rank 0 calls the hooks. Every rank of the job must call run_batch
// with the same rules and catalogue; what fails before it (a catalogue refused) fails on every
// rank, and only rank 0 need say so (batch_rank).
//
// Example usage:
//   redline::RuleSet rules = redline::load_rules("rules.toml");
//   redline::Catalogue counties = redline::load_catalogue("counties.csv");
//   int code = redline::run_batch(rules, counties, {}, {nullptr, [](const redline::BatchResult& r) {
//     redline::write_batch_outputs(r, "out", {});
//   }});
#include <functional>
#include <string>

#include "redline/checks/catalogue.h"
#include "redline/checks/check.h"
#include "redline/checks/rules.h"
#include "redline/export.h"
#include "redline/report/batch_report.h"

namespace redline {

/// What rank 0 does around the run.
struct BatchHooks {
  /// Before any county runs (check the outputs): what it throws ends the run on every rank.
  std::function<void()> before;
  /// With every county's outcome, in catalogue order (write the tables).
  std::function<void(const BatchResult&)> after;
};

/// Returns the number of processes a batch runs on: the MPI job's size when launched by mpirun
/// in a build with MPI, else 1. Joins the MPI job the first time. Throws UsageError when
/// launched by mpirun with several processes in a build without MPI (each would run the whole
/// catalogue and write the same files).
REDLINE_EXPORT int batch_processes();

/// Returns this process's rank in the batch's job: 0 in one process, and on the process that
/// writes the tables under mpirun. Joins the MPI job and throws as batch_processes().
REDLINE_EXPORT int batch_rank();

/// Returns true when redline was built with MPI.
REDLINE_EXPORT bool built_with_mpi();

/// Runs `rules` for every county of `catalogue` (see above) and returns the batch's exit code
/// (batch_exit_code: the worst county's) on every rank. Throws, on rank 0, what
/// require_delivery_in_every_check throws (on every rank) and what the hooks throw; the other
/// ranks then return the exit code of that error's kind (2 usage or input, 3 output, 4 internal).
REDLINE_EXPORT int run_batch(const RuleSet& rules, const Catalogue& catalogue, const CheckRunOptions& options,
                             const BatchHooks& hooks);

}  // namespace redline
