#pragma once
// Private to lib/geom: GEOS geometries of the common WKB - 2D little-endian (Multi)Polygons and
// (Multi)LineStrings, what every layer read hands to Geometry::from_wkb - built straight from
// their coordinates (GEOSCoordSeq_copyFromBuffer_r, one copy per ring or line) rather than by
// GEOS's WKB reader, which stores each ordinate through a virtual call: a tenth of reading a
// parcel layer.
#include <geos_c.h>

#include <cstddef>

namespace redline::detail {

/// Returns the geometry GEOS's WKB reader (GEOSGeomFromWKB_buf_r) makes of `bytes` - the same
/// type, parts, rings and coordinates, bit for bit - for ISO or OGC 2D little-endian WKB of a
/// LineString, Polygon, MultiLineString or MultiPolygon whose lines have at least 2 points and
/// whose rings are closed with at least 4, with nothing after the geometry. Returns null for
/// anything else - other types, Z or M, big-endian, empty geometries or parts, short or open
/// rings, truncated or trailing bytes, a big-endian host - so that the caller takes GEOS's
/// reader, which reads or refuses such bytes in its own words. Throws InternalError when GEOS
/// fails to build what it was given (out of memory). The caller owns the result.
GEOSGeometry* build_from_common_wkb(GEOSContextHandle_t handle, const unsigned char* bytes,
                                    std::size_t size);

}  // namespace redline::detail
