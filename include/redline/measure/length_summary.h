#pragma once
// Lengths of a whole line layer: per feature, per group of an attribute, and in total.
//
// Example usage:
//   redline::ReadOptions read;
//   read.geometry = redline::LayerGeometry::Lines;
//   redline::Layer shore = redline::read_layer("huichang.gpkg", read);  // layer shoreline_line
//   redline::LengthOptions options;
//   options.group_field = "GNFQ";
//   redline::LengthSummary s = redline::summarize_lengths(shore, options);
//   double km = redline::from_metres(s.total_m, redline::LengthUnit::Kilometre);
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/length.h"
#include "redline/progress.h"

namespace redline {

struct LengthOptions {
  LengthMethod method = kDefaultLengthMethod;  // DEFAULT: kDefaultLengthMethod (ellipsoidal)
  /// Attribute to group by. DEFAULT: "" — no groups.
  std::string group_field;
  /// Attribute that identifies a feature in listings (e.g. "BSM"). DEFAULT: "" — the FID.
  std::string id_field;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
  /// Keep one row per feature (LengthSummary::features). false: only the total and the groups are
  /// kept, so memory does not grow with the layer (feature_count still counts them all).
  /// DEFAULT: true.
  bool keep_features = true;
};

struct FeatureLength {
  std::int64_t fid = 0;
  std::string id;     ///< value of id_field, or the FID as text
  std::string group;  ///< value of group_field ("" without groups, and when missing)
  double m = 0.0;     ///< length in metres
  bool group_missing = false;  ///< group_field is null or NaN (is_missing()): the null group
};

struct GroupLength {
  std::string key;  ///< the attribute value as text ("" for empty text and for the null group)
  std::size_t features = 0;
  double m = 0.0;   ///< length in metres
  bool null_key = false;  ///< the group of null or NaN values, sorted last
};

struct LengthSummary {
  LayerOrigin origin;  ///< the measured layer: source, layer, read report
  Crs crs;
  LengthMethod method = kDefaultLengthMethod;
  std::string group_field;
  double total_m = 0.0;
  std::vector<FeatureLength> features;  ///< in layer order; null/empty/degenerate lines measure 0
  std::vector<GroupLength> groups;      ///< sorted by key, the null group last; empty without group_field
  /// Features measured, whether kept in `features` or not (LengthOptions::keep_features); the
  /// reports count max(feature_count, features.size()).
  std::size_t feature_count = 0;
};

/// Measures every feature of the line layer `layer`. The sum is accumulated in feature order,
/// so the result does not depend on the thread count. Throws InputError when `layer` was read
/// as polygons (lengths are measured on lines), UsageError for an unknown field, and what
/// LengthCalculator throws.
REDLINE_EXPORT LengthSummary summarize_lengths(const Layer& layer, const LengthOptions& options = {});

/// Reads the line layer at `path` as a LayerStream (io/layer_stream.h) and measures each batch
/// as it arrives, dropping its geometries: memory holds a few batches (and the per-feature rows
/// when options.keep_features), whatever the layer's size. The figures, the read report and the
/// errors are those of summarize_lengths(read_layer(path, read), options); `read.geometry`
/// should be Lines. Throws what read_layer() and summarize_lengths() throw.
REDLINE_EXPORT LengthSummary summarize_lengths(const std::string& path, const ReadOptions& read,
                                               const LengthOptions& options = {});

}  // namespace redline
