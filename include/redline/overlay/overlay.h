#pragma once
// Overlay of two polygon layers into one result layer that carries the attributes of both, as
// QGIS's and ArcGIS's overlay tools and GeoPandas's overlay() produce:
//  - intersection: one feature per pair (a, b) whose interiors meet: a ∩ b, attributes of a and b;
//  - difference:   one feature per a: a − (union of B), attributes of a (B's fields are null);
//  - identity:     the intersections, then each a's part outside B (B's fields null);
//  - union:        the identity, then each b's part outside A (A's fields null).
// Pieces that only touch (a shared edge) produce nothing; every geometry is a (Multi)Polygon
// on the precision grid, in the working CRS. Features come in a fixed order — intersections by
// (a, b) in layer order, then the parts of A, then those of B — whatever the thread count.
//
// Example usage:
//   redline::OverlayOptions options;
//   options.op = redline::OverlayOp::Identity;
//   redline::OverlayResult r = redline::overlay_layers(parcels, redline_layer, options);
//   redline::write_overlay_layer(r, parcels, redline_layer, "parcels_x_redline.gpkg",
//                                redline::AreaUnit::Hectare);  // redline/report/overlay_layer.h
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/io/layer_origin.h"
#include "redline/overlay/engine_options.h"

namespace redline {

enum class OverlayOp { Intersection, Difference, Identity, Union };

/// DEFAULT operation: the intersection.
constexpr OverlayOp kDefaultOverlayOp = OverlayOp::Intersection;

/// Parses "intersection", "difference", "identity" or "union" (any ASCII case). Throws
/// UsageError "unknown overlay operation 'x' (expected intersection, difference, identity or union)".
REDLINE_EXPORT OverlayOp parse_overlay_op(const std::string& text);
/// Returns "intersection", "difference", "identity" or "union".
REDLINE_EXPORT std::string overlay_op_name(OverlayOp op);
/// Returns the operations' names as "intersection, difference, identity or union" (for help).
REDLINE_EXPORT std::string overlay_op_choices();

struct OverlayOptions {
  EngineOptions engine;
  OverlayOp op = kDefaultOverlayOp;  // DEFAULT: intersection
};

/// One result feature: where it came from and its geometry.
struct OverlayFeature {
  std::optional<std::size_t> a, b;  ///< indices into the input layers' features (absent: none)
  Geometry geometry;                ///< in the working CRS
  double area_m2 = 0.0;
};

struct OverlayResult {
  LayerOrigin a, b;  ///< the two inputs: source, layer, read report
  OverlayOp op = OverlayOp::Intersection;
  Crs crs;
  AreaMethod method = AreaMethod::Ellipsoidal;
  double grid_size = 0.0;
  std::vector<OverlayFeature> features;
  std::size_t from_both = 0, a_only = 0, b_only = 0;  ///< feature counts by origin
  double total_m2 = 0.0;
  double a_repair_delta_m2 = 0.0, b_repair_delta_m2 = 0.0;  ///< area change from repairs
};

/// Overlays `a` with `b` (see above); `b` is transformed into the working CRS (DEFAULT: a's).
/// Throws UsageError for a method that does not suit the CRS, InputError naming the feature
/// when a geometry cannot be transformed or measured.
REDLINE_EXPORT OverlayResult overlay_layers(const Layer& a, const Layer& b, const OverlayOptions& options = {});

}  // namespace redline
