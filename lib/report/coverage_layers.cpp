#include "redline/report/coverage_layers.h"

#include "redline/io/writer.h"
#include "report/output_fields.h"

namespace redline {

void write_coverage_layers(const CoverageResult& r, const Layer& target, const std::string& path, AreaUnit unit) {
  std::vector<Field> fields = target.fields;
  const std::string u = unit_name(unit);
  detail::add_field(fields, "area_" + u, FieldType::Real, 0, 0);
  detail::add_field(fields, "feature_" + u, FieldType::Real, 0, 0);
  detail::add_field(fields, "pct", FieldType::Real, 0, 0);

  GeoPackageWriter out(path, {r.target.source, r.cover.source});
  for (const bool inside : {true, false}) {
    out.begin_layer(inside ? "inside" : "outside", r.crs, fields);
    for (const FeatureCoverage& f : r.features) {
      const Geometry& g = inside ? f.inside : f.outside;
      const double part = inside ? f.inside_m2 : f.outside_m2;
      if (g.is_empty() || part <= 0) continue;
      std::vector<Value> values = target.features[f.index].values;
      values.emplace_back(from_square_metres(part, unit));
      values.emplace_back(from_square_metres(f.area_m2, unit));
      values.emplace_back(f.area_m2 > 0 ? 100.0 * part / f.area_m2 : 0.0);
      out.add_feature(g, values);
    }
  }
  out.commit();
}

}  // namespace redline
