// The drift map: what a red line gained, lost and had reclassified between two versions.
#include <fmt/format.h>

#include "redline/io/reproject.h"
#include "redline/measure/area.h"
#include "redline/report/map_builders.h"

namespace redline {
namespace {

// Colours readers with red-green colour blindness still tell apart: blue, red, amber.
constexpr MapColour kGainedFill{0.13, 0.40, 0.85, 0.85}, kGainedEdge{0.05, 0.20, 0.55, 1};
constexpr MapColour kLostFill{0.85, 0.12, 0.12, 0.85}, kLostEdge{0.50, 0.02, 0.02, 1};
constexpr MapColour kReclassFill{0.98, 0.68, 0.10, 0.85}, kReclassEdge{0.65, 0.40, 0.0, 1};

std::string hectares(double m2) { return fmt::format("{:.2f} ha", m2 / 1e4); }

// Features of `layer` in `crs` (reprojected copies when the layer is in another CRS).
std::vector<MapFeature> features_in(const Layer& layer, const Crs& crs) {
  const Layer* source = &layer;
  Layer copy;
  if (crs.is_known() && layer.crs.is_known() && !layer.crs.equivalent_to(crs)) {
    copy = layer.clone();
    reproject_layer(copy, crs);
    source = &copy;
  }
  std::vector<MapFeature> features;
  features.reserve(source->features.size());
  for (const Feature& f : source->features) {
    if (f.geometry.is_null()) continue;
    features.push_back({f.geometry.clone(), ""});
  }
  return features;
}

MapLayer piece_layer(const DriftResult& result, DriftPiece::Kind kind, std::string name, MapColour fill,
                     MapColour edge) {
  MapLayer layer;
  layer.name = std::move(name);
  layer.style.fill = fill;
  layer.style.stroke = edge;
  layer.style.line_width = 0.9;
  layer.style.circle_below = 8;
  layer.labelled = true;
  layer.highlight = true;
  for (const DriftPiece& piece : result.pieces) {
    if (piece.kind != kind) continue;
    const std::string& key = kind == DriftPiece::Kind::Lost ? piece.before_key : piece.after_key;
    layer.features.push_back({piece.geometry.clone(), key.empty() ? piece.before_key : key});
  }
  return layer;
}

}  // namespace

MapSpec map_of_drift(const DriftResult& result, const Layer& before, const Layer& after) {
  MapSpec map;
  map.crs = result.crs;
  map.method = method_name(result.method);
  map.title = fmt::format("红线变化 Drift: {} → {}", result.before.layer, result.after.layer);
  map.subtitle.push_back(fmt::format("{} (layer {}) → {} (layer {})", result.before.source, result.before.layer,
                                     result.after.source, result.after.layer));
  map.subtitle.push_back(fmt::format(
      "before {}, after {} ({:+.2f} ha); gained {}, lost {}, reclassified {}; features: {} added, {} removed, "
      "{} modified",
      hectares(result.before_m2), hectares(result.after_m2), result.delta_m2() / 1e4,
      hectares(result.gained_real_m2()), hectares(result.lost_real_m2()), hectares(result.reclassified_m2()),
      result.features.added, result.features.removed, result.features.modified));

  MapLayer after_layer;
  after_layer.name = fmt::format("{} (after)", result.after.layer);
  after_layer.style.fill = {0.86, 0.93, 0.84, 1};
  after_layer.style.stroke = {0.45, 0.55, 0.45, 1};
  after_layer.style.line_width = 0.4;
  after_layer.features = features_in(after, result.crs);
  MapLayer before_layer;
  before_layer.name = fmt::format("{} (before, outline)", result.before.layer);
  before_layer.style.fill = {0, 0, 0, 0};
  before_layer.style.stroke = {0.25, 0.25, 0.25, 1};
  before_layer.style.line_width = 0.5;
  before_layer.style.dashed = true;
  before_layer.features = features_in(before, result.crs);
  map.layers.push_back(std::move(after_layer));
  map.layers.push_back(std::move(before_layer));
  if (!result.class_field.empty()) {
    map.layers.push_back(piece_layer(result, DriftPiece::Kind::Reclassified,
                                     fmt::format("改变类型 reclassified ({})", result.class_field), kReclassFill,
                                     kReclassEdge));
  }
  map.layers.push_back(piece_layer(result, DriftPiece::Kind::Lost, "减少 lost (removed, shrunk)", kLostFill, kLostEdge));
  map.layers.push_back(
      piece_layer(result, DriftPiece::Kind::Gained, "新增 gained (added, expanded)", kGainedFill, kGainedEdge));
  if (result.pieces.empty() && (result.gained_real_m2() > 0 || result.lost_real_m2() > 0)) {
    map.notes.push_back("The pieces of change were not kept by this run: only the outlines are drawn.");
  }
  map.notes.push_back("Labels: the key of the feature a piece of change comes from; small pieces are circled.");
  return map;
}

}  // namespace redline
