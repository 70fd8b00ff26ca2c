#pragma once
// Drift: how a polygon layer changed between two versions, real change apart from noise.
//
// Every new delivery of the red line is compared with the previous one. The figures are
// set differences of the two versions' unions:
//  - gained = area in AFTER and not in BEFORE, lost = area in BEFORE and not in AFTER; so
//    after − before = gained − lost when neither version overlaps itself;
//  - each connected piece of gained or lost area is *noise* when it is smaller than
//    `sliver_area` or thinner than `sliver_width` everywhere (no disk of that diameter fits in
//    it: redline/overlay/sliver.h), and *real change* otherwise. A re-export that moved every
//    vertex by 1 mm produces thousands of such slivers; they are reported as noise, never
//    hidden, and never counted as change;
//  - reclassified = area both versions cover where `class_field` differs, as a from→to table
//    (also split into real and noise pieces);
//  - with `key_field`, features are matched by key: matched (and of those, modified in
//    geometry, in attributes or both), added (key only in AFTER) and removed (key only in
//    BEFORE), each with its own area change. A matched feature is modified in geometry when
//    the two versions differ by at least one real piece.
//
// How it is computed, and why it is fast on re-exports:
//  - A feature whose geometry is identical in both versions costs nothing.
//  - A feature whose vertices all lie within `fast_shift` of its counterpart's (same rings,
//    same vertex count; ring start and direction may differ) differs only by noise: a band
//    that narrow cannot hold a real piece. Its noise area is computed edge by edge from the
//    thin quadrilaterals between the two versions of each edge, without an overlay. Edges the
//    feature shares with a neighbour of the same version separate the two features and add
//    nothing. The sum gained − lost of these quadrilaterals is exact; each of gained and lost
//    may exceed the exact figure by the folds at vertices, of the order of shift² per vertex
//    (below 1e-6 m² per vertex for a 1 mm re-export).
//  - Every other feature is compared with the features of the other version near it (packed
//    R-tree over envelopes) by GEOS OverlayNG differences and intersections on a precision
//    grid (snap-rounding: no TopologyException). The grid is DEFAULT 1 µm, a thousand times
//    finer than the project's 1 mm (redline/geom/ops.h): the differences measured here are
//    themselves millimetre slivers, which a 1 mm grid would erase. Floating precision is no
//    better: on nearly coincident boundaries GEOS falls back to snapping, which lost 11 % of
//    the slivers of tests/data/drift/versions.gpkg (GeoPandas, which subtracts neighbours one
//    floating-point difference at a time, loses 2 %).
//  - Work runs on `threads` threads; every sum is accumulated in feature order, so the
//    figures do not depend on the thread count.
// These assume that features sharing a boundary share its vertices (a coverage, as layers
// drawn on land-survey parcels are). Where they do not, noise may be overstated by the
// slivers along such boundaries; real change is not affected.
//
// Both layers are brought into BEFORE's CRS (AFTER is transformed with PROJ when it differs).
// Layers in a geographic CRS are worked in a transverse Mercator projection on their own
// ellipsoid centred on the data, so that widths are in metres; areas are measured by `method`
// as redline/measure/area.h describes.
//
// Example usage:
//   redline::DriftOptions options;
//   options.key_field = "BSM";
//   options.class_field = "HXLX";
//   redline::DriftResult r = redline::compute_drift(before, after, options);
//   double real_gain_ha = (r.gained_m2 - r.gained_noise_m2) / 1e4;
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/area.h"
#include "redline/progress.h"

namespace redline {

/// DEFAULT width (metres) below which a piece of change is noise: half a metre, the accuracy
/// of land-survey boundaries (1:2000 base maps), far above a 1 mm re-export.
constexpr double kDefaultDriftSliverWidth = 0.5;
/// DEFAULT area (m²) below which a piece of change is noise, whatever its shape.
constexpr double kDefaultDriftSliverArea = 1.0;
/// Largest noise area accepted (m²): a hectare of change is never noise.
constexpr double kMaxDriftSliverArea = 1.0e4;
/// DEFAULT largest vertex shift (metres) for which a feature is measured edge by edge: 2 cm,
/// twenty times a 1 mm re-export, far below any real change.
constexpr double kDefaultDriftFastShift = 0.02;
/// DEFAULT precision grid of the overlays (metres): 1 µm, a thousand times finer than the
/// millimetre slivers of a re-export (see above).
constexpr double kDefaultDriftGridSize = 1e-6;

struct DriftOptions {
  AreaMethod method = AreaMethod::Ellipsoidal;  // DEFAULT: ellipsoidal
  /// Attribute matching features across versions (e.g. "BSM"). DEFAULT: "" — features are
  /// matched by geometry only (identical or within fast_shift).
  std::string key_field;
  /// Attribute whose change is reported as reclassification (e.g. "HXLX"). DEFAULT: "".
  std::string class_field;
  /// Pieces thinner than this (metres) are noise. DEFAULT: 0.5.
  double sliver_width = kDefaultDriftSliverWidth;
  /// Pieces smaller than this (m²) are noise. DEFAULT: 1.0.
  double sliver_area = kDefaultDriftSliverArea;
  /// Largest vertex shift (metres) for which a feature is recognised as unchanged up to noise
  /// without an overlay; capped at sliver_width / 2; 0 turns it off. DEFAULT: 0.02.
  double fast_shift = kDefaultDriftFastShift;
  /// Precision grid of the overlays, in units of the working CRS (metres). DEFAULT: 0 —
  /// kDefaultDriftGridSize (1 µm).
  double grid_size = 0.0;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
  /// Keep the geometry of every real piece (gained, lost, reclassified) for
  /// write_drift_layers() (redline/report/drift_layers.h). DEFAULT: off.
  bool collect_geometries = false;
};

/// What happened to one feature between the versions.
enum class FeatureChange {
  Unchanged,   ///< matched; geometry equal up to noise, attributes equal
  Added,       ///< only in AFTER
  Removed,     ///< only in BEFORE
  Geometry,    ///< matched; geometry changed by at least one real piece
  Attributes,  ///< matched; an attribute other than the key changed
  Both,        ///< matched; geometry and attributes changed
};

/// Returns "unchanged", "added", "removed", "geometry", "attributes" or "both".
REDLINE_EXPORT std::string to_string(FeatureChange change);

/// One feature's change. Areas in m², by the method of the run.
struct FeatureDrift {
  std::string key;                  ///< key value (with key_field), else the FID as text
  std::int64_t before_fid = -1;     ///< -1 when not in BEFORE
  std::int64_t after_fid = -1;      ///< -1 when not in AFTER
  FeatureChange change = FeatureChange::Unchanged;
  double before_m2 = 0.0, after_m2 = 0.0;
  /// Real area of AFTER's feature outside BEFORE's, and of BEFORE's outside AFTER's (this
  /// pair only, neighbours not subtracted). 0 for an unchanged feature.
  double gained_m2 = 0.0, lost_m2 = 0.0;
  std::vector<std::string> changed_fields;  ///< attributes whose value changed
  double delta_m2() const { return after_m2 - before_m2; }
};

/// Area whose class changed from `from` to `to`, in m².
struct Reclassification {
  std::string from, to;  ///< class values as text; "(null)" for a null or NaN class
  double m2 = 0.0;        ///< real pieces
  double noise_m2 = 0.0;  ///< noise pieces
};

/// A real piece of change, kept with collect_geometries.
struct DriftPiece {
  enum class Kind { Gained, Lost, Reclassified };
  Kind kind = Kind::Gained;
  /// "added" / "expanded" (gained), "removed" / "shrunk" (lost), "reclassified".
  std::string change;
  Geometry geometry;        ///< in the working CRS
  double m2 = 0.0;
  std::string before_key, after_key;  ///< the features it comes from ("" when none)
  std::string from, to;     ///< classes, for reclassified pieces
};

/// Feature counts. Without key_field, features are matched by geometry: "matched" counts
/// AFTER features identical to, or within fast_shift of, a BEFORE feature; "added" AFTER
/// features that overlap no BEFORE feature, "removed" the reverse; "modified" the other AFTER
/// features.
struct DriftFeatureCounts {
  std::string matched_by;  ///< "key" or "geometry"
  std::size_t matched = 0, added = 0, removed = 0, modified = 0;
  std::size_t modified_geometry = 0, modified_attributes = 0, modified_both = 0;
  std::size_t duplicate_keys = 0;  ///< features whose key repeats in its version (matched in order)
  /// Features without a key: null, NaN or empty (blank) text. They are never matched by key,
  /// not even with each other, so they count as removed (BEFORE) and added (AFTER); a note says so.
  std::size_t missing_keys_before = 0, missing_keys_after = 0;
};

/// How the work was done, for the curious and for tests.
struct DriftWork {
  std::size_t identical = 0;      ///< feature pairs with identical geometry
  std::size_t within_shift = 0;   ///< feature pairs measured edge by edge
  std::size_t overlaid = 0;       ///< features measured by overlays
  double max_shift = 0.0;         ///< largest vertex shift among within_shift pairs (metres)
};

struct REDLINE_EXPORT DriftResult {
  LayerOrigin before, after;    ///< the two versions: source, layer, read report
  Crs crs;                       ///< the working CRS
  AreaMethod method = AreaMethod::Ellipsoidal;
  std::string key_field, class_field;
  double sliver_width = 0.0, sliver_area = 0.0, fast_shift = 0.0, grid_size = 0.0;

  double before_m2 = 0.0, after_m2 = 0.0;  ///< sums of feature areas
  double gained_m2 = 0.0, lost_m2 = 0.0;   ///< whole set differences, noise included
  double gained_noise_m2 = 0.0, lost_noise_m2 = 0.0;  ///< their noise parts
  std::size_t gained_pieces = 0, lost_pieces = 0;     ///< real pieces

  DriftFeatureCounts features;
  std::vector<FeatureDrift> changes;            ///< every feature that is not unchanged
  std::vector<Reclassification> reclassified;   ///< sorted by from, then to
  std::vector<DriftPiece> pieces;               ///< with collect_geometries
  DriftWork work;
  std::vector<std::string> notes;               ///< plain-words notes (reprojection, keys ...)

  double delta_m2() const { return after_m2 - before_m2; }
  /// Returns delta / before × 100 (0 when before is 0).
  double delta_percent() const { return before_m2 > 0 ? 100.0 * delta_m2() / before_m2 : 0.0; }
  double gained_real_m2() const { return gained_m2 - gained_noise_m2; }
  double lost_real_m2() const { return lost_m2 - lost_noise_m2; }
  double reclassified_m2() const;  ///< real reclassified area, all classes
};

/// Compares two versions of a layer (see above). Throws UsageError for an unknown key or
/// class field (listing the layer's fields), a non-positive or non-finite sliver width,
/// a negative sliver area, or a method that does not suit the CRS; InputError naming the
/// feature when a geometry cannot be transformed or measured; what reprojection throws.
REDLINE_EXPORT DriftResult compute_drift(const Layer& before, const Layer& after, const DriftOptions& options = {});

}  // namespace redline
