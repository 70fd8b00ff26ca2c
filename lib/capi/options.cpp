// The C API's options: a set of key/value strings, and their reading by a job.
#include "capi/options.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "capi/boundary.h"
#include "redline/measure/units.h"

namespace redline::capi {
namespace {

// Every key some call takes; a key outside this list is unknown rather than misplaced.
constexpr std::string_view kKnownKeys[] = {
    "layer", "assume-crs", "trust-crs", "encoding", "invalid", "repair-tolerance", "threads", "unit", "method",
    "format", "bom", "by", "id-field", "features", "sliver-width", "crs", "grid", "out", "map", "zone-field",
    "class-field", "key", "sliver-area", "fast-shift", "deliveries", "delivery", "title", "report"};

// Keys that the CLI lets repeat: each redline_options_set adds a value.
constexpr std::string_view kRepeatable[] = {"where", "with", "with-layer"};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

JobOptions::JobOptions(const redline_options_t* options, std::string job,
                       std::initializer_list<std::string_view> keys) {
  if (!options) return;
  for (const auto& [key, value] : options->entries) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    std::vector<std::string> taken(keys.begin(), keys.end());
    std::sort(taken.begin(), taken.end());
    const bool known = std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) != std::end(kKnownKeys);
    std::string reason = known ? "option '" + key + "' does not apply to " + job : "unknown option '" + key + "'";
    if (!known && key.rfind("--", 0) == 0) reason += ": name it without the leading '--'";
    throw UsageError(reason + " (" + job + " takes: " + joined(taken) + ")");
  }
  entries_ = options->entries;
  // Values every job renders with, refused before any work rather than after it.
  static_cast<void>(threads());
  static_cast<void>(format());
  static_cast<void>(flag("bom"));
}

std::optional<std::string> JobOptions::word(std::string_view key) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->first == key) return it->second;
  }
  return std::nullopt;
}

std::string JobOptions::text(std::string_view key) const { return word(key).value_or(""); }

std::vector<std::string> JobOptions::words(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : entries_) {
    if (k == key) out.push_back(v);
  }
  return out;
}

bool JobOptions::flag(std::string_view key) const {
  const std::optional<std::string> v = word(key);
  if (!v || *v == "false") return false;
  if (*v == "true") return true;
  throw UsageError("option '" + std::string(key) + "': '" + *v + "' is not a flag: give true or false");
}

std::optional<double> JobOptions::number(std::string_view key) const {
  const std::optional<std::string> v = word(key);
  if (!v) return std::nullopt;
  return parse_decimal(*v, "option " + std::string(key));
}

void JobOptions::copy_texts(std::initializer_list<std::pair<std::string_view, std::string*>> targets) const {
  for (const auto& [key, target] : targets) {
    if (auto value = word(key)) *target = std::move(*value);
  }
}

void JobOptions::copy_numbers(std::initializer_list<std::pair<std::string_view, double*>> targets) const {
  for (const auto& [key, target] : targets) {
    if (const auto value = number(key)) *target = *value;
  }
}

unsigned JobOptions::threads() const {
  const std::optional<double> n = number("threads");
  if (!n) return kDefaultThreads;
  if (*n != std::floor(*n) || *n > std::numeric_limits<unsigned>::max()) {
    throw UsageError("option 'threads': '" + text("threads") + "' is not a whole number of threads");
  }
  return static_cast<unsigned>(*n);
}

OutputFormat JobOptions::format() const {
  const std::optional<std::string> v = word("format");
  if (!v || *v == "table") return OutputFormat::Text;
  const OutputFormat f = parse_output_format(*v);
  if (is_binary_format(f)) {
    throw UsageError("option 'format': " + *v + " is a binary workbook, not a text: give table, json, csv or md");
  }
  return f;
}

ReadOptions JobOptions::read_options() const {
  ReadOptions o;
  o.layer = text("layer");
  o.assume_crs = text("assume-crs");
  o.encoding = text("encoding");
  if (const auto invalid = word("invalid")) o.invalid = parse_invalid_policy(*invalid);
  o.trust_crs = flag("trust-crs");
  if (const auto tolerance = number("repair-tolerance")) o.repair_tolerance_percent = *tolerance;
  o.threads = threads();
  return o;
}

}  // namespace redline::capi

using redline::capi::guarded;
using redline::capi::require;

extern "C" {

redline_options_t* redline_options_create(void) { return new (std::nothrow) redline_options_t(); }

void redline_options_destroy(redline_options_t* options) { delete options; }

redline_status_t redline_options_set(redline_context_t* ctx, redline_options_t* options, const char* key,
                                     const char* value) {
  return guarded(ctx, REDLINE_ERROR, [&] {
    require(options, "options");
    require(key, "key");
    require(value, "value");
    const std::string k = key;
    if (k.empty()) throw redline::UsageError("the option key is empty");
    auto& entries = options->entries;
    const bool repeatable = std::find(std::begin(redline::capi::kRepeatable), std::end(redline::capi::kRepeatable),
                                      k) != std::end(redline::capi::kRepeatable);
    if (!repeatable) {
      entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == k; }),
                    entries.end());
    }
    entries.emplace_back(k, value);
    return REDLINE_OK;
  });
}

}  // extern "C"
