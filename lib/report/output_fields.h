#pragma once
// Private: field lists of the layers the report writers write (coverage, overlay).
#include <string>
#include <vector>

#include "redline/io/feature.h"

namespace redline::detail {

/// Returns `name`, or `name` + "_2", "_3"... when `fields` already has it (case-insensitive, as
/// GeoPackage and shapefile field names are).
std::string unique_field_name(const std::vector<Field>& fields, const std::string& name);

/// Appends a field named unique_field_name(fields, name); returns its index.
std::size_t add_field(std::vector<Field>& fields, const std::string& name, FieldType type, int width = 0,
                      int precision = 0);

}  // namespace redline::detail
