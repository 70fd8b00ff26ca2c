#pragma once
// The hand-made overlay cases, tests/data/overlay/cases.gpkg (made by
// tests/oracles/overlay_make_data.py; figures in tests/oracles/overlay_small_oracle.py): layers
// targets, cover, cover_4490 (cover's vertices in EPSG:4490), zones and classes, in EPSG:4527.
#include <string>

#include "redline/io/layer.h"
#include "support/test_support.h"

namespace redline::test {

/// Reads layer `layer` of the overlay cases.
inline Layer read_cases(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(data_path("overlay/cases.gpkg"), o);
}

}  // namespace redline::test
