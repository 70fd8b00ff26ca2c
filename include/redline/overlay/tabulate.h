#pragma once
// Tabulation: the area of each class inside each zone — the land-use make-up of the red line by
// DLBM, the reserve zones by vegetation type — with the percent of the zone.
//
// Zones are the features of the zones layer grouped by `zone_field` (all of them as one zone
// when it is empty); classes are the features of the classes layer grouped by `class_field`.
// Each cell is the area of (zone ∩ union of the class's features): class features of one class
// that overlap each other count once (they are found and unioned where they overlap, so the
// common case — a land-use coverage whose parcels only share edges — costs no union at all).
// Features of *different* classes that overlap count in both, so a zone's classes can add up to
// more than its area: the report says so rather than hiding it. Zone features of one zone key
// are added up; zone features that overlap each other are reported.
//
// Cells are accumulated in feature order, so 1 and N threads give identical figures.
//
// The classes layer — the large side: a county's or a province's parcels — can be fed batch by
// batch (TabulateStream) instead of held whole: the zones are prepared and indexed once, each
// batch of classes is overlaid with them, and only the class features that have area inside a
// zone are kept (they are needed at the end, to find the class features that overlap others of
// their class); the rest of the batch is dropped. A class feature whose envelope meets no
// zone's cannot count anywhere, so a reader can leave it out before any validation
// (TabulateStream::may_touch_zones()). The figures are identical to tabulate()'s for any batch
// size and thread count.
//
// Example usage:
//   redline::TabulateOptions options;
//   options.zone_field = "HXLX";
//   options.class_field = "DLBM";
//   redline::TabulateResult t = redline::tabulate(redline_layer, parcels, options);
//   for (const redline::TabulateCell& c : t.cells) { ... c.zone, c.class_key, c.area_m2 ... }
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/io/layer_stream.h"
#include "redline/overlay/engine_options.h"

namespace redline {

/// DEFAULT batch size when tabulate() reads the classes itself: features per batch. The zone
/// pieces are prepared once for the whole stream, so that small batches cost little; the
/// batches in flight are most of the memory (measured on the 101 841-parcel bench county:
/// 16384 took 165 MB, 4096 145 MB at the same speed).
constexpr std::size_t kDefaultTabulateBatchSize = 4096;

struct TabulateOptions {
  EngineOptions engine;
  /// Zones-layer attribute naming the zones. DEFAULT: "" — the whole layer is one zone, "".
  std::string zone_field;
  /// Classes-layer attribute naming the classes. REQUIRED.
  std::string class_field;
};

/// One cell: the area of one class inside one zone.
struct TabulateCell {
  std::string zone;       ///< zone key ("" without zone_field, for empty text and the null zone)
  std::string class_key;  ///< class key ("" for empty text and the null class)
  double area_m2 = 0.0;
  double percent = 0.0;   ///< of the zone's area
  /// The zone / class of the features whose value is null or NaN (is_missing()): apart from
  /// empty text, never merged with a real value; sorted after every other key.
  bool zone_null = false, class_null = false;
};

/// One zone: its area and how much of it the classes cover.
struct TabulateZone {
  std::string zone;
  std::size_t features = 0;
  double area_m2 = 0.0;
  double classified_m2 = 0.0;  ///< sum of the zone's cells (more than area_m2 if classes overlap)
  bool null_key = false;  ///< the zone of the features without a zone value (see TabulateCell)
  double percent_classified() const { return area_m2 > 0 ? 100.0 * classified_m2 / area_m2 : 0.0; }
};

struct TabulateResult {
  LayerOrigin zones_origin, classes_origin;  ///< the two inputs: source, layer, read report
  Crs crs;
  AreaMethod method = AreaMethod::Ellipsoidal;
  double grid_size = 0.0;
  std::string zone_field, class_field;
  std::vector<TabulateZone> zones;   ///< sorted by key
  std::vector<TabulateCell> cells;   ///< sorted by zone, then class; only cells with area
  std::size_t overlapping_class_features = 0;  ///< class features overlapping one of their class
  std::size_t overlapping_zone_features = 0;   ///< zone features overlapping another (any key)
  double zones_repair_delta_m2 = 0.0, classes_repair_delta_m2 = 0.0;  ///< area change from repairs
};

/// Tabulates `classes` inside `zones` (see above). `classes` is transformed into the working
/// CRS (DEFAULT: the zones' CRS). Throws UsageError for an unknown or missing field or a method
/// that does not suit the CRS, InputError naming the feature when a geometry cannot be
/// transformed or measured.
REDLINE_EXPORT TabulateResult tabulate(const Layer& zones, const Layer& classes, const TabulateOptions& options);

/// tabulate() with the classes read from `classes_path` (options `classes_read`) batch by batch
/// (a LayerStream of `batch_size` features) and overlaid as they come, in the memory of the
/// zones, a few batches and the class features with area inside a zone. The class features
/// whose envelope meets no zone's (TabulateStream::may_touch_zones()) are left out by the
/// reader before any validation: they count in the read report's `features` and
/// `filtered_out`, not in its invalid, repaired or other counts, and a note says so. The
/// figures are tabulate()'s (on the layer read whole) for any batch size and thread count.
/// Throws what read_layer() and tabulate() throw.
REDLINE_EXPORT TabulateResult tabulate(const Layer& zones, const std::string& classes_path, const ReadOptions& classes_read,
                                       const TabulateOptions& options,
                                       std::size_t batch_size = kDefaultTabulateBatchSize);

/// tabulate() with the classes fed batch by batch, in layer (FID) order (see above):
///
///   redline::TabulateStream t(zones, stream.layer(), options);  // stream: a LayerStream
///   while (auto batch = stream.next()) t.add(std::move(batch->features));
///   redline::TabulateResult r = t.finish(stream.layer().report);
///
/// Not thread-safe (one caller), except may_touch_zones(); it uses options.engine.threads
/// threads itself. A stream that threw is done with: drop it.
class REDLINE_EXPORT TabulateStream {
 public:
  /// Prepares and indexes `zones` (held whole; REQUIRES it outlives the stream). `classes` is
  /// the classes layer without its features — its source, name, driver, CRS and fields (a
  /// LayerStream's layer()); any features it holds are ignored. Throws what tabulate() throws
  /// about the options, the fields, the CRS and the zones.
  TabulateStream(const Layer& zones, const Layer& classes, const TabulateOptions& options);
  ~TabulateStream();
  TabulateStream(const TabulateStream&) = delete;
  TabulateStream& operator=(const TabulateStream&) = delete;

  /// Returns false when a class feature whose envelope (of all its vertices, in the classes'
  /// CRS) is `box` can have no area inside any zone, so it need not be read further; true when
  /// it may. Always true when the classes are in another CRS than the working one (their boxes
  /// are not compared then). Thread-safe: a reader may call it from its worker threads.
  bool may_touch_zones(const Envelope& box) const;

  /// Overlays the next batch of class features (validated as read_layer() leaves them, in
  /// layer order, following the previous batch's) with the zones. Takes the features: the few
  /// that have area inside a zone are kept until finish(), the others are dropped. Throws
  /// InputError naming the feature when a geometry cannot be transformed or measured.
  void add(std::vector<Feature> features);

  /// Returns the tabulation of every feature added; `classes_report` is the classes layer's
  /// complete read report (it goes into TabulateResult::classes_origin). Call once.
  TabulateResult finish(const ReadReport& classes_report);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
