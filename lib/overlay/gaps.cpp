#include "redline/overlay/gaps.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <numeric>

#include "overlay/conflict_pieces.h"
#include "overlay/free_edges.h"
#include "overlay/overlay_inputs.h"
#include "overlay/piece_matcher.h"
#include "overlay/piece_set.h"
#include "redline/geom/envelope_index.h"
#include "redline/geom/ops.h"
#include "redline/geom/predicates.h"
#include "util/work_loop.h"

namespace redline {

namespace {

using detail::Piece;
using detail::PieceMatcher;
using detail::Relation;

// A part of `within` and the cover pieces that may meet it: one overlay's worth of work.
struct Cell {
  Geometry area;                  // the part of a piece of `within` inside the cell's box
  std::vector<std::size_t> cover;  // cover pieces whose boxes meet it
  bool uniform = false;           // no free edge meets the box: covered all over, or not at all
};

// Fewest cover pieces for which a cell is split: the union of a few dozen parcels is cheap, the
// union of the thousands a county piece meets (a cascaded union of the whole layer) was most
// of the run.
constexpr std::size_t kCellCover = 48;
// Deepest split: 2^-16 of a piece's box. Stops the splitting where many features pile up on one
// place (overlapping features), which splitting cannot thin out.
constexpr int kMaxDepth = 16;

// Returns `v` on the grid (a cut line on the grid stays a line of grid points).
double on_grid(double v, double grid) { return grid > 0 ? std::round(v / grid) * grid : v; }

// Cuts `cell` into cells of at most kCellCover cover pieces each (halving its box along its
// longer side), in a fixed order, and appends them to `out`.
void split_cell(Cell cell, const Envelope& box, const detail::PieceSet& cover, const EnvelopeIndex& free_edges,
                double grid, int depth, std::vector<Cell>& out) {
  if (cell.area.is_empty()) return;
  // The union's boundary cannot pass through the box: one point decides (uncovered_part()).
  cell.uniform = cell.cover.empty() || free_edges.query(box).empty();
  if (cell.uniform || cell.cover.size() <= kCellCover || depth >= kMaxDepth) {
    out.push_back(std::move(cell));
    return;
  }
  Envelope low = box, high = box;
  if (box.max_x - box.min_x >= box.max_y - box.min_y) {
    low.max_x = high.min_x = on_grid((box.min_x + box.max_x) / 2, grid);
  } else {
    low.max_y = high.min_y = on_grid((box.min_y + box.max_y) / 2, grid);
  }
  for (const Envelope& half : {low, high}) {
    Cell part;
    part.area = intersection(cell.area, Geometry::rectangle(half), grid);
    if (part.area.is_empty()) continue;
    const Envelope area_box = part.area.envelope();
    for (std::size_t j : cell.cover) {
      if (cover[j].envelope.intersects(area_box)) part.cover.push_back(j);
    }
    split_cell(std::move(part), half, cover, free_edges, grid, depth + 1, out);
  }
}

// Returns the cells of one piece of `within`: none when one cover piece covers it all.
std::vector<Cell> cells_of(const Piece& area, const detail::PieceSet& cover, const EnvelopeIndex& free_edges,
                           PieceMatcher& matcher, double grid) {
  matcher.set_target(area);
  Cell whole;
  for (std::size_t j : cover.query(area.envelope)) {
    const Relation r = matcher.relate(j);
    if (r == Relation::Disjoint) continue;
    if (r == Relation::TargetInside) return {};  // one feature covers it all
    whole.cover.push_back(j);
  }
  whole.area = area.geometry->clone();
  std::vector<Cell> out;
  split_cell(std::move(whole), area.envelope, cover, free_edges, grid, 0, out);
  return out;
}

// The part of a cell that no cover piece covers (null when covered).
Geometry uncovered_part(const Cell& cell, const detail::PieceSet& cover, double grid) {
  if (cell.cover.empty()) return cell.area.clone();
  double x = 0, y = 0;
  if (cell.uniform && interior_point(cell.area, x, y)) {
    // Inside the union all over, or outside it all over: a point of the cell tells which (on a
    // shared edge, a piece's boundary holds it).
    std::ostringstream wkt;
    wkt << std::setprecision(17) << "POINT (" << x << " " << y << ")";
    const Geometry point = Geometry::from_wkt(wkt.str());
    for (std::size_t j : cell.cover) {
      const Geometry& piece = *cover[j].geometry;
      if (relate_matches(point, piece, "T********") || relate_matches(point, piece, "*T*******")) return Geometry();
    }
    return cell.area.clone();
  }
  std::vector<GeometryView> met;
  met.reserve(cell.cover.size());
  for (std::size_t j : cell.cover) met.push_back(*cover[j].geometry);
  return difference(cell.area, met.size() == 1 ? met[0] : union_all(met, grid), grid);
}

}  // namespace

GapResult find_gaps(const Layer& layer, const Layer& within, const OverlapOptions& options) {
  // `within` first: its pieces are the work items; the working CRS is the layer's.
  const detail::OverlayInputs in(within, layer, detail::conflict_engine_options(options, layer.crs));
  const detail::PieceSet& areas = in.first_pieces();
  const detail::PieceSet& cover = in.second_pieces();
  const EnvelopeIndex free_edges = detail::free_edge_index(cover, in.threads());
  std::vector<std::vector<Cell>> cells_by_piece(areas.size());
  detail::run_workers<PieceMatcher>(
      areas.size(), in.threads(), options.progress, "checking gaps", [&] { return PieceMatcher(cover); },
      [&](std::size_t k, PieceMatcher& matcher) {
        try {
          cells_by_piece[k] = cells_of(areas[k], cover, free_edges, matcher, in.grid());
        } catch (const Error& e) {
          rethrow_with_location(e, within.where(within.features[areas[k].feature].fid));
        }
      });
  std::vector<Cell> cells;
  for (std::vector<Cell>& c : cells_by_piece) {
    for (Cell& cell : c) cells.push_back(std::move(cell));
  }
  std::vector<Geometry> uncovered(cells.size());
  detail::parallel_for(cells.size(), in.threads(),
                       [&](std::size_t i) { uncovered[i] = uncovered_part(cells[i], cover, in.grid()); }, 1);
  // The pieces' parts joined across the cut lines of `within` (and where within's features
  // overlap), then split into connected parts.
  Geometry all = detail::merge_parts(uncovered, in.grid());
  std::vector<Geometry> parts;
  if (!all.is_empty()) {
    if (all.type() == GeometryType::Polygon) {
      parts.push_back(std::move(all));
    } else {
      for (std::size_t i = 0; i < all.num_parts(); ++i) {
        if (!all.part(i).is_empty()) parts.push_back(all.part(i).clone());
      }
    }
  }
  const std::vector<detail::MeasuredPiece> measured =
      detail::measure_pieces(parts, in, options.sliver_width_metres, options.progress);

  GapResult r;
  in.describe_frame(r);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const detail::MeasuredPiece& m = measured[i];
    if (!detail::listed_piece(m, r.slivers, r.sliver_area_m2)) continue;
    r.gaps.push_back(Gap{std::move(parts[i]), m.area_m2, m.x, m.y});
    r.total_area_m2 += m.area_m2;
  }
  std::stable_sort(r.gaps.begin(), r.gaps.end(), [](const Gap& a, const Gap& b) {
    if (a.area_m2 != b.area_m2) return a.area_m2 > b.area_m2;
    if (a.x != b.x) return a.x < b.x;
    return a.y < b.y;
  });
  return r;
}

}  // namespace redline
