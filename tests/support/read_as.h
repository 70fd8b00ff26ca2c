#pragma once
// Test helper: reading one layer of a source as polygons or lines (ReadOptions::geometry).
#include <string>

#include "redline/io/layer.h"

namespace redline::test {

/// Returns ReadOptions for layer `layer` read as `geometry` under `policy`.
inline ReadOptions read_options_as(const std::string& layer, LayerGeometry geometry,
                                   InvalidPolicy policy = kDefaultInvalidPolicy) {
  ReadOptions options;
  options.layer = layer;
  options.geometry = geometry;
  options.invalid = policy;
  return options;
}

/// Reads layer `layer` of `path` as `geometry`.
inline Layer read_as(const std::string& path, const std::string& layer, LayerGeometry geometry) {
  return read_layer(path, read_options_as(layer, geometry));
}

}  // namespace redline::test
