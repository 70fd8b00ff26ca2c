#pragma once
// redline::Error: the one exception type of the library.
//
// Every failure that a user can act on (a file that cannot be read, a feature whose geometry
// cannot be used, an option that makes no sense) is thrown as an Error or one of its kinds. It
// carries where the problem is (file, layer, feature id) so that a one-line message can name
// them; the CLI maps the kind to an exit code. A failed *check* is never an Error: it is a
// result with its figures (see redline/checks).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace redline {

/// Where in the input a problem lies. Any part may be unknown (empty / nullopt).
struct Location {
  std::string file;                ///< path as given by the user
  std::string layer;               ///< layer name inside the source
  std::optional<std::int64_t> feature;  ///< feature id (FID) inside the layer
  std::string field;               ///< attribute field, when the problem is an attribute
};

/// What kind of problem an Error reports; the CLI turns it into an exit code.
enum class ErrorKind {
  Usage,     ///< options or arguments that make no sense (exit code 2)
  Input,     ///< unreadable, malformed or unsuitable input data (exit code 2)
  Output,    ///< an output could not be written (exit code 3)
  Internal,  ///< a dependency failed where it should not have (exit code 4)
};

/// Base of every exception redline throws. what() is a complete one-line message:
/// "FILE: layer LAYER: feature FID: REASON" with the known parts only.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string reason, Location where = {});

  ErrorKind kind() const noexcept { return kind_; }
  const Location& where() const noexcept { return where_; }
  /// Returns the reason alone, without the location prefix.
  const std::string& reason() const noexcept { return reason_; }

 private:
  ErrorKind kind_;
  std::string reason_;
  Location where_;
};

/// Bad options or arguments.
class UsageError : public Error {
 public:
  explicit UsageError(std::string reason, Location where = {})
      : Error(ErrorKind::Usage, std::move(reason), std::move(where)) {}
};

/// Input data that cannot be read or used as asked.
class InputError : public Error {
 public:
  explicit InputError(std::string reason, Location where = {})
      : Error(ErrorKind::Input, std::move(reason), std::move(where)) {}
};

/// An output file or layer that cannot be written.
class OutputError : public Error {
 public:
  explicit OutputError(std::string reason, Location where = {})
      : Error(ErrorKind::Output, std::move(reason), std::move(where)) {}
};

/// A dependency (GEOS, GDAL, PROJ) failed unexpectedly.
class InternalError : public Error {
 public:
  explicit InternalError(std::string reason, Location where = {})
      : Error(ErrorKind::Internal, std::move(reason), std::move(where)) {}
};

/// Returns the one-line "FILE: layer L: feature N: field F" prefix for a location ("" if empty).
std::string describe(const Location& where);

}  // namespace redline
