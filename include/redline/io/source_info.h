#pragma once
// inspect_source(): what a delivery holds, before anyone measures it.
#include <cstddef>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/export.h"
#include "redline/io/feature.h"
#include "redline/io/layer.h"
#include "redline/progress.h"  // kDefaultThreads

namespace redline {

/// What one layer of a source holds.
struct LayerInfo {
  std::string name;
  std::string geometry_type;   ///< as GDAL declares it: "Polygon", "Multi Polygon", "Line String"
  std::size_t features = 0;
  Crs crs;                     ///< unknown when the source declares none
  CrsGuess crs_guess;          ///< the suggestion, when crs is unknown
  /// What in the coordinates contradicts the declared CRS, with the likely CRS; "" when nothing
  /// does (read_layer() refuses such a CRS unless trusted).
  std::string crs_contradiction;
  Envelope extent;
  std::string encoding;        ///< attribute encoding used ("" when a shapefile declares none)
  std::vector<Field> fields;
  bool polygonal = false;      ///< whether redline can measure it by area
  bool lines = false;          ///< whether it is a line layer redline can measure by length
  std::size_t degenerate_lines = 0;  ///< lines with fewer than 2 distinct vertices
  /// not_polygon: features of another kind than the layer's (not polygons; in a line layer,
  /// not lines), which reading skips.
  std::size_t null_geometries = 0, empty_geometries = 0, invalid = 0, not_polygon = 0;
  /// invalid and non-polygon features (for lines: degenerate and non-line ones), in FID order
  std::vector<FeatureIssue> issues;
  std::string problem;         ///< why the layer cannot be read ("" when it can)
  Hint problem_hint;           ///< what setting gets past `problem` (reports add it in neutral words)
};

/// What a source holds.
struct SourceInfo {
  std::string path;
  std::string driver;
  std::vector<LayerInfo> layers;
};

struct InspectOptions {
  std::string layer;     ///< only this layer. DEFAULT: "" — all layers
  std::string encoding;  ///< as ReadOptions::encoding. DEFAULT: "" — auto
  unsigned threads = kDefaultThreads;  ///< DEFAULT: all cores
  ProgressFn progress;
};

/// Inspects a source without refusing what read_layer() would refuse: a missing CRS, a
/// layer of neither polygons nor lines (a line layer is read as lines) and undecodable text are reported in LayerInfo, not thrown. Throws
/// InputError when the source cannot be opened, UsageError for an unknown layer name.
REDLINE_EXPORT SourceInfo inspect_source(const std::string& path, const InspectOptions& options = {});

}  // namespace redline
