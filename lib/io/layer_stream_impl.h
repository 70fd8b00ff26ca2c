#pragma once
// Private: the machinery of LayerStream, shared with read_layer() and inspect_source(), which
// read layers already opened (and sources without CRS, for info).
#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "io/attribute_encoding.h"
#include "io/coordinate_check.h"
#include "io/feature_batch_check.h"
#include "io/layer_open.h"
#include "io/raw_feature_reader.h"
#include "redline/io/layer_stream.h"
#include "util/bounded_queue.h"

namespace redline {

struct LayerStream::Impl {
  /// Reads `opened` (which must outlive the stream; the stream owns nothing of it). With
  /// `require_crs` false, a layer without CRS is read with an unknown Crs instead of being
  /// refused, and contradictions a CRS could survive are not checked (inspect_source()).
  Impl(detail::OpenedLayer& opened, const std::string& path, const ReadOptions& options,
       std::size_t batch_size, bool require_crs);
  ~Impl();

  std::optional<FeatureBatch> next();

  // What travels from GDAL's reading to the geometry work, and from there to next().
  struct RawItem {
    bool end = false;  ///< no batch: the end, or an error
    detail::RawBatch batch;
    std::exception_ptr error;
    std::vector<std::string> warnings;  ///< at the end: GDAL's warnings
  };
  struct ReadyItem {
    bool end = false;  ///< no batch: the end, or an error
    detail::CheckedBatch batch;
    std::exception_ptr error;
    std::vector<std::string> warnings;  ///< at the end: GDAL's warnings
    std::vector<std::string> crs_notes; ///< at the end: the layer-wide CRS check's note
  };

  std::unique_ptr<detail::OpenedLayer> owned;  ///< the layer a LayerStream opened itself
  detail::OpenedLayer* opened = nullptr;
  ReadOptions options;
  std::size_t batch_size = 1;
  Layer layer;  ///< the header; report grows batch by batch
  std::optional<detail::AttributeDecoder> decoder;
  std::optional<detail::LayerExtentCheck> extent;
  std::optional<detail::FeatureBatchChecker> checker;

  /// Whether next() has been called (the workers run, and read `options`, from then on).
  bool started() const { return started_; }

 private:
  void start_threads();
  void stop_threads();
  RawItem read_raw(detail::RawFeatureReader& reader, std::size_t index);
  RawItem pull_raw();
  ReadyItem process();
  ReadyItem process_caught();
  void finish_report(ReadyItem& end);

  // Threads 1: GDAL is read on the caller's thread, through this reader.
  std::optional<detail::RawFeatureReader> inline_reader_;
  std::size_t next_raw_index_ = 0;
  bool raw_done_ = false;
  // Threads > 1: a reading thread and a geometry thread, joined by bounded queues.
  std::unique_ptr<detail::BoundedQueue<RawItem>> raw_queue_;
  std::unique_ptr<detail::BoundedQueue<ReadyItem>> ready_queue_;
  std::thread reading_thread_, geometry_thread_;
  std::atomic<std::size_t> announced_{0};

  bool started_ = false;
  bool finished_ = false;
  std::exception_ptr failure_;
  std::size_t loud_repair_count_ = 0;
  std::vector<Error> loud_repairs_;  ///< the first few, for the notes and warnings
};

namespace detail {
/// Reads the opened layer whole, as read_layer() does, through a stream (see Impl).
Layer read_opened_layer(OpenedLayer& opened, const std::string& path, const ReadOptions& options,
                        bool require_crs);
}  // namespace detail

}  // namespace redline
