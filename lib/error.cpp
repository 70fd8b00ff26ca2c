#include "redline/error.h"

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

namespace {
std::string compose(const std::string& reason, const Location& where) {
  const std::string prefix = describe(where);
  return prefix.empty() ? reason : prefix + ": " + reason;
}
}  // namespace

Error::Error(ErrorKind kind, std::string reason, Location where)
    : std::runtime_error(compose(reason, where)),
      kind_(kind),
      reason_(std::move(reason)),
      where_(std::move(where)) {}

}  // namespace redline
