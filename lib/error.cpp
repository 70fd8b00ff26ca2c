#include "redline/error.h"

#include <cstdio>

namespace redline {

std::string describe(const Location& where) {
  std::string out = where.file;
  auto add = [&out](const std::string& part) {
    if (!out.empty()) out += ": ";
    out += part;
  };
  if (!where.layer.empty()) add("layer " + where.layer);
  if (where.feature) add("feature " + std::to_string(*where.feature));
  if (!where.field.empty()) add("field " + where.field);
  return out;
}

std::string describe(const Hint& hint) {
  switch (hint.kind) {
    case HintKind::None: return "";
    case HintKind::AssumeCrs:
      return hint.value.empty() ? "declare the source's CRS (e.g. EPSG:4527)"
                                : "if so, declare its CRS as " + hint.value;
    case HintKind::ChooseLayer: return "choose one";
    case HintKind::DeclareEncoding:
      return hint.value.empty() ? "declare the file's encoding"
                                : "declare the file's encoding (" + hint.value + " for most Chinese shapefiles)";
    case HintKind::InvalidPolicy: return "repair or skip invalid polygons to go on";
    case HintKind::ClassField: return "name the attribute that holds the classes";
    case HintKind::Deliveries: return "give the deliveries";
  }
  return "";
}

std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (u < 0x20 || u == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Location fill_location(Location known, const Location& fill_in) {
  // Each part belongs to the one above it: a feature id of another layer names another feature.
  if (!known.file.empty() && !fill_in.file.empty() && known.file != fill_in.file) return known;
  if (known.file.empty()) known.file = fill_in.file;
  if (!known.layer.empty() && !fill_in.layer.empty() && known.layer != fill_in.layer) return known;
  if (known.layer.empty()) known.layer = fill_in.layer;
  if (known.feature && fill_in.feature && *known.feature != *fill_in.feature) return known;
  if (!known.feature) known.feature = fill_in.feature;
  if (known.field.empty()) known.field = fill_in.field;
  return known;
}

namespace {
std::string compose(const std::string& reason, const Location& where, const Hint& hint) {
  const std::string prefix = describe(where);
  const std::string advice = describe(hint);
  std::string out = prefix.empty() ? reason : prefix + ": " + reason;
  if (!advice.empty()) out += "; " + advice;
  return out;
}
}  // namespace

Error::Error(ErrorKind kind, std::string reason, Location where, Hint hint)
    : std::runtime_error(compose(reason, where, hint)),
      kind_(kind),
      reason_(std::move(reason)),
      where_(std::move(where)),
      hint_(std::move(hint)) {}

Error Error::with_location(const Location& fill_in) const {
  return Error(kind_, reason_, fill_location(where_, fill_in), hint_);
}

void rethrow_with_location(const Error& e, const Location& fill_in, std::string reason) {
  Location where = fill_location(e.where(), fill_in);
  Hint hint = e.hint();
  switch (e.kind()) {
    case ErrorKind::Usage: throw UsageError(std::move(reason), std::move(where), std::move(hint));
    case ErrorKind::Input: throw InputError(std::move(reason), std::move(where), std::move(hint));
    case ErrorKind::Output: throw OutputError(std::move(reason), std::move(where), std::move(hint));
    case ErrorKind::Internal: break;
  }
  // Internal, and any kind added later: never downgraded to an input problem.
  throw InternalError(std::move(reason), std::move(where), std::move(hint));
}

void rethrow_with_location(const Error& e, const Location& fill_in) {
  rethrow_with_location(e, fill_in, e.reason());
}

}  // namespace redline
