#pragma once
// Private: what reading does to each feature's geometry once GDAL has handed over its bytes:
// made a 2D polygon (or counted as null, empty or not a polygon), its coordinates checked, and,
// once the layer's CRS is settled, validated and repaired under the InvalidPolicy.
//
// Both steps touch one feature only, so read_layer() runs them on all cores.
#include <cstdint>
#include <optional>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/geom/geometry.h"
#include "redline/io/feature.h"
#include "redline/io/layer.h"

namespace redline::detail {

/// One feature as GDAL gave it, before the geometry work.
struct RawFeature {
  std::int64_t fid = 0;
  std::vector<unsigned char> wkb;  ///< ISO WKB, 2D, linear; empty for a null geometry
  std::vector<Value> values;
  bool flattened = false;   ///< Z or M were dropped
  bool linearised = false;  ///< curves were replaced by line segments
};

/// The geometry work's outcome for one feature.
struct NormalisedGeometry {
  Geometry geometry;
  Geometry original;                  ///< the invalid geometry as drawn, when repaired
  std::optional<FeatureIssue> issue;  ///< what was noticed, if anything
  bool skip = false;                  ///< leave the feature out
  bool measurable = false;            ///< a non-empty polygon, to validate
  Envelope envelope;                  ///< of the geometry, for the layer-wide CRS check
  bool repair_beyond_tolerance = false;
};

/// Step 1: the geometry from `raw`'s WKB (freed as it goes), its coordinates checked finite, its
/// polygonal part kept (a feature with none is skipped as NotPolygon). Throws InputError for
/// non-finite coordinates or WKB GEOS cannot read (without the feature's location).
/// With `geometry` Lines, (Multi)LineStrings are kept instead and any other non-empty geometry is
/// skipped as NotLine.
NormalisedGeometry normalise_geometry(RawFeature& raw, LayerGeometry geometry);

/// Step 2, once the CRS is settled: a flat longitude/latitude ring check in a geographic CRS,
/// then validity; an invalid polygon is repaired (and audited against
/// options.repair_tolerance_percent) or marked to skip, as options.invalid says. Throws
/// InputError (without the feature's location) for a ring round a pole or across the
/// antimeridian.
/// With `geometry` Lines: the same antimeridian check for segments, then a line without two
/// distinct vertices is a DegenerateLine (see redline::LayerGeometry); lines are never repaired.
void validate_geometry(NormalisedGeometry& out, const RawFeature& raw, const Crs& crs,
                       const ReadOptions& options, LayerGeometry geometry);

}  // namespace redline::detail
