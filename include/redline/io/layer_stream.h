#pragma once
// redline::LayerStream: a layer read batch by batch, in bounded memory, with GDAL reading ahead
// while the batches already read are validated and consumed.
//
// A stream gives exactly what read_layer() gives (read_layer() is a stream collected whole):
// the same features in the same (reading, i.e. FID) order with the same guarantees (see
// redline/io/layer.h), the same ReadReport, the same errors (kind, message, location). What
// differs is when things are known:
//  - Layer::features stays empty: the features arrive in FeatureBatch-es from next(), and
//    memory holds a few batches (being read, validated, handed over), never the whole layer;
//  - Layer::report is complete only once next() has returned nullopt (counts and issues grow
//    batch by batch; the notes, the warnings through ReadOptions::warn and the layer-wide CRS
//    check come at the end);
//  - an error found in a batch is thrown by the next() that would have returned that batch,
//    after every earlier batch was returned. When a layer holds several faults, which one is
//    thrown can differ from read_layer()'s: a stream reports the first in reading order (an
//    invalid polygon under InvalidPolicy::Fail in batch 2 before a damaged record in batch 9),
//    except that the layer-wide CRS check is made on the extent seen so far before each batch
//    is validated (see below).
//
// The layer-wide CRS check (a CRS the coordinates contradict; layer.h) refuses exactly what
// read_layer() refuses, with the same message: the extent seen so far is checked after each
// batch, and a contradiction that every larger extent shows too (degrees beyond ±180°/±90°, an
// easting outside the zone prefix's range, an 8-digit easting under a CRS without prefix) stops
// the stream early: the rest is read only for its extent, and the error names the whole
// layer's extent as read_layer() does. The other contradiction (coordinates far outside the
// CRS's area of use) can appear or vanish as the extent grows, so it is judged on the whole
// extent only, by the next() that would return nullopt.
//
// Threads: with ReadOptions::threads 1 everything runs on the calling thread, batch by batch.
// With more, one thread reads with GDAL while others validate (ReadOptions::threads workers)
// and the caller consumes; the answer is the same for any thread count and batch size.
// ReadOptions::progress ("reading", features read, features announced) and ReadOptions::warn
// are called on the thread that calls next(). Destroying the stream (e.g. when the consumer
// throws) stops reading and joins every thread it started; nothing is left running.
//
// Example usage:
//   redline::LayerStream stream("parcels.gpkg", options);
//   const redline::Layer& header = stream.layer();   // CRS, fields; no features
//   while (auto batch = stream.next()) {
//     for (const redline::Feature& f : batch->features) { ... }
//   }
//   const redline::ReadReport& report = stream.layer().report;  // complete now

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/feature.h"
#include "redline/io/layer.h"

namespace redline {

/// DEFAULT batch size of a LayerStream: features per batch (a few MB of geometry).
constexpr std::size_t kDefaultStreamBatchSize = 4096;

/// Features read from a layer, a batch of a LayerStream.
struct FeatureBatch {
  std::size_t index = 0;          ///< 0 for the first batch, then 1, 2... in reading order
  std::vector<Feature> features;  ///< as in Layer::features: validated, in reading (FID) order,
                                  ///< skipped and prefiltered features left out (may be empty)
};

/// A layer read batch by batch (see the top of this header).
class REDLINE_EXPORT LayerStream {
 public:
  /// Opens the layer at `path` read-only and settles what it is (geometry kind, CRS, fields,
  /// encoding); reading starts at the first next(). `batch_size` features (≥ 1; 0 is taken as 1)
  /// are read per batch. Throws what read_layer() throws about the source, the layer and its CRS, and
  /// UsageError for options check_read_options() refuses.
  explicit LayerStream(const std::string& path, const ReadOptions& options = {},
                       std::size_t batch_size = kDefaultStreamBatchSize);
  /// Stops reading and joins every thread the stream started.
  ~LayerStream();
  LayerStream(const LayerStream&) = delete;
  LayerStream& operator=(const LayerStream&) = delete;

  /// The layer as read so far: source, name, driver, geometry, crs and fields are final from
  /// construction; features is always empty; report is complete once next() returned nullopt.
  const Layer& layer() const;

  /// Sets ReadOptions::keep_envelope, the prefilter, from what only the opened layer tells (its
  /// CRS, its fields): e.g. a test against an index built in the layer's CRS. `keep` is called
  /// on the stream's worker threads and must outlive the stream. REQUIRES: next() not called
  /// yet; throws InternalError otherwise.
  void set_keep_envelope(std::function<bool(const Envelope&)> keep);

  /// Returns the next batch, or nullopt when the layer is read to its end (then the layer-wide
  /// CRS check has passed and layer().report is complete). Throws what read_layer() throws
  /// about features (InputError naming the feature), and whatever ReadOptions::progress or
  /// ReadOptions::warn throw; after a throw the stream is finished (next() throws the same
  /// error again).
  std::optional<FeatureBatch> next();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
