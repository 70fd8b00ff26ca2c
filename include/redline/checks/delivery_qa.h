#pragma once
// Delivery QA: what a reviewer checks on a polygon layer before accepting it, in one pass.
//
// Each finding names the features concerned (by key value when a key field is given, else by
// FID) and a location (x, y in the layer's CRS). The kinds, in the order they are reported:
//  - invalid: what reading found wrong with a feature's geometry (ReadReport::issues): an
//    invalid polygon with GEOS's reason and location (repaired or not), a null or empty
//    geometry, a feature that is no polygon. Read the layer with InvalidPolicy::Repair, so that
//    the other checks see the repaired features and this one still lists every invalid one.
//  - overlaps: two features of the layer overlapping each other (the overlap's area and piece;
//    overlaps thinner than QaOptions::noise_width_metres are rounding noise, not counted;
//    redline/overlay/overlaps.h finds them). Overlaps and gaps thinner than the sliver width
//    say so in their detail: a sliver overlap or gap is a finding all the same.
//  - gaps: with a boundary (`within`), the parts of it no feature covers (noise-thin gaps not
//    counted; redline/overlay/gaps.h, which transforms `within` to the layer's CRS).
//  - slivers: a feature, or a part of a MultiPolygon, in which no disk of
//    QaOptions::sliver_width_metres fits (redline/overlay/sliver.h is_sliver()).
//  - spikes: a vertex whose angle between its two edges is below QaOptions::spike_angle_degrees
//    (龙须: a needle out of the boundary, or a narrow cut into it); two or more such vertices
//    in a row are a saw-tooth (锯齿). The angle is measured in the CRS plane for a projected
//    CRS; for a geographic CRS with longitude differences scaled by cos(latitude), so that
//    angles are those on the ground. The location is the vertex.
//  - duplicate-keys: with a key field, each value held by two or more features (all listed).
//  - empty-keys: with a key field, each feature whose key is NULL, NaN or blank text.
//  - area-field: with an area field (MJ, TBMJ, MJ_HA), each feature whose value differs from
//    its computed area by more than QaOptions::area_tolerance_percent (at least half of the
//    unit's last printed decimal, so that rounding alone never counts), from every method:
//    planar (projected CRS only), ellipsoidal and survey (redline/measure/area.h). A value that
//    is no number or NULL is a finding too. The result says which method the field matches
//    best, per finding and for the layer (QaResult::area_field_matches).
// Findings come in the order of the kinds above, each kind in feature order: the same for any
// thread count.
//
// Example usage:
//   redline::ReadOptions read;  // InvalidPolicy::Repair, the default
//   redline::Layer parcels = redline::read_layer("delivery.gpkg", read);
//   redline::QaOptions options;
//   options.key_field = "BSM";
//   options.area_field = "TBMJ";
//   redline::QaResult qa = redline::run_delivery_qa(parcels, nullptr, options);
//   if (redline::breaks_strict(qa, {redline::QaFindingKind::Overlap})) { ... }
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/measure/area.h"
#include "redline/measure/units.h"
#include "redline/overlay/sliver.h"
#include "redline/progress.h"

namespace redline {

/// What a finding is about.
enum class QaFindingKind { Invalid, Overlap, Gap, Sliver, Spike, DuplicateKey, EmptyKey, AreaField };

/// Number of finding kinds (the size of QaResult::counts).
constexpr std::size_t kQaFindingKinds = 8;

/// Returns the kind's name: "invalid", "overlaps", "gaps", "slivers", "spikes",
/// "duplicate-keys", "empty-keys", "area-field".
REDLINE_EXPORT std::string qa_kind_name(QaFindingKind kind);
/// Returns every kind's name, in the order above.
REDLINE_EXPORT std::vector<std::string> qa_kind_names();
/// Parses a comma-separated list of kind names (singular forms accepted, ASCII case ignored)
/// or "all". Throws UsageError naming an unknown kind and listing the names, or for an empty
/// list or an empty item.
REDLINE_EXPORT std::vector<QaFindingKind> parse_qa_kinds(const std::string& text);

/// DEFAULT QaOptions::sliver_width_metres: 0.5 m. Reviewers reject polygons thinner than
/// 0.5-1 m (a 0.5 m strip is below the accuracy of a 1:2000 boundary, 0.2 mm on the map being
/// 0.4 m); ten times the overlay's 5 cm rounding-noise width (kDefaultSliverWidthMetres).
constexpr double kDefaultQaSliverWidthMetres = 0.5;
/// DEFAULT QaOptions::spike_angle_degrees: 1°. A vertex sharper than 1° is a needle 57 times
/// longer than wide; no surveyed parcel corner is that sharp, a digitising slip (a vertex
/// dragged out and back, 龙须) is.
constexpr double kDefaultSpikeAngleDegrees = 1.0;
/// Largest spike angle accepted: a threshold of 90° would flag every right-angled corner.
constexpr double kMaxSpikeAngleDegrees = 60.0;
/// DEFAULT QaOptions::area_tolerance_percent: 0.1 %. The planar area of a Gauss-Krüger zone
/// differs from the ellipsoidal one by at most about 0.05 % (scale factor squared, 140 km from
/// the central meridian) and survey from ellipsoidal by 1e-6: a field holding any of the three,
/// rounded as official tables round, stays within 0.1 %; a field that was not updated after an
/// edit, or holds another unit, does not.
constexpr double kDefaultAreaTolerancePercent = 0.1;
/// Largest area tolerance accepted, in percent.
constexpr double kMaxAreaTolerancePercent = 100.0;
/// DEFAULT QaOptions::area_field_unit: m². 三调 fields MJ and TBMJ are square metres; give
/// Hectare for MJ_HA.
constexpr AreaUnit kDefaultAreaFieldUnit = AreaUnit::SquareMetre;

struct QaOptions {
  /// Attribute identifying features (BSM); enables duplicate-keys and empty-keys and names
  /// features by it. DEFAULT: "" (features named by FID; no key checks).
  std::string key_field;
  /// Attribute holding each feature's area (MJ, TBMJ, MJ_HA); enables area-field. DEFAULT: "".
  std::string area_field;
  /// Unit of area_field. DEFAULT: kDefaultAreaFieldUnit.
  AreaUnit area_field_unit = kDefaultAreaFieldUnit;
  /// Allowed difference of area_field, in percent of the computed area, finite, in
  /// [0, kMaxAreaTolerancePercent]. DEFAULT: kDefaultAreaTolerancePercent.
  double area_tolerance_percent = kDefaultAreaTolerancePercent;
  /// Polygons (and parts) thinner than this, in metres, are slivers; finite, in
  /// [0, kMaxSliverWidthMetres]; 0 turns the check off. DEFAULT: kDefaultQaSliverWidthMetres.
  double sliver_width_metres = kDefaultQaSliverWidthMetres;
  /// Overlaps and gaps thinner than this, in metres, are rounding noise, not findings; finite,
  /// in [0, kMaxSliverWidthMetres]. DEFAULT: kDefaultSliverWidthMetres (5 cm).
  double noise_width_metres = kDefaultSliverWidthMetres;
  /// Vertices whose angle is below this, in degrees, are spikes; finite, in
  /// [0, kMaxSpikeAngleDegrees]; 0 turns the check off. DEFAULT: kDefaultSpikeAngleDegrees.
  double spike_angle_degrees = kDefaultSpikeAngleDegrees;
  /// How finding areas (overlaps, gaps, slivers) are measured. DEFAULT: kDefaultAreaMethod.
  AreaMethod method = kDefaultAreaMethod;
  /// Keep each finding's geometry (QaFinding::geometry) for writing it out. DEFAULT: false.
  bool keep_geometries = false;
  /// Worker threads. DEFAULT: kDefaultThreads (all cores).
  unsigned threads = kDefaultThreads;
  ProgressFn progress;
};

/// A feature as findings name it, copied out of the layer.
struct QaFeature {
  std::int64_t fid = 0;
  /// The key value as text when a key field is given (empty for a NULL key), else "".
  std::string key;
};

/// One finding.
struct QaFinding {
  QaFindingKind kind = QaFindingKind::Invalid;
  /// The features concerned, in feature order (none for a gap).
  std::vector<QaFeature> features;
  /// Where, in the layer's CRS: the problem's location (GEOS's for invalid polygons, the vertex
  /// for spikes, a point of the piece for overlaps and gaps), else the centre of the bounding
  /// box of the part concerned. Empty when unknown (a null geometry).
  std::optional<double> x, y;
  /// The area concerned in m² (overlap, gap, sliver parts; the computed area for area-field).
  std::optional<double> area_m2;
  /// Plain words: "Self-intersection (repaired)", "interior angle 0.35°", "BSM '12' held by 3
  /// features", "TBMJ 1050 m² is +5.00 % off the ellipsoidal area; closest: planar".
  std::string detail;
  /// With keep_geometries: the invalid feature as drawn, the overlap or gap piece, the sliver
  /// parts, the spike's triangle (the vertex and its two neighbours), the feature for key and
  /// area-field findings. Null otherwise or when there is none.
  Geometry geometry;
};

/// What run_delivery_qa() found. Movable, not copyable (findings own geometries).
struct QaResult {
  LayerOrigin origin;                 ///< the layer checked
  std::optional<LayerOrigin> within;  ///< the boundary, when given
  Crs crs;
  QaOptions options;                  ///< the options used (progress dropped)
  std::vector<QaFinding> findings;
  std::array<std::size_t, kQaFindingKinds> counts{};  ///< findings per kind, by enum order
  /// The kinds that were checked (gaps need a boundary, keys a key field, area-field an area
  /// field), in kind order. A kind not checked has no findings and is not "clean".
  std::vector<QaFindingKind> checked;
  /// With an area field: how many features' values lie closest to each method's area, by
  /// AreaMethod order (ellipsoidal, survey, planar), over features with a numeric value.
  std::array<std::size_t, 3> area_field_matches{};
  /// The total area of the overlaps, the gaps and the sliver parts, in m².
  double overlap_area_m2 = 0, gap_area_m2 = 0, sliver_area_m2 = 0;
  /// Overlap and gap pieces left out as thinner than options.noise_width_metres.
  std::size_t noise_overlaps = 0, noise_gaps = 0;
  /// How much repairing the invalid polygons changed the layer's area, in m² (options.method).
  double repair_delta_m2 = 0;
};

/// Throws UsageError (naming the setting: "sliver width", "noise width", "spike angle", "area
/// tolerance") when a number of `options` is NaN, infinite or out of its range.
REDLINE_EXPORT void validate_qa_options(const QaOptions& options);

/// Runs every check `options` enables on `layer`; gaps against `within` when it is not null
/// (reprojected to the layer's CRS when it has another one). `layer` must hold polygons: a
/// feature of another geometry type throws InputError naming it. Throws UsageError for bad
/// options or an unknown key or area field (listing the fields), InputError when a vertex
/// cannot be measured, InternalError when GEOS fails. Uses up to options.threads threads; the
/// result is the same for any count.
REDLINE_EXPORT QaResult run_delivery_qa(const Layer& layer, const Layer* within, const QaOptions& options);

/// Returns true when `result` has a finding of one of the `strict` kinds.
REDLINE_EXPORT bool breaks_strict(const QaResult& result, const std::vector<QaFindingKind>& strict);

}  // namespace redline
