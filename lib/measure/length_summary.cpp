#include "redline/measure/length_summary.h"

#include "measure/feature_groups.h"

namespace redline {

namespace {

using LengthMeasurer = detail::LayerMeasurer<LengthSummary, LengthCalculator, FeatureLength, GroupLength>;

// The lengths of a line layer, batch after batch, as areas are. Throws for a polygon layer, an
// unknown field, a method the CRS refuses.
LengthMeasurer length_measurer(const Layer& layer, const LengthOptions& options) {
  if (layer.geometry != LayerGeometry::Lines) {
    throw InputError("the layer holds polygons, not lines: lengths are measured on lines; measure "
                     "polygons by area (redline area)",
                     layer.where());
  }
  return {layer,
          options,
          [crs = layer.crs, method = options.method] { return LengthCalculator(crs, method); },
          [](const LengthCalculator& calc, const Feature& f, double&) { return calc.length(f.geometry); },
          &FeatureLength::m,
          &GroupLength::m,
          &LengthSummary::total_m,
          nullptr};
}

}  // namespace

LengthSummary summarize_lengths(const Layer& layer, const LengthOptions& options) {
  return detail::summarize_layer(layer, [&options](const Layer& l) { return length_measurer(l, options); });
}

LengthSummary summarize_lengths(const std::string& path, const ReadOptions& read, const LengthOptions& options) {
  return detail::summarize_stream(path, read, [&options](const Layer& l) { return length_measurer(l, options); });
}

}  // namespace redline
