#include "redline/report/qa_layers.h"

#include <algorithm>

#include "redline/io/writer.h"
#include "report/output_fields.h"
#include "report/qa_ids.h"

namespace redline {

void write_qa_layers(const QaResult& r, const std::string& path, AreaUnit unit) {
  std::vector<std::string> inputs{r.origin.source};
  if (r.within) inputs.push_back(r.within->source);
  std::vector<Field> fields;
  detail::add_field(fields, "features", FieldType::Text);
  detail::add_field(fields, "fids", FieldType::Text);
  detail::add_field(fields, "x", FieldType::Real);
  detail::add_field(fields, "y", FieldType::Real);
  detail::add_field(fields, "area_" + unit_name(unit), FieldType::Real);
  detail::add_field(fields, "detail", FieldType::Text);
  GeoPackageWriter out(path, inputs);
  for (QaFindingKind kind : r.checked) {
    std::string name = qa_kind_name(kind);
    std::replace(name.begin(), name.end(), '-', '_');
    out.begin_layer(name, r.crs, fields);
    for (const QaFinding& f : r.findings) {
      if (f.kind != kind) continue;
      std::vector<Value> values;
      values.emplace_back(detail::qa_ids_text(f, r.options.key_field));
      values.emplace_back(detail::qa_fids_text(f));
      values.emplace_back(f.x ? Value(*f.x) : Value());
      values.emplace_back(f.y ? Value(*f.y) : Value());
      values.emplace_back(f.area_m2 ? Value(from_square_metres(*f.area_m2, unit)) : Value());
      values.emplace_back(f.detail);
      out.add_feature(f.geometry, values);
    }
  }
  out.commit();
}

}  // namespace redline
