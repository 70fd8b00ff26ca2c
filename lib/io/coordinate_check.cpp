#include "io/coordinate_check.h"

#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "crs/crs_plausibility.h"
#include "geom/coordinate_scan.h"
#include "redline/io/layer.h"

namespace redline::detail {

void require_finite_coordinates(const Geometry& geometry) {
  const auto bad = find_out_of_range_vertex(geometry, kMaxCoordinate);
  if (!bad) return;
  const bool finite = std::isfinite(bad->x) && std::isfinite(bad->y);
  throw InputError(fmt::format(
      "vertex ({}, {}) {}: no figure can be computed from it", bad->x, bad->y,
      finite ? fmt::format("lies beyond ±{:g} in the CRS's units, far off the Earth", kMaxCoordinate)
             : std::string("is not a finite number")));
}

void require_flat_lonlat_rings(const Geometry& geometry, const Crs& crs) {
  if (!crs.is_geographic()) return;
  const auto edge = find_wrapping_edge(geometry, 180.0);
  if (!edge) return;
  throw InputError(fmt::format(
      "a ring edge runs from ({}, {}) to ({}, {}), across {}° of longitude: the ring encloses a "
      "pole or crosses the antimeridian (180°), which a polygon in flat longitude/latitude cannot "
      "represent, and repairing it would destroy its area; redline measures areas within China "
      "and does not split such rings: split it at 180° or use a projected CRS",
      edge->from.x, edge->from.y, edge->to.x, edge->to.y, std::fabs(edge->to.x - edge->from.x)));
}

namespace {
bool beyond_degrees(const Envelope& e) {
  return !e.is_null && !(std::fabs(e.min_x) <= 180 && std::fabs(e.max_x) <= 180 &&
                         std::fabs(e.min_y) <= 90 && std::fabs(e.max_y) <= 90);
}
}  // namespace

LayerExtentCheck::LayerExtentCheck(const Crs& crs, bool trust_crs, bool check_contradictions,
                                   Location where)
    : crs_(crs), trust_crs_(trust_crs), check_contradictions_(check_contradictions),
      where_(std::move(where)) {
  if (crs_.is_known()) growing_.emplace(crs_);
}

void LayerExtentCheck::add(std::int64_t fid, const Envelope& envelope) {
  if (envelope.is_null) return;
  extent_.expand(envelope);
  if (!first_beyond_degrees_ && beyond_degrees(envelope)) first_beyond_degrees_ = fid;
}

bool LayerExtentCheck::refused_early() const {
  if (!growing_) return false;
  const std::optional<bool> overridable = growing_->contradiction(extent_);
  if (!overridable) return false;
  // What finish() does with it: a contradiction no CRS survives is always refused, one a CRS
  // could survive only when contradictions are checked and the CRS is not trusted.
  return !*overridable || (check_contradictions_ && !trust_crs_);
}

void LayerExtentCheck::finish(std::vector<std::string>& notes) const {
  if (!crs_.is_known() || extent_.is_null) return;
  const auto contradiction = find_crs_contradiction(crs_, extent_);
  if (!contradiction) return;
  if (!contradiction->overridable) {
    // Name the first feature that cannot be in this CRS, so that one stray feature is found.
    Location at = where_;
    if (first_beyond_degrees_) at.feature = *first_beyond_degrees_;
    throw InputError(contradiction->reason, at);
  }
  if (!check_contradictions_) return;
  if (!trust_crs_) {
    throw InputError(contradiction->reason + "; use the right CRS, or trust this one explicitly "
                                             "to measure with it anyway",
                     where_);
  }
  notes.push_back("CRS trusted as asked although it contradicts the coordinates: " +
                  contradiction->reason);
}

void check_crs_against_coordinates(const Crs& crs, const std::vector<FeatureExtent>& extents,
                                   bool trust_crs, bool check_contradictions,
                                   const Location& where, std::vector<std::string>& notes) {
  LayerExtentCheck check(crs, trust_crs, check_contradictions, where);
  for (const FeatureExtent& f : extents) check.add(f.fid, f.envelope);
  check.finish(notes);
}

}  // namespace redline::detail
