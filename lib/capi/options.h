#pragma once
// Private: how a C API job reads its options (redline_options_t) - each key checked against
// the keys the job takes, each value parsed by the library's own parsers.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capi/handles.h"
#include "redline/io/layer.h"
#include "redline/report/table.h"

namespace redline::capi {

/// The options of one job. The constructor refuses (UsageError) a key no job knows and a key
/// this job does not take, naming the keys it takes; a null `options` is the empty set.
class JobOptions {
 public:
  JobOptions(const redline_options_t* options, std::string job, std::initializer_list<std::string_view> keys);

  /// Returns the last value of `key`, or nullopt when it was not set.
  std::optional<std::string> word(std::string_view key) const;
  /// Returns the value of `key`, or "" when it was not set.
  std::string text(std::string_view key) const;
  /// Returns every value of a repeatable key, in the order set.
  std::vector<std::string> words(std::string_view key) const;
  /// Returns a flag: "true" or "false" (UsageError otherwise); false when not set.
  bool flag(std::string_view key) const;
  /// Returns a non-negative decimal number (parse_decimal), or nullopt when not set.
  std::optional<double> number(std::string_view key) const;
  /// Sets each string to the value of its key, where the key was given.
  void copy_texts(std::initializer_list<std::pair<std::string_view, std::string*>> targets) const;
  /// Sets each number to the value of its key (parse_decimal), where the key was given.
  void copy_numbers(std::initializer_list<std::pair<std::string_view, double*>> targets) const;
  /// Returns "threads": a whole number, 0 for every core; kDefaultThreads when not set.
  unsigned threads() const;
  /// Returns "format": table (DEFAULT), json, csv or md; a binary format is refused.
  OutputFormat format() const;
  /// Returns the reading settings: "layer", "assume-crs", "trust-crs", "encoding", "invalid",
  /// "repair-tolerance", "threads", those this job takes.
  ReadOptions read_options() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace redline::capi
