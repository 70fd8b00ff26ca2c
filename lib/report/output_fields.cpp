#include "report/output_fields.h"

#include <algorithm>

#include "util/text.h"

namespace redline::detail {

namespace {
bool has(const std::vector<Field>& fields, const std::string& name) {
  const std::string n = ascii_lower(name);
  return std::any_of(fields.begin(), fields.end(), [&](const Field& f) { return ascii_lower(f.name) == n; });
}
}  // namespace

std::string unique_field_name(const std::vector<Field>& fields, const std::string& name) {
  if (!has(fields, name)) return name;
  for (int k = 2;; ++k) {
    std::string candidate = name + "_" + std::to_string(k);
    if (!has(fields, candidate)) return candidate;
  }
}

std::size_t add_field(std::vector<Field>& fields, const std::string& name, FieldType type, int width,
                      int precision) {
  fields.push_back(Field{unique_field_name(fields, name), type, width, precision});
  return fields.size() - 1;
}

}  // namespace redline::detail
