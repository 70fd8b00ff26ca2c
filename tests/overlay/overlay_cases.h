#pragma once
// The hand-made overlay cases, tests/data/overlay/cases.gpkg (made by
// tests/oracles/overlay_make_data.py; figures in tests/oracles/overlay_small_oracle.py): layers
// targets, cover, cover_4490 (cover's vertices in EPSG:4490), zones and classes, in EPSG:4527.
// And layers made in memory from boxes in zone 39 of EPSG:4527, whose figures are plain to see.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "redline/io/layer.h"
#include "redline/overlay/overlaps.h"
#include "support/test_support.h"

namespace redline::test {

/// Reads layer `layer` of the overlay cases.
inline Layer read_cases(const std::string& layer) {
  ReadOptions o;
  o.layer = layer;
  return read_layer(data_path("overlay/cases.gpkg"), o);
}

/// Origin of the boxes below: a point in zone 39 of EPSG:4527 (easting with its zone prefix).
constexpr double kBoxX0 = 39500000.0, kBoxY0 = 3000000.0;

/// Returns the rectangle [x0, x1] × [y0, y1], in metres from (kBoxX0, kBoxY0).
inline Geometry box(double x0, double y0, double x1, double y1) {
  // to_string writes 6 decimals: exact for the quarter metres the tests use.
  const std::string l = std::to_string(kBoxX0 + x0), b = std::to_string(kBoxY0 + y0);
  const std::string r = std::to_string(kBoxX0 + x1), t = std::to_string(kBoxY0 + y1);
  return Geometry::from_wkt("POLYGON((" + l + " " + b + "," + r + " " + b + "," + r + " " + t + "," + l + " " + t +
                            "," + l + " " + b + "))");
}

/// Returns a layer `name` in EPSG:4527 with one text field NAME: one feature per (NAME, geometry),
/// FIDs from 1.
inline Layer layer_of(const std::string& name, std::vector<std::pair<std::string, Geometry>> features) {
  Layer layer;
  layer.source = name;
  layer.name = name;
  layer.crs = Crs::from_user_input("EPSG:4527");
  layer.fields.push_back(Field{"NAME", FieldType::Text});
  std::int64_t fid = 1;
  for (auto& [id, g] : features) {
    Feature f;
    f.fid = fid++;
    f.geometry = std::move(g);
    f.values.push_back(id);
    layer.features.push_back(std::move(f));
  }
  return layer;
}

/// Returns the square [x0, x0 + size] × [0, size] (from (kBoxX0, kBoxY0), as box()) with n vertices
/// on each side, 4n in all: a polygon the engine cuts into pieces and prepares. DEFAULT: the
/// 4096-vertex square [0, 100]².
inline Geometry dense_square(double x0 = 0, double size = 100, int n = 1024) {
  std::string wkt = "POLYGON((";
  auto point = [&](double x, double y) {
    wkt += std::to_string(kBoxX0 + x0 + x) + " " + std::to_string(kBoxY0 + y) + ",";
  };
  for (int i = 0; i < n; ++i) point(size * i / n, 0);
  for (int i = 0; i < n; ++i) point(size, size * i / n);
  for (int i = 0; i < n; ++i) point(size - size * i / n, size);
  for (int i = 0; i < n; ++i) point(0, size - size * i / n);
  wkt += std::to_string(kBoxX0 + x0) + " " + std::to_string(kBoxY0) + "))";
  return Geometry::from_wkt(wkt);
}

/// Returns a layer of the boxes {x0, y0, x1, y1} (see box()), named "0", "1", ...
inline Layer boxes_layer(const std::string& name, std::initializer_list<std::array<double, 4>> boxes) {
  std::vector<std::pair<std::string, Geometry>> features;
  for (const auto& b : boxes) features.emplace_back(std::to_string(features.size()), box(b[0], b[1], b[2], b[3]));
  return layer_of(name, std::move(features));
}

/// Returns conflict-search options that measure planar areas (the boxes' plain products) on
/// `threads` threads.
inline OverlapOptions planar_overlap_options(unsigned threads = 1) {
  OverlapOptions o;
  o.method = AreaMethod::Planar;
  o.threads = threads;
  return o;
}

}  // namespace redline::test
