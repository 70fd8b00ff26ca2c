#include "redline/report/drift_layers.h"

#include "redline/io/writer.h"

namespace redline {

void write_drift_layers(const DriftResult& r, const std::string& path, AreaUnit unit) {
  const std::string area_field = "area_" + unit_name(unit);
  const std::vector<Field> change_fields = {{"change", FieldType::Text, 16, 0},
                                            {area_field, FieldType::Real, 0, 0},
                                            {"before_key", FieldType::Text, 0, 0},
                                            {"after_key", FieldType::Text, 0, 0}};
  std::vector<Field> class_fields = change_fields;
  class_fields.push_back({"class_from", FieldType::Text, 0, 0});
  class_fields.push_back({"class_to", FieldType::Text, 0, 0});

  GeoPackageWriter out(path, {r.before.source, r.after.source});
  struct LayerSpec {
    const char* name;
    DriftPiece::Kind kind;
  };
  for (const LayerSpec& spec : {LayerSpec{"gained", DriftPiece::Kind::Gained}, LayerSpec{"lost", DriftPiece::Kind::Lost},
                                LayerSpec{"reclassified", DriftPiece::Kind::Reclassified}}) {
    const bool with_class = spec.kind == DriftPiece::Kind::Reclassified;
    out.begin_layer(spec.name, r.crs, with_class ? class_fields : change_fields);
    for (const DriftPiece& p : r.pieces) {
      if (p.kind != spec.kind) continue;
      std::vector<Value> values = {p.change, from_square_metres(p.m2, unit), p.before_key, p.after_key};
      if (with_class) {
        values.emplace_back(p.from);
        values.emplace_back(p.to);
      }
      out.add_feature(p.geometry, values);
    }
  }
  out.commit();
}

}  // namespace redline
