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
#include <utility>

#include "redline/export.h"

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

/// A setting the user can give to get past an error. Library messages never name a command-line
/// flag (a rules-file user never typed one): the reason says what is wrong, the hint says which
/// setting helps, and each front end spells it in its own terms (redline's CLI as a flag).
enum class HintKind {
  None,
  AssumeCrs,        ///< declare the source's CRS; value: the likely CRS ("EPSG:4527") or ""
  ChooseLayer,      ///< name the layer to read among several
  DeclareEncoding,  ///< declare the attribute encoding; value: the likely one ("GBK") or ""
  InvalidPolicy,    ///< repair or skip invalid polygons instead of failing
  ClassField,       ///< name the attribute that holds the classes
  Deliveries,       ///< give the deliveries that stand for {delivery} in the rules' paths
};

/// What the user can do about an error (see HintKind).
struct Hint {
  HintKind kind = HintKind::None;  // DEFAULT: no hint
  std::string value;               ///< suggested value for the setting; may be empty
};

/// Base of every exception redline throws. what() is a complete one-line message:
/// "FILE: layer LAYER: feature FID: REASON; HINT" with the known parts only, the hint in neutral
/// words (describe(const Hint&)).
class REDLINE_EXPORT Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string reason, Location where = {}, Hint hint = {});

  ErrorKind kind() const noexcept { return kind_; }
  const Location& where() const noexcept { return where_; }
  /// Returns the reason alone, without the location prefix and the hint.
  const std::string& reason() const noexcept { return reason_; }
  /// Returns what the user can set to get past the error (kind None when nothing).
  const Hint& hint() const noexcept { return hint_; }

  /// Returns a copy of this error of the same kind, reason and hint, whose location has the parts
  /// it lacked filled in from `fill_in` (see fill_location). Throwing the copy throws an Error,
  /// not the derived class: use rethrow_with_location to keep `catch (const InputError&)` working.
  Error with_location(const Location& fill_in) const;

 private:
  ErrorKind kind_;
  std::string reason_;
  Location where_;
  Hint hint_;
};

/// Bad options or arguments.
class REDLINE_EXPORT UsageError : public Error {
 public:
  explicit UsageError(std::string reason, Location where = {}, Hint hint = {})
      : Error(ErrorKind::Usage, std::move(reason), std::move(where), std::move(hint)) {}
};

/// Input data that cannot be read or used as asked.
class REDLINE_EXPORT InputError : public Error {
 public:
  explicit InputError(std::string reason, Location where = {}, Hint hint = {})
      : Error(ErrorKind::Input, std::move(reason), std::move(where), std::move(hint)) {}
};

/// An output file or layer that cannot be written.
class REDLINE_EXPORT OutputError : public Error {
 public:
  explicit OutputError(std::string reason, Location where = {}, Hint hint = {})
      : Error(ErrorKind::Output, std::move(reason), std::move(where), std::move(hint)) {}
};

/// A dependency (GEOS, GDAL, PROJ) failed unexpectedly.
class REDLINE_EXPORT InternalError : public Error {
 public:
  explicit InternalError(std::string reason, Location where = {}, Hint hint = {})
      : Error(ErrorKind::Internal, std::move(reason), std::move(where), std::move(hint)) {}
};

/// Returns the one-line "FILE: layer L: feature N: field F" prefix for a location ("" if empty).
REDLINE_EXPORT std::string describe(const Location& where);

/// Returns the hint in words that name no front end's flags or keys ("" for HintKind::None).
REDLINE_EXPORT std::string describe(const Hint& hint);

/// Returns `text` on one line, as every front end shows an error: newlines and tabs become
/// spaces, other control characters (terminal escapes in a file name) are shown as \xHH, and
/// trailing spaces are dropped.
REDLINE_EXPORT std::string one_line(const std::string& text);

/// Returns `known` with its missing parts taken from `fill_in`, part by part from the file down:
/// a part is filled only while every part above it is missing or equal in both, so a location in
/// another file or layer is never mixed with this one. Parts already known are never replaced.
REDLINE_EXPORT Location fill_location(Location known, const Location& fill_in);

/// Throws `e` again with the same kind (as UsageError, InputError, OutputError or InternalError),
/// reason and hint, its location completed from `fill_in` (fill_location). For catch sites that
/// know where they are (a feature of a layer) but not what went wrong: an internal failure stays
/// internal, a feature already named stays named.
[[noreturn]] void rethrow_with_location(const Error& e, const Location& fill_in);

/// The same, with `reason` instead of e.reason() (to say what was being done: "check 2: ...").
[[noreturn]] void rethrow_with_location(const Error& e, const Location& fill_in, std::string reason);

}  // namespace redline
