// LayerStream: GDAL reads batch after batch on one thread while the geometry work of the batches
// already read runs on others and the caller consumes the ones checked; a few batches in flight
// at most (bounded queues). With one thread, the same steps run in turn on the caller's thread.
#include "io/layer_stream_impl.h"

#include "io/attribute_values.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "util/parallel.h"

namespace redline {

namespace {
// Batches waiting between GDAL and the geometry work, and between it and the caller: enough to
// keep each side busy while the other has a slow batch, few enough to bound memory.
constexpr std::size_t kRawBatchesQueued = 2;
constexpr std::size_t kCheckedBatchesQueued = 2;
// Loud decisions named one by one in the notes and warnings; the rest are counted.
constexpr std::size_t kLoudRepairsNamed = 10;
}  // namespace

LayerStream::Impl::Impl(detail::OpenedLayer& opened_layer, const std::string& path,
                        const ReadOptions& read_options, std::size_t batch, bool require_crs)
    : opened(&opened_layer), options(read_options), batch_size(std::max<std::size_t>(batch, 1)) {
  OGRLayer* ogr = opened->layer;
  layer.source = path;
  layer.name = ogr->GetName();
  layer.driver = opened->driver;
  layer.report.encoding = opened->encoding.name;
  if (!opened->encoding_note.empty()) layer.report.notes.push_back(opened->encoding_note);
  const Location here = layer.where();

  layer.geometry = detail::require_layer_geometry(ogr, options.geometry, here);
  layer.crs = require_crs ? detail::resolve_crs(ogr, options.assume_crs, here, layer.report.notes)
                          : detail::source_crs(ogr);

  // Attribute text: every field name and text value decoded and checked (attribute_encoding.h).
  detail::require_attribute_table(path, ogr, opened->driver, here);
  decoder.emplace(opened->encoding, here);
  layer.fields = detail::read_fields(*ogr->GetLayerDefn(), *decoder, here);

  check_read_options(options);
  extent.emplace(layer.crs, options.trust_crs, require_crs, here);
  checker.emplace(layer, options);
}

LayerStream::Impl::~Impl() { stop_threads(); }

void LayerStream::Impl::start_threads() {
  raw_queue_ = std::make_unique<detail::BoundedQueue<RawItem>>(kRawBatchesQueued);
  ready_queue_ = std::make_unique<detail::BoundedQueue<ReadyItem>>(kCheckedBatchesQueued);
  reading_thread_ = std::thread([this] {
    // GDAL's messages are collected per thread: the reader is made on the thread that reads.
    std::optional<detail::RawFeatureReader> reader;
    try {
      reader.emplace(opened->layer, layer.fields, *decoder, layer.where());
      announced_ = reader->features_announced();
    } catch (...) {
      RawItem failed;
      failed.end = true;
      failed.error = std::current_exception();
      raw_queue_->push(std::move(failed));
      return;
    }
    for (std::size_t index = 0;; ++index) {
      RawItem item = read_raw(*reader, index);
      const bool last = item.end;
      if (!raw_queue_->push(std::move(item)) || last) return;
    }
  });
  geometry_thread_ = std::thread([this] {
    for (;;) {
      ReadyItem item = process_caught();
      const bool last = item.end;
      if (!ready_queue_->push(std::move(item)) || last) return;
    }
  });
}

void LayerStream::Impl::stop_threads() {
  if (raw_queue_) raw_queue_->close();
  if (ready_queue_) ready_queue_->close();
  if (reading_thread_.joinable()) reading_thread_.join();
  if (geometry_thread_.joinable()) geometry_thread_.join();
}

// The next batch from GDAL; at the end (no batch), GDAL's warnings, or the error that ended it.
LayerStream::Impl::RawItem LayerStream::Impl::read_raw(detail::RawFeatureReader& reader,
                                                       std::size_t index) {
  RawItem item;
  try {
    item.batch.index = index;
    item.batch.features.reserve(batch_size);
    const bool more = reader.read(batch_size, item.batch.features);
    if (!more && item.batch.features.empty()) {
      item.end = true;
      item.warnings = reader.finish();
    }
  } catch (...) {
    item.end = true;
    item.batch.features.clear();
    item.error = std::current_exception();
  }
  return item;
}

LayerStream::Impl::RawItem LayerStream::Impl::pull_raw() {
  if (raw_queue_) {
    std::optional<RawItem> item = raw_queue_->pop();
    // Closed: the stream is being destroyed; nobody will see this.
    if (!item) throw InternalError("the layer's stream was stopped");
    return std::move(*item);
  }
  if (raw_done_) {
    RawItem end;
    end.end = true;
    return end;
  }
  if (!inline_reader_) {
    inline_reader_.emplace(opened->layer, layer.fields, *decoder, layer.where());
    announced_ = inline_reader_->features_announced();
  }
  RawItem item = read_raw(*inline_reader_, next_raw_index_++);
  raw_done_ = item.end;
  return item;
}

// The geometry work on the next batch: the caller's side of the pipeline, on whichever thread.
LayerStream::Impl::ReadyItem LayerStream::Impl::process() {
  RawItem raw = pull_raw();
  if (raw.error) std::rethrow_exception(raw.error);
  ReadyItem ready;
  if (raw.end) {
    ready.end = true;
    // The whole layer's extent: what the extents seen so far could not yet judge.
    extent->finish(ready.crs_notes);
    ready.warnings = std::move(raw.warnings);
    return ready;
  }
  detail::NormalisedBatch batch = checker->normalise(std::move(raw.batch));
  detail::FeatureBatchChecker::add_extents(batch, *extent);
  if (extent->refused_early()) {
    // The CRS is refused whatever follows. The message names the whole layer's extent, as
    // read_layer() does: the rest is read for its extent only (and for the reading and
    // coordinate errors read_layer() reports first), nothing more is validated.
    for (;;) {
      RawItem rest = pull_raw();
      if (rest.error) std::rethrow_exception(rest.error);
      if (rest.end) break;
      detail::FeatureBatchChecker::add_extents(checker->normalise(std::move(rest.batch)), *extent);
    }
    std::vector<std::string> unused;
    extent->finish(unused);
    throw InternalError("the CRS check refused the extent read so far but not the whole layer's");
  }
  ready.batch = checker->validate(std::move(batch));
  return ready;
}

LayerStream::Impl::ReadyItem LayerStream::Impl::process_caught() {
  try {
    return process();
  } catch (...) {
    ReadyItem failed;
    failed.end = true;
    failed.error = std::current_exception();
    return failed;
  }
}

std::optional<FeatureBatch> LayerStream::Impl::next() {
  if (failure_) std::rethrow_exception(failure_);
  if (finished_) return std::nullopt;
  try {
    if (!started_) {
      started_ = true;
      if (detail::resolve_threads(options.threads) > 1) start_threads();
    }
    ReadyItem item;
    if (ready_queue_) {
      std::optional<ReadyItem> popped = ready_queue_->pop();
      if (!popped) throw InternalError("the layer's reading threads stopped early");
      item = std::move(*popped);
    } else {
      item = process();
    }
    if (item.error) std::rethrow_exception(item.error);
    if (item.end) {
      finish_report(item);
      finished_ = true;
      stop_threads();
      if (options.progress) options.progress("reading", layer.report.features, layer.report.features);
      return std::nullopt;
    }
    detail::CheckedBatch& checked = item.batch;
    detail::add_batch_report(layer.report, std::move(checked.report));
    loud_repair_count_ += checked.loud_repairs.size();
    for (Error& e : checked.loud_repairs) {
      if (loud_repairs_.size() > kLoudRepairsNamed) break;
      loud_repairs_.push_back(std::move(e));
    }
    if (options.progress) options.progress("reading", layer.report.features, announced_.load());
    return std::move(checked.batch);
  } catch (...) {
    failure_ = std::current_exception();
    stop_threads();
    throw;
  }
}

// The notes that only the whole layer can tell, in read_layer()'s order: GDAL's warnings, the
// trusted CRS, the loud decisions (also through options.warn), Z/M and curves.
void LayerStream::Impl::finish_report(ReadyItem& end) {
  ReadReport& report = layer.report;
  auto& notes = report.notes;
  for (const std::string& warning : end.warnings) {
    if (std::find(notes.begin(), notes.end(), warning) == notes.end()) notes.push_back(warning);
  }
  for (std::string& note : end.crs_notes) notes.push_back(std::move(note));
  for (std::size_t i = 0; i < loud_repairs_.size(); ++i) {
    const Error& e = loud_repairs_[i];
    if (i == kLoudRepairsNamed) {
      const std::string more = fmt::format(
          "… and {} more {} in {}", loud_repair_count_ - kLoudRepairsNamed,
          layer.geometry == LayerGeometry::Lines ? "degenerate line(s) kept with length 0"
                                                 : "repair(s) beyond the tolerance",
          describe(layer.where()));
      notes.push_back(more);
      if (options.warn) options.warn(more);
      break;
    }
    notes.push_back(fmt::format("feature {}: {}", *e.where().feature, e.reason()));
    if (options.warn) options.warn(e.what());
  }
  if (report.flattened) {
    notes.push_back(fmt::format("Z/M values dropped from {} feature(s): {} are 2D", report.flattened,
                                layer.geometry == LayerGeometry::Lines ? "lengths" : "areas"));
  }
  if (report.linearised) {
    notes.push_back(
        fmt::format("curves of {} feature(s) replaced by line segments", report.linearised));
  }
}

LayerStream::LayerStream(const std::string& path, const ReadOptions& options, std::size_t batch_size) {
  // The stream owns the layer it opens (OGRLayer* stays valid when the dataset handle moves).
  auto opened = std::make_unique<detail::OpenedLayer>(
      detail::open_layer(path, options.layer, options.encoding));
  impl_ = std::make_unique<Impl>(*opened, path, options, batch_size, /*require_crs=*/true);
  impl_->owned = std::move(opened);
}

LayerStream::~LayerStream() = default;

const Layer& LayerStream::layer() const { return impl_->layer; }

std::optional<FeatureBatch> LayerStream::next() { return impl_->next(); }

void LayerStream::set_keep_envelope(std::function<bool(const Envelope&)> keep) {
  // The workers read the options only once started (at the first next()): before then the
  // prefilter may change without a lock.
  if (impl_->started()) throw InternalError("the prefilter of a layer stream was set after reading began");
  impl_->options.keep_envelope = std::move(keep);
}

}  // namespace redline
