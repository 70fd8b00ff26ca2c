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
  bool polygonal = false;      ///< whether redline can measure it
  std::size_t null_geometries = 0, empty_geometries = 0, invalid = 0, not_polygon = 0;
  std::vector<FeatureIssue> issues;  ///< invalid and non-polygon features, in FID order
  std::string problem;         ///< why the layer cannot be read as polygons ("" when it can)
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
/// non-polygon layer and undecodable text are reported in LayerInfo, not thrown. Throws
/// InputError when the source cannot be opened, UsageError for an unknown layer name.
REDLINE_EXPORT SourceInfo inspect_source(const std::string& path, const InspectOptions& options = {});

}  // namespace redline
