#pragma once
// redline::Layer and read_layer(): polygon layers (and, when asked, line layers) read from
// Shapefile, GeoPackage, FileGDB, GeoJSON or any other OGR vector source.
//
// What reading guarantees:
//  - every geometry is 2D Polygon or MultiPolygon (Z and M dropped, curves linearised, with a
//    note in the report); null and empty geometries are kept, counted, and measure 0;
//  - with ReadOptions::geometry = Lines (or Any on a line layer), every geometry is instead 2D
//    LineString or MultiLineString, under the same rules; a line with fewer than 2 distinct
//    vertices has no length and is handled by the InvalidPolicy (see LayerGeometry); lines are
//    never repaired (GEOS MakeValid is for polygons);
//  - every coordinate is a finite number within ±1e9 (kMaxCoordinate), and within ±180°/±90°
//    in a geographic CRS; anything else is refused with an InputError naming the feature;
//  - invalid polygons are found with GEOS and handled by the InvalidPolicy: repaired with GEOS
//    MakeValid (structure method; the original geometry is kept for the area report), skipped,
//    or refused with an InputError naming the feature, the reason and the location. A repair
//    that empties a feature or changes its area by more than
//    ReadOptions::repair_tolerance_percent is a warning (ReadReport::notes and
//    ReadOptions::warn), and an InputError under RepairStrict;
//  - in a geographic CRS, a ring with an edge spanning 180° of longitude or more (round a pole,
//    or across the antimeridian) is refused: flat longitude/latitude polygons cannot hold it
//    and a repair would destroy its area;
//  - the layer has a known CRS: from the source, or from ReadOptions::assume_crs. A layer
//    without CRS is refused with an InputError that suggests the likely CRS (guess_crs());
//  - the CRS agrees with the coordinates: a geographic CRS over metres, a Gauss-Krüger zone
//    whose false easting contradicts the eastings' zone prefix, or coordinates far outside the
//    CRS's area of use are refused with an InputError suggesting the likely CRS, unless
//    ReadOptions::trust_crs accepts the CRS knowingly (then ReadReport::notes says so);
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
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/export.h"
#include "redline/io/feature.h"
#include "redline/progress.h"

namespace redline {

/// What to do with a feature whose polygon is invalid.
enum class InvalidPolicy {
  Repair,  ///< repair with GEOS MakeValid and go on (DEFAULT)
  Skip,    ///< leave the feature out and go on
  Fail,    ///< throw InputError naming the feature
  /// repair as Repair does, but throw InputError naming the feature when a repair empties it or
  /// changes its area by more than ReadOptions::repair_tolerance_percent
  RepairStrict,
};

/// What kind of geometry a layer is read as.
///
/// A degenerate line (fewer than 2 distinct vertices: it has no length) is an invalid feature:
/// under Repair it is kept with an empty geometry (it measures 0, its attributes stay in every
/// group) and reported loudly (ReadReport::notes and ReadOptions::warn); under Skip it is left
/// out; under Fail and RepairStrict it is refused with an InputError naming the feature.
enum class LayerGeometry {
  Polygons,  ///< polygons only; a layer of lines or points is refused (DEFAULT)
  Lines,     ///< LineString/MultiLineString only; a layer of polygons or points is refused
  Any,       ///< whichever of the two the layer declares (lines when it declares a line type)
};

/// DEFAULT ReadOptions::geometry: polygons, as every polygon tool reads.
constexpr LayerGeometry kDefaultLayerGeometry = LayerGeometry::Polygons;

/// Returns "polygons", "lines" or "any".
REDLINE_EXPORT std::string layer_geometry_name(LayerGeometry geometry);

/// Largest |x| or |y| accepted in any CRS: 1e9 m is 25 times round the Earth.
constexpr double kMaxCoordinate = 1.0e9;

/// DEFAULT ReadOptions::repair_tolerance_percent: 1 % of a feature's area.
constexpr double kDefaultRepairTolerancePercent = 1.0;

/// DEFAULT ReadOptions::invalid: repair and go on.
constexpr InvalidPolicy kDefaultInvalidPolicy = InvalidPolicy::Repair;

/// Parses "repair", "repair-strict", "skip" or "fail", ignoring ASCII case. Throws UsageError
/// "unknown invalid-polygon policy 'x' (expected repair, repair-strict, skip or fail)".
REDLINE_EXPORT InvalidPolicy parse_invalid_policy(const std::string& text);
/// Returns the policy's name as parse_invalid_policy() accepts it ("repair", "repair-strict"...).
REDLINE_EXPORT std::string invalid_policy_name(InvalidPolicy policy);
/// Returns every policy's name, in the order above, for help texts and messages.
REDLINE_EXPORT std::vector<std::string> invalid_policy_names();

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
  /// What to do with invalid polygons (and degenerate lines). DEFAULT: kDefaultInvalidPolicy.
  InvalidPolicy invalid = kDefaultInvalidPolicy;
  /// What geometry the layer must hold. DEFAULT: kDefaultLayerGeometry (polygons).
  LayerGeometry geometry = kDefaultLayerGeometry;
  /// Accept a CRS that the coordinates contradict (see above) instead of refusing it; the
  /// report then says what contradicts it. Never accepts coordinates that are impossible in the
  /// CRS (beyond ±180°/±90° in a geographic CRS). DEFAULT: false.
  bool trust_crs = false;
  /// Percentage of a feature's area by which a repair may change it without a warning,
  /// measured on the plane of the layer's CRS. Finite, ≥ 0, else read_layer throws UsageError.
  /// DEFAULT: kDefaultRepairTolerancePercent.
  double repair_tolerance_percent = kDefaultRepairTolerancePercent;
  /// Called (on the calling thread) with each warning, a complete line "FILE: layer L: feature
  /// N: what", for loud decisions such as a repair that destroyed area. The same words are in
  /// ReadReport::notes either way. DEFAULT: none.
  std::function<void(const std::string&)> warn;
  /// Worker threads for validation and repair. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
  /// A spatial prefilter on each feature's envelope (of all its vertices, holes included, in
  /// the layer's CRS): a feature with a non-empty geometry of the kind read whose envelope it
  /// returns false for is neither validated nor repaired nor returned, only counted in
  /// ReadReport::filtered_out (it still counts in ReadReport::features, and its coordinates
  /// still take part in the finite-coordinate and layer-wide CRS checks). Null and empty
  /// geometries and features of another kind are not given to it. Called from worker threads,
  /// concurrently: it must be thread-safe; an exception it throws ends reading. DEFAULT: none
  /// (every feature is read).
  std::function<bool(const Envelope&)> keep_envelope;
};

/// Something reading noticed about one feature.
struct FeatureIssue {
  enum class Kind {
    NullGeometry, EmptyGeometry, Invalid, NotPolygon, Flattened, Linearised,
    NotLine,         ///< a feature that is not a line in a layer read as lines (skipped)
    DegenerateLine,  ///< a line with fewer than 2 distinct vertices (see LayerGeometry)
  };
  enum class Action { Counted, Repaired, Skipped };
  std::int64_t fid = 0;
  Kind kind = Kind::Invalid;
  Action action = Action::Counted;
  std::string reason;                ///< e.g. GEOS's "Self-intersection"
  std::optional<double> x, y;        ///< where, in the layer's CRS, when known
  /// For a repaired feature: its shoelace area as drawn and after repair, in squared CRS units
  /// (m² in a projected CRS in metres).
  std::optional<double> area_before, area_after;
};

/// Returns a short name for an issue kind ("invalid polygon", "null geometry", ...).
REDLINE_EXPORT std::string to_string(FeatureIssue::Kind kind);
/// Returns a short name for what was done ("counted", "repaired", "skipped").
REDLINE_EXPORT std::string to_string(FeatureIssue::Action action);

/// Throws UsageError when `options` cannot be read with: a repair_tolerance_percent that is
/// negative or not finite. read_layer() checks this itself; a caller may check earlier.
REDLINE_EXPORT void check_read_options(const ReadOptions& options);

/// What reading found, for the summary every tool prints.
struct ReadReport {
  std::size_t features = 0;          ///< features in the source
  std::size_t null_geometries = 0;
  std::size_t empty_geometries = 0;
  std::size_t invalid = 0;           ///< invalid polygons found
  std::size_t repaired = 0;
  std::size_t skipped = 0;           ///< features left out (invalid with Skip, non-polygons)
  std::size_t degenerate_lines = 0;  ///< lines with fewer than 2 distinct vertices
  std::size_t flattened = 0;         ///< Z or M dropped
  std::size_t linearised = 0;        ///< curves turned into line segments
  std::size_t repairs_beyond_tolerance = 0;  ///< repairs that emptied a feature or changed its
                                             ///< area by more than the tolerance
  std::size_t filtered_out = 0;      ///< features ReadOptions::keep_envelope left out
  std::vector<FeatureIssue> issues;  ///< one entry per feature concerned, in FID order
  std::string encoding;              ///< attribute encoding used ("UTF-8", "GBK", ...)
  std::vector<std::string> notes;    ///< plain-words notes for the user
};

/// A polygon (or line) layer held in memory.
struct REDLINE_EXPORT Layer {
  std::string source;   ///< path as given
  std::string name;     ///< layer name in the source
  std::string driver;   ///< GDAL driver short name ("ESRI Shapefile", "GPKG", ...)
  /// What was read: Polygons or Lines (never Any). DEFAULT: Polygons.
  LayerGeometry geometry = LayerGeometry::Polygons;
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

/// Reads a polygon layer (or a line layer: ReadOptions::geometry). Throws InputError for a
/// missing or unreadable source, a layer that does not hold the geometry asked for (in plain
/// words: "the layer holds lines: ..."), a missing CRS (with the suggestion), a CRS the coordinates contradict
/// (unless trusted), non-finite or absurd coordinates, a ring round a pole or across the
/// antimeridian in a geographic CRS, undecodable text, invalid polygons under
/// InvalidPolicy::Fail, degenerate lines under Fail and RepairStrict, and area-destroying
/// repairs under InvalidPolicy::RepairStrict;
/// UsageError for an unknown layer name, a CRS text PROJ does not understand, or a
/// repair_tolerance_percent that is negative or not finite.
REDLINE_EXPORT Layer read_layer(const std::string& path, const ReadOptions& options = {});

/// Returns the names of the vector layers of a source. Throws InputError when it cannot be
/// opened.
REDLINE_EXPORT std::vector<std::string> list_layers(const std::string& path);

}  // namespace redline
