#pragma once
// Private: the steps shared by read_layer() and inspect_source(): opening a source with the
// right encoding, choosing its layer, and settling its CRS.
#include <string>
#include <vector>

#include "io/attribute_encoding.h"
#include "io/gdal_dataset.h"
#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/io/layer.h"

namespace redline::detail {

struct OpenedLayer {
  DatasetPtr dataset;
  OGRLayer* layer = nullptr;  // owned by dataset
  std::string driver;
  AttributeEncoding encoding; // what attribute text is decoded from
  std::string encoding_note;  // for the report, "" when nothing to say
};

/// Opens `path` read-only and picks layer `layer_name` ("" = the only one). A shapefile is opened
/// without recoding (its DBF bytes as they are) and `encoding` ("" = auto) is the encoding its
/// text is decoded from (see AttributeDecoder). Throws InputError/UsageError.
OpenedLayer open_layer(const std::string& path, const std::string& layer_name,
                       const std::string& encoding);

/// Opens `path` and returns the dataset with the encoding settled, for all its layers.
OpenedLayer open_source(const std::string& path, const std::string& encoding);

/// Returns what the layer is read as (Polygons or Lines) from its declared geometry type and
/// what is `wanted`; a layer of unknown or mixed type is read as `wanted` (polygons for Any),
/// its features checked one by one. Throws InputError, in plain words, when the declared type
/// is not what is wanted (lines for a polygon reader, polygons for a line reader, points, no
/// geometry).
LayerGeometry require_layer_geometry(OGRLayer* layer, LayerGeometry wanted, const Location& where);

/// Returns the layer's CRS: `assume` when given, else the source's. Throws InputError when there
/// is none (with guess_crs()'s suggestion).
Crs resolve_crs(OGRLayer* layer, const std::string& assume, const Location& where,
                std::vector<std::string>& notes);

/// Returns the layer's extent (is_null when empty).
Envelope layer_extent(OGRLayer* layer);

/// Returns the source's CRS without refusing anything (unknown when there is none).
Crs source_crs(OGRLayer* layer);

}  // namespace redline::detail
