#include "io/geometry_normalisation.h"

#include <cmath>
#include <string>

#include <fmt/format.h>
#include <utility>

#include "geom/coordinate_scan.h"
#include "io/coordinate_check.h"
#include "io/repair_audit.h"
#include "redline/geom/paths.h"
#include "redline/geom/validity.h"

namespace redline::detail {

namespace {

void set_issue(NormalisedGeometry& out, std::int64_t fid, FeatureIssue::Kind kind,
               FeatureIssue::Action action, std::string reason) {
  FeatureIssue i;
  i.fid = fid;
  i.kind = kind;
  i.action = action;
  i.reason = std::move(reason);
  out.issue = std::move(i);
}

// A valid feature's only issue: what reading changed in it.
void note_flattening(NormalisedGeometry& out, const RawFeature& raw) {
  if (raw.flattened) {
    set_issue(out, raw.fid, FeatureIssue::Kind::Flattened, FeatureIssue::Action::Counted,
              "Z/M values dropped");
  } else if (raw.linearised) {
    set_issue(out, raw.fid, FeatureIssue::Kind::Linearised, FeatureIssue::Action::Counted,
              "curves replaced by line segments");
  }
}

// True when some line of `g` has two different consecutive vertices: it has a length.
bool has_two_distinct_vertices(GeometryView g) {
  bool found = false;
  for_each_path(g, [&](const PathView& p) {
    for (std::size_t i = 1; i < p.size && !found; ++i) {
      found = p.x(i) != p.x(0) || p.y(i) != p.y(0);
    }
    return !found;
  });
  return found;
}

// The line counterpart of validate_geometry: lines are never repaired.
void validate_line(NormalisedGeometry& out, const RawFeature& raw, const Crs& crs,
                   const ReadOptions& options) {
  if (crs.is_geographic()) {
    if (const auto edge = find_wrapping_edge(out.geometry, 180.0)) {
      throw InputError(fmt::format(
          "a line segment runs from ({}, {}) to ({}, {}), across {}° of longitude: it crosses the "
          "antimeridian (180°) or goes the long way round, which a line in flat longitude/latitude "
          "cannot say; split it at 180° or use a projected CRS",
          edge->from.x, edge->from.y, edge->to.x, edge->to.y, std::fabs(edge->to.x - edge->from.x)));
    }
  }
  if (!has_two_distinct_vertices(out.geometry)) {
    const InvalidPolicy policy = options.invalid;
    const FeatureIssue::Action action = policy == InvalidPolicy::Repair ? FeatureIssue::Action::Counted
                                        : policy == InvalidPolicy::Skip ? FeatureIssue::Action::Skipped
                                                                        : FeatureIssue::Action::Counted;
    set_issue(out, raw.fid, FeatureIssue::Kind::DegenerateLine, action,
              "fewer than 2 distinct vertices: the line has no length");
    for_each_path(out.geometry, [&](const PathView& p) {
      out.issue->x = p.x(0);
      out.issue->y = p.y(0);
      return false;
    });
    if (policy == InvalidPolicy::Skip) {
      out.skip = true;
    } else if (policy == InvalidPolicy::Repair) {
      // Kept with no geometry to measure: its attributes stay in every group, its length is 0.
      out.geometry = Geometry::from_wkt("LINESTRING EMPTY");
    }
    return;
  }
  note_flattening(out, raw);
}

}  // namespace

NormalisedGeometry normalise_geometry(RawFeature& raw, LayerGeometry geometry) {
  NormalisedGeometry out;
  if (raw.wkb.empty()) {
    set_issue(out, raw.fid, FeatureIssue::Kind::NullGeometry, FeatureIssue::Action::Counted,
              "no geometry");
    return out;
  }
  Geometry g = Geometry::from_wkb(raw.wkb.data(), raw.wkb.size());
  std::vector<unsigned char>().swap(raw.wkb);  // free as we go
  // Before anything measures or repairs it: GEOS takes NaN for a valid coordinate.
  require_finite_coordinates(g);
  const std::string type = g.type_name();
  if (geometry == LayerGeometry::Lines) {
    if (type != "LineString" && type != "MultiLineString" && !g.is_empty()) {
      set_issue(out, raw.fid, FeatureIssue::Kind::NotLine, FeatureIssue::Action::Skipped,
                "geometry is a " + type + ", not a line");
      out.skip = true;
      return out;
    }
  } else if (type != "Polygon" && type != "MultiPolygon") {
    Geometry poly = polygonal_part(g.clone());
    if (poly.is_empty() && !g.is_empty()) {
      set_issue(out, raw.fid, FeatureIssue::Kind::NotPolygon, FeatureIssue::Action::Skipped,
                "geometry is a " + type + ", not a polygon");
      out.skip = true;
      return out;
    }
    g = std::move(poly);
  }
  if (g.is_empty()) {
    set_issue(out, raw.fid, FeatureIssue::Kind::EmptyGeometry, FeatureIssue::Action::Counted,
              "empty geometry");
    out.geometry = std::move(g);
    return out;
  }
  out.envelope = vertex_envelope(g);  // holes included: see vertex_envelope
  out.geometry = std::move(g);
  out.measurable = true;
  return out;
}

void validate_geometry(NormalisedGeometry& out, const RawFeature& raw, const Crs& crs,
                       const ReadOptions& options, LayerGeometry geometry) {
  if (!out.measurable) return;
  if (geometry == LayerGeometry::Lines) return validate_line(out, raw, crs, options);
  require_flat_lonlat_rings(out.geometry, crs);
  const InvalidPolicy policy = options.invalid;
  const bool repair = policy == InvalidPolicy::Repair || policy == InvalidPolicy::RepairStrict;
  if (auto problem = find_invalidity(out.geometry)) {
    FeatureIssue::Action action = repair                       ? FeatureIssue::Action::Repaired
                                  : policy == InvalidPolicy::Skip ? FeatureIssue::Action::Skipped
                                                                  : FeatureIssue::Action::Counted;
    set_issue(out, raw.fid, FeatureIssue::Kind::Invalid, action, problem->reason);
    out.issue->x = problem->x;
    out.issue->y = problem->y;
    if (repair) {
      Geometry repaired = make_valid_polygonal(out.geometry);
      const RepairAudit audit =
          audit_repair(out.geometry, repaired, options.repair_tolerance_percent / 100.0);
      out.issue->area_before = audit.area_before;
      out.issue->area_after = audit.area_after;
      out.repair_beyond_tolerance = audit.beyond_tolerance;
      out.original = std::move(out.geometry);
      out.geometry = std::move(repaired);
    } else {
      out.skip = true;
    }
    return;
  }
  note_flattening(out, raw);
}

}  // namespace redline::detail
