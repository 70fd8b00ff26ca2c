#pragma once
// Private: a fast proof that a one-ring polygon is valid, so that GEOS's full validity check is
// left to the polygons it cannot settle.
//
// A polygon whose only ring is closed, has at least three distinct vertices and is simple (no
// two of its edges meet but neighbours at their common vertex, and neighbours do not fold back
// on each other) is valid as GEOS defines it: with no hole, nothing else can go wrong. The proof
// compares the edges whose boxes meet, found by a sweep over x, with Shewchuk's filtered
// orientation predicate; any pair it cannot prove apart (a touch, a crossing, a near miss too
// close for the predicate, collinear edges) makes it answer "not proven", and GEOS decides.
// Parcels are one ring of a few dozen vertices: the proof costs a fraction of GEOS's check,
// which builds monotone chains and an index for every polygon.
#include "redline/geom/geometry.h"

namespace redline::detail {

/// Returns true only when `geometry` is a Polygon, or a MultiPolygon of one polygon, with one
/// ring (no hole) that is proven simple as above: then GEOS would find it valid. False says
/// nothing: ask GEOS. Thread-safe.
bool proven_valid_one_ring_polygon(GeometryView geometry);

}  // namespace redline::detail
