#include "redline/cluster/batch.h"

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "cluster/ranks.h"
#include "redline/error.h"
#include "redline/report/check_report.h"

namespace redline {
namespace {

int exit_code_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
    case ErrorKind::Input: return 2;
    case ErrorKind::Output: return 3;
    case ErrorKind::Internal: return 4;
  }
  return 4;
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// Runs one county; what goes wrong is its outcome, not the end of the batch.
CountyOutcome run_county(const RuleSet& rules, const County& county, const CheckRunOptions& options) {
  CountyOutcome out;
  try {
    const std::vector<CheckResult> results = run_checks(county_checks(rules, county), options);
    out.report_json = check_report_json(results);
    out.exit_code = all_passed(results) ? 0 : 1;
  } catch (const Error& e) {
    out.exit_code = exit_code_of(e.kind());
    out.error = one_line(e.what());
  } catch (const std::bad_alloc&) {
    out.exit_code = 4;
    out.error = "out of memory";
  } catch (const std::exception& e) {
    out.exit_code = 4;
    out.error = one_line(std::string("internal error: ") + e.what());
  }
  if (!out.error.empty()) out.report_json.clear();
  return out;
}

// An outcome as text for the trip to rank 0: "index exit_code json_bytes error_bytes\n" then
// the JSON and the error, byte for byte.
void encode(std::size_t index, const CountyOutcome& o, std::string& blob) {
  blob += std::to_string(index) + ' ' + std::to_string(o.exit_code) + ' ' + std::to_string(o.report_json.size()) + ' ' +
          std::to_string(o.error.size()) + '\n';
  blob += o.report_json;
  blob += o.error;
}

void decode(const std::string& blob, std::vector<CountyOutcome>& counties, std::vector<bool>& filled) {
  std::size_t at = 0;
  auto number = [&](char end) {
    const std::size_t stop = blob.find(end, at);
    if (stop == std::string::npos) throw InternalError("a rank's results are cut short");
    const unsigned long long n = std::stoull(blob.substr(at, stop - at));
    at = stop + 1;
    return n;
  };
  while (at < blob.size()) {
    const std::size_t index = number(' ');
    const int code = static_cast<int>(number(' '));
    const std::size_t json_bytes = number(' '), error_bytes = number('\n');
    if (index >= counties.size() || filled[index] || blob.size() - at < json_bytes + error_bytes) {
      throw InternalError("a rank's results do not match the catalogue");
    }
    counties[index].exit_code = code;
    counties[index].report_json = blob.substr(at, json_bytes);
    counties[index].error = blob.substr(at + json_bytes, error_bytes);
    at += json_bytes + error_bytes;
    filled[index] = true;
  }
}

}  // namespace

int batch_processes() { return detail::Ranks::world().size(); }

int batch_rank() { return detail::Ranks::world().rank(); }

bool built_with_mpi() { return detail::ranks_built_with_mpi(); }

int run_batch(const RuleSet& rules, const Catalogue& catalogue, const CheckRunOptions& options,
              const BatchHooks& hooks) {
  require_delivery_in_every_check(rules);  // the same verdict on every rank
  const detail::Ranks& ranks = detail::Ranks::world();
  const bool root = ranks.rank() == 0;
  std::exception_ptr failure;
  int failure_code = 0;
  auto guarded = [&](const auto& hook) {
    try {
      hook();
    } catch (const Error& e) {
      failure = std::current_exception();
      failure_code = exit_code_of(e.kind());
    } catch (...) {
      failure = std::current_exception();
      failure_code = 4;
    }
  };
  if (root && hooks.before) guarded(hooks.before);
  // -1: go on; else every rank stops with rank 0's exit code.
  const int verdict = ranks.broadcast(failure ? failure_code : -1);
  if (failure) std::rethrow_exception(failure);
  if (verdict != -1) return verdict;

  const std::size_t n = catalogue.counties.size();
  std::string mine;
  for (std::size_t i = static_cast<std::size_t>(ranks.rank()); i < n; i += static_cast<std::size_t>(ranks.size())) {
    encode(i, run_county(rules, catalogue.counties[i], options), mine);
  }
  const std::vector<std::string> blobs = ranks.gather(mine);

  int code = 0;
  // Whatever rank 0 throws now, the others still get the final broadcast below.
  if (root) guarded([&] {
    BatchResult result;
    result.rules = rules.path;
    result.catalogue = catalogue.path;
    for (const CheckSpec& s : rules.checks) result.checks.push_back({s.name, kind_name(s.kind)});
    result.counties.resize(n);
    std::vector<bool> filled(n, false);
    for (const std::string& blob : blobs) decode(blob, result.counties, filled);
    if (std::find(filled.begin(), filled.end(), false) != filled.end()) {
      throw InternalError("a county's results never reached the first process");
    }
    for (std::size_t i = 0; i < n; ++i) {
      const County& c = catalogue.counties[i];
      CountyOutcome& o = result.counties[i];
      o.code = c.code;
      o.name = c.name;
      o.delivery = c.delivery;
      o.boundary = c.boundary ? c.boundary->label() : "";
    }
    code = batch_exit_code(result);
    if (hooks.after) hooks.after(result);
  });
  if (failure) code = failure_code;
  const int final_code = ranks.broadcast(code);
  if (failure) std::rethrow_exception(failure);
  return final_code;
}

}  // namespace redline
