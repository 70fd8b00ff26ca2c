#pragma once
// redline::LayerOrigin: where an input layer of a result came from and what reading it found.
// Every result that names its inputs (AreaSummary, CoverageResult, TabulateResult,
// OverlayResult, DriftResult) holds one LayerOrigin per input, so reports describe every input
// the same way.
//
// Example usage:
//   redline::Layer layer = redline::read_layer("huichang.gpkg");
//   redline::LayerOrigin origin = redline::origin_of(layer);
//   std::cout << origin.source << " (layer " << origin.layer << ")\n";

#include <string>

#include "redline/export.h"
#include "redline/io/layer.h"

namespace redline {

/// An input layer's identity and read report, copied out of the Layer so a result outlives it.
/// A plain value: copyable, no references to the layer.
struct LayerOrigin {
  std::string source;  ///< path as given to read_layer (Layer::source)
  std::string layer;   ///< layer name in the source (Layer::name)
  ReadReport read;     ///< a copy of what reading found (Layer::report)
  LayerGeometry geometry = LayerGeometry::Polygons;  ///< what it was read as (Layer::geometry)
};

/// Returns `layer`'s origin: its source, name and a copy of its read report. Throws nothing
/// but std::bad_alloc.
REDLINE_EXPORT LayerOrigin origin_of(const Layer& layer);

}  // namespace redline
