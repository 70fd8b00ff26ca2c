#pragma once
// Private: the coordinate and CRS checks of read_layer(), one feature at a time and for the
// layer as a whole (see redline/io/layer.h for what is refused and why).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crs/crs_plausibility.h"
#include "redline/crs/crs.h"
#include "redline/error.h"
#include "redline/geom/geometry.h"

namespace redline::detail {

/// Throws InputError (without location: the caller adds the feature) when a vertex of
/// `geometry` is NaN, infinite or beyond ±kMaxCoordinate.
void require_finite_coordinates(const Geometry& geometry);

/// Throws InputError (without location) when `geometry`, in the geographic CRS `crs`, has a ring
/// edge spanning 180° of longitude or more: a ring round a pole or across the antimeridian.
void require_flat_lonlat_rings(const Geometry& geometry, const Crs& crs);

/// One feature's bounding box, for the layer-wide CRS check.
struct FeatureExtent {
  std::int64_t fid = 0;
  Envelope envelope;
};

/// The layer-wide CRS check made as features arrive, in reading order: add() each measurable
/// feature's envelope, ask refused_early() between batches, finish() at the end. finish() does
/// exactly what check_crs_against_coordinates() does on the same envelopes; refused_early() is
/// true only when finish() will throw whatever the rest of the layer holds (crs_plausibility.h's
/// GrowingExtentCheck: a contradiction every larger extent shows, and one that is refused).
class LayerExtentCheck {
 public:
  LayerExtentCheck(const Crs& crs, bool trust_crs, bool check_contradictions, Location where);
  void add(std::int64_t fid, const Envelope& envelope);
  bool refused_early() const;
  /// The whole-layer check: throws InputError, or adds the trusted contradiction to `notes`.
  void finish(std::vector<std::string>& notes) const;

 private:
  Crs crs_;
  bool trust_crs_, check_contradictions_;
  Location where_;
  Envelope extent_;
  std::optional<std::int64_t> first_beyond_degrees_;  // the first feature impossible in degrees
  std::optional<GrowingExtentCheck> growing_;
};

/// Checks the layer's CRS against its coordinates (crs_plausibility.h). Coordinates impossible
/// in the CRS (beyond ±180°/±90° in a geographic one) throw InputError naming the first feature
/// concerned. A contradiction that a CRS could survive throws InputError at `where`, unless
/// `trust_crs`, when it is added to `notes` instead; `check_contradictions` false skips these
/// (a layer whose CRS nobody chose, as `redline info` reads it).
void check_crs_against_coordinates(const Crs& crs, const std::vector<FeatureExtent>& extents,
                                   bool trust_crs, bool check_contradictions,
                                   const Location& where, std::vector<std::string>& notes);

}  // namespace redline::detail
