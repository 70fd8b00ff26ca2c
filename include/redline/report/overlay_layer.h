#pragma once
// The result layer of an overlay, written as one GeoPackage layer for QGIS.
//
// One layer named after the operation ("intersection", "difference", "identity", "union"), in
// the working CRS, one feature per OverlayFeature in the result's order. Fields: A's, then
// B's (a name A already uses gets a suffix "_2", "_3"...), then area_<unit>; a feature from
// one layer only has the other layer's fields null.
//
// Example usage:
//   redline::OverlayResult r = redline::overlay_layers(parcels, redline_layer, options);
//   redline::write_overlay_layer(r, parcels, redline_layer, "parcels_x_redline.gpkg",
//                                redline::AreaUnit::Hectare);
#include <string>

#include "redline/export.h"
#include "redline/io/layer.h"
#include "redline/measure/units.h"
#include "redline/overlay/overlay.h"

namespace redline {

/// Writes `result` to the GeoPackage `path` (a temporary file renamed on success; an existing
/// file is replaced). `a` and `b` are the layers the result was computed from. Throws
/// UsageError when `path` is one of their sources or no place for a GeoPackage
/// (check_output_target() in redline/io/output_path.h), OutputError when it cannot be written.
REDLINE_EXPORT void write_overlay_layer(const OverlayResult& result, const Layer& a, const Layer& b,
                                        const std::string& path, AreaUnit unit);

}  // namespace redline
