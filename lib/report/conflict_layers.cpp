#include "redline/report/conflict_layers.h"

#include <fmt/format.h>

#include "redline/io/writer.h"

namespace redline {

namespace {

bool is_conflict_kind(CheckKind kind) {
  return kind == CheckKind::NoOverlap || kind == CheckKind::MaxInside || kind == CheckKind::NoGaps;
}

}  // namespace

bool has_conflict_layers(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results) {
    if (r.geometries && is_conflict_kind(r.kind)) return true;
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
    const CheckGeometries* g = results[i].geometries.get();
    if (!g || !is_conflict_kind(results[i].kind)) continue;  // the other kinds' pieces are for maps
    const Field area{"area_" + g->unit, FieldType::Real};
    switch (results[i].kind) {
      case CheckKind::NoOverlap:
        out.begin_layer(fmt::format("check{}_overlaps", i + 1), g->crs,
                        {{"with", FieldType::Text}, {"first", FieldType::Text}, {"second", FieldType::Text}, area});
        for (const CheckPiece& p : g->overlaps) out.add_feature(p.piece, {p.with, p.first, p.second, p.figure});
        break;
      case CheckKind::MaxInside:
        out.begin_layer(fmt::format("check{}_inside", i + 1), g->crs,
                        {{"within", FieldType::Text}, {"feature", FieldType::Text}, area});
        for (const CheckPiece& p : g->inside) out.add_feature(p.piece, {p.with, p.first, p.figure});
        break;
      case CheckKind::NoGaps:
        out.begin_layer(fmt::format("check{}_gaps", i + 1), g->crs, {area});
        for (const CheckPiece& p : g->gaps) out.add_feature(p.piece, {p.figure});
        break;
      default: break;
    }
  }
  out.commit();
}

}  // namespace redline
