#include "redline/report/overlay_layer.h"

#include "redline/io/writer.h"
#include "report/output_fields.h"

namespace redline {

void write_overlay_layer(const OverlayResult& r, const Layer& a, const Layer& b, const std::string& path, AreaUnit unit) {
  std::vector<Field> fields = a.fields;
  for (const Field& f : b.fields) detail::add_field(fields, f.name, f.type, f.width, f.precision);
  detail::add_field(fields, "area_" + unit_name(unit), FieldType::Real);
  GeoPackageWriter out(path, {a.source, b.source});
  out.begin_layer(overlay_op_name(r.op), r.crs, fields);
  std::vector<Value> values;
  for (const OverlayFeature& f : r.features) {
    values.clear();
    if (f.a) {
      values = a.features[*f.a].values;
    } else {
      values.resize(a.fields.size());
    }
    if (f.b) {
      const auto& bv = b.features[*f.b].values;
      values.insert(values.end(), bv.begin(), bv.end());
    } else {
      values.resize(values.size() + b.fields.size());
    }
    values.emplace_back(from_square_metres(f.area_m2, unit));
    out.add_feature(f.geometry, values);
  }
  out.commit();
}

}  // namespace redline
