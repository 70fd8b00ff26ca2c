#pragma once
// Private: the envelope of a feature read straight from its WKB bytes, without building the
// GEOS geometry: what the spatial prefilter (ReadOptions::keep_envelope) needs to leave a
// feature out before anything else is done to it.
#include <cstddef>
#include <optional>

#include "redline/geom/geometry.h"

namespace redline::detail {

/// What a scan of WKB bytes found.
struct WkbScan {
  GeometryType type = GeometryType::GeometryCollection;  ///< the outermost type
  Envelope envelope;  ///< of every vertex (holes included); null when there is none
};

/// Scans 2D ISO WKB (either byte order) of a Point, LineString, Polygon, MultiPoint,
/// MultiLineString or MultiPolygon. Returns nullopt when the bytes are anything else
/// (collections, Z/M, curves), malformed or truncated, or when a coordinate is NaN, infinite
/// or beyond ±`limit`: the caller then takes the GEOS path, which says what is wrong. The
/// envelope equals vertex_envelope() of the geometry GEOS builds from the same bytes.
std::optional<WkbScan> scan_wkb(const unsigned char* bytes, std::size_t size, double limit);

}  // namespace redline::detail
