#pragma once
// Private: where the boundary of the union of a layer's pieces can be — for finding gaps
// without unioning the whole layer.
//
// A segment of a piece's ring that another piece repeats exactly, with its interior on the
// other side (neighbouring parcels sharing an edge), has the union on both sides: it is not on
// the union's boundary, nor are vertices all of whose segments are so shared. Every other
// segment is "free": the boundary of the union lies on free segments only. A part of the plane
// that no free segment meets is therefore wholly inside the union or wholly outside it, and one
// point tells which. Segments shared in part (a vertex of one parcel in the middle of its
// neighbour's edge) stay free: the answer stays right, only less work is saved.
#include <vector>

#include "overlay/piece_set.h"
#include "redline/geom/envelope_index.h"

namespace redline::detail {

/// Returns an index over the boxes of the free segments of `pieces` (see above), found on
/// `threads` threads; the same for any thread count.
EnvelopeIndex free_edge_index(const PieceSet& pieces, unsigned threads);

}  // namespace redline::detail
