#pragma once
// Features and attribute values as redline reads them from any OGR vector source.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// The attribute types redline distinguishes. Dates and times are read as text (ISO 8601).
enum class FieldType { Integer, Real, Text };

/// An attribute field of a layer.
struct Field {
  std::string name;  ///< UTF-8
  FieldType type = FieldType::Text;
  int width = 0;      ///< declared width (0 when the format has none)
  int precision = 0;  ///< declared decimals for Real fields
};

/// One attribute value: null, integer, real or UTF-8 text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Returns the value as text ("" for null; reals with up to 15 significant digits).
REDLINE_EXPORT std::string to_string(const Value& value);

/// Returns true for a value that can key nothing: null, or a real that is NaN. Grouping keeps
/// such features in a group of their own, apart from empty text (""); matching by key never
/// pairs them, not even with each other.
REDLINE_EXPORT bool is_missing(const Value& value);

/// A feature: its id in the source (FID), its polygonal geometry and its attribute values in
/// the order of the layer's fields.
struct Feature {
  std::int64_t fid = 0;
  Geometry geometry;         ///< Polygon or MultiPolygon, 2D; null or empty when the source had none
  std::vector<Value> values;
  Geometry original;         ///< the invalid geometry before repair; null unless repaired
};

}  // namespace redline
