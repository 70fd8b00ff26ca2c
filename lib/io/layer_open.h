#pragma once
// Private: the steps shared by read_layer() and inspect_source(): opening a source with the
// right encoding, choosing its layer, and settling its CRS.
#include <string>
#include <vector>

#include "io/gdal_dataset.h"
#include "redline/crs/crs.h"
#include "redline/error.h"

namespace redline::detail {

struct OpenedLayer {
  DatasetPtr dataset;
  OGRLayer* layer = nullptr;  // owned by dataset
  std::string driver;
  std::string encoding;       // what attribute text is decoded from
  std::string encoding_note;  // for the report, "" when nothing to say
};

/// Opens `path` read-only and picks layer `layer_name` ("" = the only one). With a shapefile,
/// `encoding` ("" = auto) becomes GDAL's ENCODING open option. Throws InputError/UsageError.
OpenedLayer open_layer(const std::string& path, const std::string& layer_name,
                       const std::string& encoding);

/// Opens `path` and returns the dataset with the encoding settled, for all its layers.
OpenedLayer open_source(const std::string& path, const std::string& encoding);

/// Returns the attribute encoding GDAL uses for `layer` of `driver`.
std::string layer_encoding(OGRLayer* layer, const std::string& driver, const std::string& requested);

/// Throws InputError when the layer's declared geometry type is not polygonal.
void require_polygon_layer(OGRLayer* layer, const Location& where);

/// Returns the layer's CRS: `assume` when given, else the source's. Throws InputError when there
/// is none (with guess_crs()'s suggestion).
Crs resolve_crs(OGRLayer* layer, const std::string& assume, const Location& where,
                std::vector<std::string>& notes);

/// Returns the layer's extent (is_null when empty).
Envelope layer_extent(OGRLayer* layer);

/// Returns the source's CRS without refusing anything (unknown when there is none).
Crs source_crs(OGRLayer* layer);

}  // namespace redline::detail
