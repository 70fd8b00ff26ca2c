#pragma once
// redline::Layer and read_layer(): polygon layers read from Shapefile, GeoPackage, FileGDB,
// GeoJSON or any other OGR vector source.
//
// What reading guarantees:
//  - every geometry is 2D Polygon or MultiPolygon (Z and M dropped, curves linearised, with a
//    note in the report); null and empty geometries are kept, counted, and measure 0;
//  - invalid polygons are found with GEOS and handled by the InvalidPolicy: repaired with GEOS
//    MakeValid (structure method; the original geometry is kept for the area report), skipped,
//    or refused with an InputError naming the feature, the reason and the location;
//  - the layer has a known CRS: from the source, or from ReadOptions::assume_crs. A layer
//    without CRS is refused with an InputError that suggests the likely CRS (guess_crs());
//  - attribute text is UTF-8: the shapefile's .cpg and the DBF's code page (LDID) are honoured,
//    ReadOptions::encoding overrides them, and text that is not valid in the encoding used is
//    refused instead of being passed on as mojibake.
// The source is opened read-only and never written to.
//
// Example usage:
//   redline::ReadOptions options;
//   options.layer = "redline";
//   redline::Layer layer = redline::read_layer("huichang.gpkg", options);
//   for (const redline::Feature& f : layer.features) { ... }

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/io/feature.h"
#include "redline/progress.h"

namespace redline {

/// What to do with a feature whose polygon is invalid.
enum class InvalidPolicy {
  Repair,  ///< repair with GEOS MakeValid and go on (DEFAULT)
  Skip,    ///< leave the feature out and go on
  Fail,    ///< throw InputError naming the feature
};

/// Parses "repair", "skip" or "fail". Throws UsageError otherwise.
InvalidPolicy parse_invalid_policy(const std::string& text);

struct ReadOptions {
  /// Layer name inside the source. DEFAULT: "" — the only layer; a source with several layers
  /// then throws UsageError listing them.
  std::string layer;
  /// CRS to use when the source has none (anything PROJ accepts). When the source has a CRS
  /// that differs, the given one wins and the report says so. DEFAULT: "".
  std::string assume_crs;
  /// Attribute encoding of a shapefile's DBF, e.g. "GBK", "UTF-8", "CP936". DEFAULT: "" —
  /// from the .cpg file or the DBF's LDID byte. Ignored (with a note) by formats that are
  /// always UTF-8 (GeoPackage, FileGDB, GeoJSON).
  std::string encoding;
  InvalidPolicy invalid = InvalidPolicy::Repair;
  /// Worker threads for validation and repair. DEFAULT: 0 — all cores.
  unsigned threads = 0;
  ProgressFn progress;
};

/// Something reading noticed about one feature.
struct FeatureIssue {
  enum class Kind { NullGeometry, EmptyGeometry, Invalid, NotPolygon, Flattened, Linearised };
  enum class Action { Counted, Repaired, Skipped };
  std::int64_t fid = 0;
  Kind kind = Kind::Invalid;
  Action action = Action::Counted;
  std::string reason;                ///< e.g. GEOS's "Self-intersection"
  std::optional<double> x, y;        ///< where, in the layer's CRS, when known
};

/// Returns a short name for an issue kind ("invalid", "null geometry", ...).
std::string to_string(FeatureIssue::Kind kind);

/// What reading found, for the summary every tool prints.
struct ReadReport {
  std::size_t features = 0;          ///< features in the source
  std::size_t null_geometries = 0;
  std::size_t empty_geometries = 0;
  std::size_t invalid = 0;           ///< invalid polygons found
  std::size_t repaired = 0;
  std::size_t skipped = 0;           ///< features left out (invalid with Skip, non-polygons)
  std::size_t flattened = 0;         ///< Z or M dropped
  std::size_t linearised = 0;        ///< curves turned into line segments
  std::vector<FeatureIssue> issues;  ///< one entry per feature concerned, in FID order
  std::string encoding;              ///< attribute encoding used ("UTF-8", "GBK", ...)
  std::vector<std::string> notes;    ///< plain-words notes for the user
};

/// A polygon layer held in memory.
struct Layer {
  std::string source;   ///< path as given
  std::string name;     ///< layer name in the source
  std::string driver;   ///< GDAL driver short name ("ESRI Shapefile", "GPKG", ...)
  Crs crs;
  std::vector<Field> fields;
  std::vector<Feature> features;  ///< skipped features are not here
  ReadReport report;

  /// Returns the index of field `name`. Throws UsageError listing the layer's fields.
  std::size_t field_index(const std::string& name) const;
  /// Returns a deep copy (geometries cloned), e.g. to reproject one input without touching
  /// the caller's layer.
  Layer clone() const;
  /// Returns a Location naming this layer and, optionally, a feature.
  Location where(std::optional<std::int64_t> fid = std::nullopt) const;
};

/// Reads a polygon layer. Throws InputError for a missing or unreadable source, a layer that
/// is not polygonal, a missing CRS (with the suggestion), undecodable text, and invalid
/// polygons under InvalidPolicy::Fail; UsageError for an unknown layer name or a CRS text
/// PROJ does not understand.
Layer read_layer(const std::string& path, const ReadOptions& options = {});

/// Returns the names of the vector layers of a source. Throws InputError when it cannot be
/// opened.
std::vector<std::string> list_layers(const std::string& path);

}  // namespace redline
