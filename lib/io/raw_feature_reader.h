#pragma once
// Private: GDAL's side of reading a layer: each feature's attributes decoded and its geometry
// made 2D, linear ISO WKB (io/geometry_normalisation.h's RawFeature), a batch at a time. All the
// GDAL calls of reading features are here, on whichever one thread reads.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/attribute_encoding.h"
#include "io/gdal_dataset.h"
#include "io/geometry_normalisation.h"
#include "redline/error.h"
#include "redline/io/feature.h"

namespace redline::detail {

/// Reads an opened layer from its first feature on. Not thread-safe; it may be made on one
/// thread and used on another, but GDAL's messages are collected on the thread that reads
/// (GdalErrorCollector): make it on that thread.
class RawFeatureReader {
 public:
  /// `layer` is read from its start (ResetReading); `fields` are the layer's (read_fields()),
  /// `decoder` decodes their text; `where` names the layer. All must outlive the reader.
  RawFeatureReader(OGRLayer* layer, const std::vector<Field>& fields, AttributeDecoder& decoder,
                   const Location& where);

  /// Appends up to `count` features to `out`; returns false once the layer is read to its end
  /// (then finish()). Throws InputError naming the feature for a record GDAL cannot read (a
  /// truncated or damaged .shp) and for undecodable text.
  bool read(std::size_t count, std::vector<RawFeature>& out);

  /// At the end: throws InputError when GDAL stopped before the features it announced, with
  /// its message; returns the warnings GDAL raised while reading (each once, in order).
  std::vector<std::string> finish() const;

  std::size_t features_read() const { return read_; }
  /// The count the source announces without a scan; 0 when unknown.
  std::size_t features_announced() const { return announced_; }

 private:
  OGRLayer* layer_;
  const std::vector<Field>& fields_;
  AttributeDecoder& decoder_;
  Location where_;
  std::optional<GdalErrorCollector> errors_;  // made once reading starts, as before
  std::size_t announced_ = 0;
  std::size_t read_ = 0;
};

}  // namespace redline::detail
