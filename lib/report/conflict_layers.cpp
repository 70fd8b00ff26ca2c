#include "redline/report/conflict_layers.h"

#include <fmt/format.h>

#include "redline/io/writer.h"

namespace redline {

bool has_conflict_layers(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results) {
    if (r.conflicts) return true;
  }
  return false;
}

void write_conflict_layers(const std::vector<CheckResult>& results, const std::string& path,
                           const std::vector<std::string>& inputs) {
  if (!has_conflict_layers(results)) {
    throw UsageError("no check of this run finds conflict pieces (no-overlap, max-inside, no-gaps): nothing to write",
                     Location{path, "", std::nullopt, ""});
  }
  GeoPackageWriter out(path, inputs);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const ConflictGeometries* g = results[i].conflicts.get();
    if (!g) continue;
    const Field area{"area_" + g->area_unit, FieldType::Real};
    switch (results[i].kind) {
      case CheckKind::NoOverlap:
        out.begin_layer(fmt::format("check{}_overlaps", i + 1), g->crs,
                        {{"with", FieldType::Text}, {"first", FieldType::Text}, {"second", FieldType::Text}, area});
        for (const ConflictPiece& p : g->overlaps) out.add_feature(p.piece, {p.with, p.first, p.second, p.area});
        break;
      case CheckKind::MaxInside:
        out.begin_layer(fmt::format("check{}_inside", i + 1), g->crs,
                        {{"within", FieldType::Text}, {"feature", FieldType::Text}, area});
        for (const ConflictPiece& p : g->inside) out.add_feature(p.piece, {p.with, p.first, p.area});
        break;
      case CheckKind::NoGaps:
        out.begin_layer(fmt::format("check{}_gaps", i + 1), g->crs, {area});
        for (const ConflictPiece& p : g->gaps) out.add_feature(p.piece, {p.area});
        break;
      default:
        throw InternalError(fmt::format("check {} holds conflict pieces but is a {} check", i + 1,
                                        kind_name(results[i].kind)));
    }
  }
  out.commit();
}

}  // namespace redline
