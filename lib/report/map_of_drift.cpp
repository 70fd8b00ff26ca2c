// The drift map: what a red line gained, lost and had reclassified between two versions.
#include <fmt/format.h>

#include "redline/measure/area.h"
#include "redline/report/map_builders.h"
#include "report/map_layers.h"

namespace redline {
namespace {

std::string hectares(double m2) { return fmt::format("{:.2f} ha", m2 / 1e4); }

MapLayer piece_layer(const DriftResult& result, DriftPiece::Kind kind, std::string name, MapColour fill,
                     MapColour edge) {
  MapLayer layer = detail::highlight_layer(std::move(name), fill, edge, 8);
  for (const DriftPiece& piece : result.pieces) {
    if (piece.kind != kind) continue;
    const std::string& key = kind == DriftPiece::Kind::Lost ? piece.before_key : piece.after_key;
    layer.features.push_back({piece.geometry.clone(), key.empty() ? piece.before_key : key});
  }
  return layer;
}

}  // namespace

MapSpec map_of_drift(const DriftResult& result, const Layer& before, const Layer& after) {
  MapSpec map = detail::map_of_two_layers(
      result.crs, result.method, fmt::format("红线变化 Drift: {} → {}", result.before.layer, result.after.layer),
      result.before, "→", result.after);
  map.subtitle.push_back(fmt::format(
      "before {}, after {} ({:+.2f} ha); gained {}, lost {}, reclassified {}; features: {} added, {} removed, "
      "{} modified",
      hectares(result.before_m2), hectares(result.after_m2), result.delta_m2() / 1e4,
      hectares(result.gained_real_m2()), hectares(result.lost_real_m2()), hectares(result.reclassified_m2()),
      result.features.added, result.features.removed, result.features.modified));

  MapLayer after_layer = detail::base_layer(fmt::format("{} (after)", result.after.layer), after, result.crs);
  MapLayer before_layer;
  before_layer.name = fmt::format("{} (before, outline)", result.before.layer);
  before_layer.style.fill = {0, 0, 0, 0};
  before_layer.style.stroke = {0.25, 0.25, 0.25, 1};
  before_layer.style.line_width = 0.5;
  before_layer.style.dashed = true;
  before_layer.features = detail::map_features_in(before, result.crs);
  map.layers.push_back(std::move(after_layer));
  map.layers.push_back(std::move(before_layer));
  if (!result.class_field.empty()) {
    map.layers.push_back(piece_layer(result, DriftPiece::Kind::Reclassified,
                                     fmt::format("改变类型 reclassified ({})", result.class_field), detail::kReclassFill,
                                     detail::kReclassEdge));
  }
  map.layers.push_back(piece_layer(result, DriftPiece::Kind::Lost, "减少 lost (removed, shrunk)", detail::kLostFill,
                                   detail::kLostEdge));
  map.layers.push_back(piece_layer(result, DriftPiece::Kind::Gained, "新增 gained (added, expanded)",
                                   detail::kGainedFill, detail::kGainedEdge));
  if (result.pieces.empty() && (result.gained_real_m2() > 0 || result.lost_real_m2() > 0)) {
    map.notes.push_back("The pieces of change were not kept by this run: only the outlines are drawn.");
  }
  map.notes.push_back("Labels: the key of the feature a piece of change comes from; small pieces are circled.");
  return map;
}

}  // namespace redline
