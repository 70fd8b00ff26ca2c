#pragma once
// Checks: the plan's spatial rules as pass/fail results a pipeline can run.
//
// A check reads one layer (and, by kind, a previous version or another layer), computes one
// figure and compares it with a threshold:
//  - not-reduced: the layer's area is at least a baseline figure ("75587.98ha", "3416亩") and
//    at least the area of a previous version (面积不减少), each one given: with both, both are
//    evaluated (details "parts") and the check fails when either fails; the threshold shown is
//    the larger. With `by`, per group of an attribute (each group against its own baseline and
//    its previous area). With a previous version, the area lost to it is listed by feature (by
//    `key`, e.g. BSM, else by FID), from redline/drift/drift.h, and a loss that nothing gained
//    compensates fails the check even when the sum of feature areas does not show it
//    (overlapping features, slivers).
//  - nature-unchanged: on the area both versions cover, `field` (e.g. HXLX) has not changed
//    (性质不改变). The figure is the real reclassified area (slivers excluded), threshold 0.
//  - function-not-lowered: on the area both versions cover, the ordered attribute `field`
//    (order highest first, e.g. 核心区, 缓冲区, 实验区) has nowhere moved down the order
//    (功能不降低). A change to or from a value outside the order cannot be judged and counts as
//    lowered; values of the data outside the order are listed in the notes. The figure is the
//    lowered area, threshold 0.
//  - min-share: the part of the layer inside the union of `within` is at least min_percent %
//    of the layer's area (wetland protection rate: wetlands inside protected areas); with
//    share_of = within, of the area of `within` (red line ≥ 27.87 % of the county: layer
//    redline, within county). Measured by redline/overlay/coverage.h.
//  - share-of-zones: the features whose `field` (DEFAULT kDefaultZoneField, GNFQ) is one of
//    `zones` (DEFAULT kDefaultProtectedZones: 岸线保护区, 岸线保留区) hold at least
//    min_percent % of the layer's area (河湖岸线保护率).
//  - min-share and share-of-zones with measure = length: the same on a line layer, by length
//    (shoreline length in protected zones, the part of a line inside `within`); the figures are
//    lengths in `length_unit`, the method ellipsoidal or planar (survey is for areas only), and
//    min-share's share is of the line layer (share_of = layer).
//  - no-overlap: the features of the layer overlap no feature of each layer listed in `with`
//    (the three control lines: red line, 永久基本农田, 城镇开发边界), or, without `with`, no
//    other feature of the layer itself (a polygon digitised twice). The figure is the
//    overlapping area: for each `with` layer the area of the union of its overlaps with the
//    layer (counted once where several pairs overlap), added over the `with` layers; it passes
//    when at most max_overlap (DEFAULT kDefaultMaxOverlap: none). Overlaps thinner than
//    sliver_width metres (DEFAULT kDefaultSliverWidthMetres, redline/overlay/sliver.h) are
//    noise, not counted. Measured by redline/overlay/overlaps.h.
//  - max-inside: the part of the layer inside the union of `within` is at most max_area (an
//    area) or at most max_percent % of the layer's area — exactly one of them (mines or
//    development shoreline inside the red line: max_area "0ha"). Measured by
//    redline/overlay/coverage.h; the features with a part inside are listed.
//  - no-gaps: the layer covers `within` (the county, a zone) but for gaps of at most max_gap
//    (DEFAULT kDefaultMaxGap: none); gaps thinner than sliver_width are not counted. Measured
//    by redline/overlay/gaps.h; the gaps are located.
// The conflict kinds (no-overlap, max-inside, no-gaps) name features by `key` (e.g. BSM) in
// every layer that has that attribute, else by FID, and list at most kMaxListedConflicts of
// them (the count of all is given). A conflict that is real but prints as 0 in the unit is
// shown with as many decimals as it takes (up to 6) and fails a limit of 0.
// `where` keeps only features whose attribute has one of the given values (e.g. XFZT = 已修复
// for restored mines), in the layer and its previous version; details "where_matches" count
// what it kept. A check that measures nothing (a layer it reads holds no feature, or `where`
// keeps none) fails, saying so: against nothing, "not reduced" or "unchanged" is trivially true.
//
// Figures are compared as official tables print them: rounded to the unit's decimals
// (redline/measure/units.h: 2 for ha, 亩, m²; 4 for km²; 5 for 万亩, whose 4 printed decimals
// would let 0.03 ha go unseen) and percentages to 2 decimals, so that a re-export that moves
// the area by 1e-6 ha does not fail "not reduced".
// A failed check is a CheckResult with passed = false, never an exception; what cannot be
// read or makes no sense (a missing file or field, a kind without its parameters) throws.
//
// Example usage:
//   redline::CheckSpec spec;
//   spec.name = "生态保护红线面积不减少";
//   spec.kind = redline::CheckKind::NotReduced;
//   spec.layer = {"huichang.gpkg", "redline"};
//   spec.baseline_m2 = redline::parse_area("75587.98ha");
//   std::vector<redline::CheckResult> results = redline::run_checks({spec});
//   bool ok = results[0].passed;
#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/measure/area.h"
#include "redline/measure/units.h"

namespace redline {

enum class CheckKind {
  NotReduced,
  NatureUnchanged,
  FunctionNotLowered,
  MinShare,
  ShareOfZones,
  NoOverlap,
  MaxInside,
  NoGaps,
};

/// Parses "not-reduced", "nature-unchanged", "function-not-lowered", "min-share",
/// "share-of-zones", "no-overlap", "max-inside" or "no-gaps" (ASCII case ignored). Throws
/// UsageError listing them.
REDLINE_EXPORT CheckKind parse_check_kind(const std::string& text);
/// Returns the kind's name as parse_check_kind() accepts it.
REDLINE_EXPORT std::string kind_name(CheckKind kind);
/// Returns every kind's name, in the order above.
REDLINE_EXPORT std::vector<std::string> check_kind_names();

/// min-share: what the share is a percentage of.
enum class ShareOf {
  Layer,   ///< "layer": of the checked layer's area (the part of it inside `within`)
  Within,  ///< "within": of the area of `within` (the part of it the layer covers)
};
/// Parses "layer" or "within" (ASCII case ignored). Throws UsageError listing them.
REDLINE_EXPORT ShareOf parse_share_of(const std::string& text);
/// Returns the name parse_share_of() accepts: "layer" or "within".
REDLINE_EXPORT std::string share_of_name(ShareOf share_of);
/// Returns the names, in the order above.
REDLINE_EXPORT std::vector<std::string> share_of_names();

/// min-share, share-of-zones: what is measured. A check by length reads its layer as lines.
enum class CheckMeasure { Area, Length };
/// DEFAULT measure of a check: area.
constexpr CheckMeasure kDefaultCheckMeasure = CheckMeasure::Area;
/// Parses "area" or "length" (ASCII case ignored). Throws UsageError listing them.
REDLINE_EXPORT CheckMeasure parse_check_measure(const std::string& text);
/// Returns the name parse_check_measure() accepts: "area" or "length".
REDLINE_EXPORT std::string check_measure_name(CheckMeasure measure);

/// DEFAULT unit of a check's figures: ha.
constexpr AreaUnit kDefaultCheckUnit = AreaUnit::Hectare;
/// DEFAULT area method of a check: ellipsoidal.
constexpr AreaMethod kDefaultCheckMethod = AreaMethod::Ellipsoidal;
/// min-share: DEFAULT share of the checked layer's area.
constexpr ShareOf kDefaultShareOf = ShareOf::Layer;
/// share-of-zones: DEFAULT attribute holding the zone of each feature (功能分区).
constexpr std::string_view kDefaultZoneField = "GNFQ";
/// share-of-zones: DEFAULT zones counted as protected shoreline.
constexpr std::array<std::string_view, 2> kDefaultProtectedZones = {"岸线保护区", "岸线保留区"};

/// no-overlap: DEFAULT largest overlapping area that passes: none.
constexpr std::string_view kDefaultMaxOverlap = "0ha";
/// no-gaps: DEFAULT largest gap area that passes: none.
constexpr std::string_view kDefaultMaxGap = "0ha";
/// no-overlap, max-inside, no-gaps: most conflicts (pairs, features, gaps) listed in a
/// result's details; the count of all is given beside them.
constexpr std::size_t kMaxListedConflicts = 200;

/// A layer a check reads: a source path and, when the source has several, the layer's name.
struct REDLINE_EXPORT LayerRef {
  std::string path;
  std::string layer;  ///< DEFAULT "": the source's only layer
  /// Returns "path" or "path (layer)".
  std::string label() const;
};

/// One check, as a rules file or the command line gives it.
struct CheckSpec {
  std::string name;  ///< shown in reports; DEFAULT: the kind and the layer
  CheckKind kind = CheckKind::NotReduced;
  LayerRef layer;
  /// Keep only features whose attribute equals one of the values.
  std::map<std::string, std::vector<std::string>> where;

  std::optional<double> baseline_m2;          ///< not-reduced: total baseline
  std::map<std::string, double> group_baselines_m2;  ///< not-reduced with `by`: per group
  std::optional<LayerRef> previous;           ///< not-reduced, nature-unchanged, function-not-lowered
  std::string key;    ///< matches features across versions and names them in listings (e.g. BSM)
  std::string label;  ///< not-reduced: shown beside the key in listings (e.g. HXMC)
  std::string by;     ///< not-reduced: group attribute
  std::string field;  ///< nature-unchanged, function-not-lowered, share-of-zones
  std::vector<std::string> order;  ///< function-not-lowered: values, highest function first
  std::optional<LayerRef> within;  ///< min-share
  ShareOf share_of = kDefaultShareOf;  ///< min-share. DEFAULT: kDefaultShareOf
  std::optional<double> min_percent;  ///< min-share, share-of-zones
  /// share-of-zones: the zones counted; DEFAULT (nullopt): kDefaultProtectedZones. An empty
  /// list is refused, not taken for the default.
  std::optional<std::vector<std::string>> zones;
  /// no-overlap: the layers the checked layer must not overlap; empty: the layer's own
  /// features must not overlap each other.
  std::vector<LayerRef> with;
  std::optional<double> max_overlap_m2;  ///< no-overlap; DEFAULT (nullopt): kDefaultMaxOverlap
  std::optional<double> max_area_m2;     ///< max-inside (or max_percent)
  std::optional<double> max_percent;     ///< max-inside (or max_area_m2)
  std::optional<double> max_gap_m2;      ///< no-gaps; DEFAULT (nullopt): kDefaultMaxGap
  /// no-overlap, max-inside, no-gaps: overlaps and gaps thinner than this, in metres, are
  /// noise. DEFAULT (nullopt): kDefaultSliverWidthMetres (redline/overlay/sliver.h).
  std::optional<double> sliver_width_m;

  AreaMethod method = kDefaultCheckMethod;  ///< DEFAULT: kDefaultCheckMethod
  AreaUnit unit = kDefaultCheckUnit;        ///< unit of the figures; DEFAULT: kDefaultCheckUnit
  /// min-share, share-of-zones: area or length. DEFAULT: kDefaultCheckMeasure (area).
  CheckMeasure measure = kDefaultCheckMeasure;
  /// Unit of the figures when measure is length. DEFAULT: kDefaultLengthUnit (km).
  LengthUnit length_unit = kDefaultLengthUnit;
  std::string source;  ///< where the spec came from ("rules.toml, check 3 (line 12)"), for errors
  std::string delivery;  ///< the delivery it runs on ("" when none)
};

/// Returns kDefaultProtectedZones as texts.
REDLINE_EXPORT std::vector<std::string> default_protected_zones();

/// Checks the spec's parameters against its kind (a baseline or previous version for
/// not-reduced, a field and order for function-not-lowered ...) and its thresholds
/// (redline/checks/threshold.h: finite, more than 0, a baseline that does not round to 0 in
/// `unit`, a percentage at most 100). Also refused: `order` or `zones` empty or with a value
/// twice, a `where` with no value, and a `previous` or `within` written as the checked layer
/// itself. Throws UsageError naming the check and what is wrong. Pure: reads no file.
REDLINE_EXPORT void validate_check(const CheckSpec& spec);

/// One piece of a check's geometry, kept for maps and writing (redline/report/check_maps.h,
/// redline/report/conflict_layers.h). What `first` and `second` name depends on the list the
/// piece is in (CheckGeometries).
struct CheckPiece {
  std::string with;    ///< no-overlap: the layer overlapped; max-inside: `within`; reclassified: the direction
  std::string first;   ///< the feature (key or FID); reclassified: the class before; zones: the zone
  std::string second;  ///< no-overlap: the other feature (key or FID); reclassified: the class after
  double figure = 0.0;  ///< its area, or its length for a check by length, in `CheckGeometries::unit`
  Geometry piece;       ///< in `CheckGeometries::crs`
};

/// The geometry behind a check's figure (CheckRunOptions::keep_geometries), each list in the
/// order of the details. The failing part of each kind, and its context:
///  - not-reduced: with a previous version, `lost` (what fails it) and `gained` (pieces of
///    previous − layer and layer − previous, labelled by feature), over `layer`; without, `layer`
///    alone (nothing else is spatial).
///  - nature-unchanged, function-not-lowered: `reclassified` (from → to; `with` is "lowered",
///    "raised" or "unranked" for function-not-lowered, "changed" for nature-unchanged), over
///    `layer`.
///  - min-share: `outside` (what keeps the share low) and `inside`, the parts of the layer the
///    share is of (the checked layer, or `within` with share_of = within), over `cover` (the
///    other one); by length: the lines' parts.
///  - share-of-zones: `uncounted` (features in no zone counted) and `counted`, `first` the zone.
///  - no-overlap: `overlaps`; max-inside: `inside`; no-gaps: `gaps` — the conflict pieces.
/// Pieces of real change only: slivers and noise that the figure leaves out are left out here.
struct CheckGeometries {
  Crs crs;
  std::string unit;  ///< the unit of every piece's figure ("ha", ..., "km" by length)
  std::vector<CheckPiece> overlaps, inside, gaps;
  std::vector<CheckPiece> lost, gained, reclassified, outside, counted, uncounted;
  std::vector<CheckPiece> layer;  ///< context: the checked layer's features, labelled by key or FID
  std::vector<CheckPiece> cover;  ///< context: min-share's other layer
};

/// What a check found. value and threshold are in `unit` ("ha", "mu", ... or "%").
struct CheckResult {
  std::string name;
  CheckKind kind = CheckKind::NotReduced;
  bool passed = false;
  double value = 0.0;
  double threshold = 0.0;
  std::string comparison = ">=";  ///< passed when value (comparison) threshold: ">=" or "<="
  std::string unit;
  int decimals = 2;               ///< decimals the figures are compared and printed with
  std::string layer;              ///< the layer checked (label)
  std::string delivery;
  /// The figures behind the result as the text of one JSON object (UTF-8, compact), the
  /// "details" of the JSON report: JSON text rather than a C++ tree, so that it passes
  /// unchanged to a C caller (a char*), to Python (json.loads) and into the report, and so
  /// that no JSON library's type is part of redline's API. Parse it with any JSON library.
  /// Keys by kind (areas in `unit` unless said otherwise; every list in a fixed order):
  ///  - not-reduced: area, against (the figures compared with, in words), parts [{against,
  ///    threshold, passed}], features (count); with a previous version: previous_area, gained,
  ///    lost, gained_noise, lost_noise, uncompensated, compensated (bool), key ("fid" when
  ///    none), lost_features [{key, label, change, area}], largest first; with `by`: by,
  ///    groups [{group (null for no value), value, baseline?, previous?, threshold, passed}]
  ///    (threshold and passed null for a group that has nothing to be compared with).
  ///  - nature-unchanged, function-not-lowered: field, order and outside_order [{value,
  ///    features}] (function-not-lowered), previous, reclassified [{from, to, area,
  ///    direction ("lowered", "raised" or "unranked": function-not-lowered)}],
  ///    reclassified_total, noise, shared_area.
  ///  - min-share: inside, of, area_unit, share_of (the label of the layer the share is of),
  ///    within, slivers.
  ///  - share-of-zones: field, zones, counted_area, total_area, area_unit, by_zone [{zone (null
  ///    for no value), area, counted}].
  ///  - min-share and share-of-zones by length: "measure": "length", "length_unit" instead of
  ///    area_unit, and lengths where the keys above have areas: inside, of (min-share);
  ///    counted_length, total_length, by_zone [{zone, length, counted}] (share-of-zones).
  ///  - no-overlap: with (labels; [] against itself), key ("fid" when none), area_unit,
  ///    overlap_area, by_layer [{layer, area, pairs, features (of the checked layer in a pair),
  ///    with_features (of that layer)}], pairs_total, pairs [{layer,
  ///    first, second, area, x, y}] (largest first, then by layer, first, second; at most
  ///    kMaxListedConflicts), slivers, sliver_area, sliver_width (m).
  ///  - max-inside: within, key, area_unit, inside, area (the layer's), percent,
  ///    features_inside, features [{key, inside, percent}] (largest first; at most
  ///    kMaxListedConflicts), slivers (features whose overlap was only slivers).
  ///  - no-gaps: within, area_unit, gap_area, gaps_total, gaps [{x, y, area}] (largest first;
  ///    at most kMaxListedConflicts), slivers, sliver_area, sliver_width (m).
  ///  - any kind with `where`: where_matches {layer label: features kept}.
  /// DEFAULT: "{}" (a result not made by run_checks).
  std::string details_json = "{}";
  /// Plain-words lines for the report: what was lost, what changed class, by how much. In a
  /// failed check each explains the failure (reports mark them 未达标).
  std::vector<std::string> findings;
  /// Context that is no verdict, printed unmarked: a part of the check that passed, a loss that
  /// gains compensate, a group or value that could not be judged.
  std::vector<std::string> notes;
  /// With CheckRunOptions::keep_geometries (or keep_conflict_geometries, for a conflict kind):
  /// the pieces behind the figure (shared: results stay
  /// copyable). Null otherwise.
  std::shared_ptr<const CheckGeometries> geometries;

  /// Returns value − threshold for ">=", threshold − value for "<=": the margin by which the
  /// check passes (negative when it fails).
  double margin() const { return comparison == "<=" ? threshold - value : value - threshold; }
};

struct CheckRunOptions {
  /// How every layer of the checks is read (CRS, encoding, invalid polygons, warnings,
  /// progress): read.layer is not used (each LayerRef names its own layer); read.threads is
  /// also the number of threads that measure (DEFAULT kDefaultThreads: all cores). DEFAULT: ReadOptions{}:
  /// repair invalid polygons, CRS and encoding from the source.
  ReadOptions read;
  /// Keep the geometry behind each check's figure (CheckResult::geometries: lost and gained
  /// pieces, reclassified pieces, the parts inside and outside, the conflict pieces, and the
  /// layers they are drawn over), for maps (redline/report/check_maps.h) and for writing the
  /// conflicts. Costs memory: a copy of the checked layers' geometry. DEFAULT: off.
  bool keep_geometries = false;
  /// Keep the geometry of the conflict kinds only (no-overlap, max-inside, no-gaps: what
  /// redline/report/conflict_layers.h writes), not the other kinds' copies of their layers: for a
  /// run that writes the conflicts and draws no map. Implied by keep_geometries. DEFAULT: off.
  bool keep_conflict_geometries = false;
};

/// Runs the checks in order and returns one result each. Each source layer is read once.
/// Throws what reading throws, what validate_check throws, UsageError for parameters that do
/// not suit the data (an unknown field; a `previous` or `within` that is, on disk, the checked
/// layer itself, through another path), and InputError for a figure that is not finite.
REDLINE_EXPORT std::vector<CheckResult> run_checks(const std::vector<CheckSpec>& specs,
                                                  const CheckRunOptions& options = {});

/// Returns true when every result passed (and there is at least one).
REDLINE_EXPORT bool all_passed(const std::vector<CheckResult>& results);

}  // namespace redline
