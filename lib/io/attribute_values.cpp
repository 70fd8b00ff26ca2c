#include "io/attribute_values.h"

#include <cstdint>
#include <string>
#include <utility>

namespace redline::detail {

namespace {

Value read_value(OGRFeature& f, int i, const OGRFieldDefn& defn) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (defn.GetType()) {
    case OFTInteger:
    case OFTInteger64: return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal: return f.GetFieldAsDouble(i);
    default: return std::string(f.GetFieldAsString(i));
  }
}

}  // namespace

FieldType field_type(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    default: return FieldType::Text;
  }
}

std::vector<Field> read_fields(const OGRFeatureDefn& defn, AttributeDecoder& decoder,
                               const Location& where) {
  std::vector<Field> fields;
  const int count = defn.GetFieldCount();
  fields.reserve(count);
  for (int i = 0; i < count; ++i) {
    const OGRFieldDefn* fd = defn.GetFieldDefn(i);
    fields.push_back(Field{decoder.decode(fd->GetNameRef(), where, "field name"),
                           field_type(fd->GetType()), fd->GetWidth(), fd->GetPrecision()});
  }
  return fields;
}

std::vector<Value> read_values(OGRFeature& feature, const std::vector<Field>& fields,
                               AttributeDecoder& decoder, const Location& where) {
  const OGRFeatureDefn& defn = *feature.GetDefnRef();
  std::vector<Value> values;
  values.reserve(fields.size());
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    Value v = read_value(feature, i, *defn.GetFieldDefn(i));
    if (auto* s = std::get_if<std::string>(&v)) {
      Location at = where;
      at.field = fields[i].name;
      *s = decoder.decode(*s, at, "the value");
    }
    values.push_back(std::move(v));
  }
  return values;
}

}  // namespace redline::detail
