#pragma once
// Private: a layer's fields and each feature's attribute values as redline types, text decoded
// and checked in the layer's encoding (io/attribute_encoding.h).
#include <vector>

#include "io/attribute_encoding.h"
#include "io/gdal_dataset.h"
#include "redline/error.h"
#include "redline/io/feature.h"

namespace redline::detail {

/// Returns the redline type of an OGR field type: integers, reals, and text for all others.
FieldType field_type(OGRFieldType type);

/// Returns the fields of `defn`, names decoded. Throws InputError at `where` for a name that
/// cannot be decoded.
std::vector<Field> read_fields(const OGRFeatureDefn& defn, AttributeDecoder& decoder,
                               const Location& where);

/// Returns the values of `feature` (null or unset fields as monostate), text decoded.
/// `fields` are read_fields()'s; `where` names the feature. Throws InputError naming the field
/// for text that cannot be decoded.
std::vector<Value> read_values(OGRFeature& feature, const std::vector<Field>& fields,
                               AttributeDecoder& decoder, const Location& where);

}  // namespace redline::detail
