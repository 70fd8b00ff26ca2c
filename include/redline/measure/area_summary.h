#pragma once
// Areas of a whole layer: per feature, per group of an attribute, and in total.
//
// Example usage:
//   redline::AreaOptions options;
//   options.group_field = "HXLX";
//   redline::AreaSummary s = redline::summarize_areas(layer, options);
//   double ha = redline::from_square_metres(s.total_m2, redline::AreaUnit::Hectare);
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/area.h"
#include "redline/progress.h"

namespace redline {

struct AreaOptions {
  AreaMethod method = kDefaultAreaMethod;  // DEFAULT: kDefaultAreaMethod (ellipsoidal)
  /// Attribute to group by. DEFAULT: "" — no groups.
  std::string group_field;
  /// Attribute that identifies a feature in listings (e.g. "BSM"). DEFAULT: "" — the FID.
  std::string id_field;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
  /// Keep one row per feature (AreaSummary::features). false: only the total and the groups are
  /// kept, so memory does not grow with the layer (feature_count still counts them all).
  /// DEFAULT: true.
  bool keep_features = true;
};

struct FeatureArea {
  std::int64_t fid = 0;
  std::string id;     ///< value of id_field, or the FID as text
  std::string group;  ///< value of group_field ("" without groups, and when missing)
  double m2 = 0.0;
  bool group_missing = false;  ///< group_field is null or NaN (is_missing()): the null group
};

struct GroupArea {
  std::string key;  ///< the attribute value as text ("" for empty text and for the null group)
  std::size_t features = 0;
  double m2 = 0.0;
  /// The group of the features whose value is null or NaN (is_missing()): kept apart from the
  /// group of empty text, never merged with a real value. Sorted after every other group.
  bool null_key = false;
};

struct AreaSummary {
  LayerOrigin origin;  ///< the measured layer: source, layer, read report
  Crs crs;
  AreaMethod method = AreaMethod::Ellipsoidal;
  std::string group_field;
  double total_m2 = 0.0;
  std::vector<FeatureArea> features;  ///< in layer order; null/empty geometries measure 0
  std::vector<GroupArea> groups;      ///< sorted by key, the null group last; empty without group_field
  /// Sum over repaired features of (area after repair − area of the invalid original, whose
  /// rings are measured as drawn). Tells how much the repair changed the figures.
  double repair_delta_m2 = 0.0;
  /// Features measured, whether kept in `features` or not (AreaOptions::keep_features); the
  /// reports count max(feature_count, features.size()).
  std::size_t feature_count = 0;
};

/// Measures every feature of `layer`. The sum is accumulated in feature order, so the result
/// does not depend on the thread count. Throws UsageError for an unknown field, and what
/// AreaCalculator throws.
REDLINE_EXPORT AreaSummary summarize_areas(const Layer& layer, const AreaOptions& options = {});

/// Reads the polygon layer at `path` as a LayerStream (io/layer_stream.h) and measures each
/// batch as it arrives, dropping its geometries: memory holds a few batches (and the per-feature
/// rows when options.keep_features), whatever the layer's size. The figures, the read report and
/// the errors are those of summarize_areas(read_layer(path, read), options); `read.geometry`
/// should be Polygons (a line layer is refused). Throws what read_layer() and
/// summarize_areas() throw.
REDLINE_EXPORT AreaSummary summarize_areas(const std::string& path, const ReadOptions& read,
                                           const AreaOptions& options = {});

}  // namespace redline
