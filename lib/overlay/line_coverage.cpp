#include "redline/overlay/line_coverage.h"

#include <map>
#include <optional>
#include <utility>

#include "redline/geom/envelope_index.h"
#include "redline/geom/ops.h"
#include "redline/io/reproject.h"
#include "measure/feature_groups.h"
#include "util/parallel.h"

namespace redline {

namespace {

// The inside and total length of one line, in metres, and its parts when kept.
struct Measured {
  double length_m = 0.0, inside_m = 0.0;
  Geometry inside, outside;
};

}  // namespace

LineCoverageResult compute_line_coverage(const Layer& lines, const Layer& cover, const LineCoverageOptions& options) {
  if (lines.geometry != LayerGeometry::Lines) {
    throw InputError("the layer measured holds polygons, not lines: line coverage measures lengths (use the "
                     "coverage of polygons for areas)",
                     lines.where());
  }
  if (cover.geometry != LayerGeometry::Polygons) {
    throw InputError("the cover holds lines, not polygons: a line can only lie inside polygons", cover.where());
  }
  const double grid = lines.crs.is_geographic() ? kDefaultGridSizeGeographic : kDefaultGridSizeProjected;
  LineCoverageResult r{origin_of(lines), origin_of(cover), lines.crs, options.method, grid, options.group_field,
                       options.id_field, {}, {}, {}, 0};
  const detail::FieldIndexes fields(lines, options.group_field, options.id_field);
  LengthCalculator probe(lines.crs, options.method);  // refuses planar in a geographic CRS first

  // The cover in the lines' CRS (a copy only when it must move).
  std::optional<Layer> moved;
  if (!cover.crs.equivalent_to(lines.crs)) {
    moved = cover.clone();
    reproject_layer(*moved, lines.crs, options.threads);
  }
  const Layer& area = moved ? *moved : cover;
  std::vector<Envelope> boxes;
  boxes.reserve(area.features.size());
  for (const Feature& f : area.features) boxes.push_back(f.geometry.envelope());
  const EnvelopeIndex index(boxes);

  const std::size_t n = lines.features.size();
  std::vector<Measured> measured(n);
  auto make_calculator = [&] { return LengthCalculator(lines.crs, options.method); };
  detail::parallel_for_with_state(n, options.threads, make_calculator,
                                  [&](std::size_t i, LengthCalculator& calc, unsigned) {
    const Feature& f = lines.features[i];
    try {
      measured[i].length_m = calc.length(f.geometry);
      if (f.geometry.is_empty()) return;
      // The union of the cover features near the line: overlaps count once, shared edges vanish.
      std::vector<GeometryView> near;
      for (std::size_t k : index.query(f.geometry.envelope())) near.push_back(area.features[k].geometry);
      if (near.empty()) {
        if (options.keep_geometries) measured[i].outside = f.geometry.clone();
        return;
      }
      const Geometry local_cover = union_all(near, r.grid_size);
      Geometry inside = lines_inside(f.geometry, local_cover, r.grid_size);
      measured[i].inside_m = calc.length(inside);
      if (options.keep_geometries) {
        // What is not inside, along the boundary included, is outside.
        measured[i].outside = lines_difference(f.geometry, inside, r.grid_size);
        measured[i].inside = std::move(inside);
      }
      // Cut on the grid, a line wholly inside may measure a hair longer than drawn: never more.
      if (measured[i].inside_m > measured[i].length_m) measured[i].inside_m = measured[i].length_m;
    } catch (const Error& e) {
      rethrow_with_location(e, lines.where(f.fid));
    }
  }, /*chunk=*/4);
  if (options.progress) options.progress("measuring", n, n);

  std::map<std::pair<bool, std::string>, GroupLineCoverage> groups;  // null group last
  r.features.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    FeatureLineCoverage fc;
    fc.index = i;
    fields.identify(lines.features[i], fc);
    fc.length_m = measured[i].length_m;
    fc.inside_m = measured[i].inside_m;
    fc.outside_m = fc.length_m - fc.inside_m;
    fc.inside = std::move(measured[i].inside);
    fc.outside = std::move(measured[i].outside);
    const bool inside = fc.inside_m > 0;
    r.total.length_m += fc.length_m;
    r.total.inside_m += fc.inside_m;
    r.total.outside_m += fc.outside_m;
    r.features_inside += inside;
    if (fields.group) {
      GroupLineCoverage& g = groups[{fc.group_missing, fc.group}];
      g.key = fc.group;
      g.null_key = fc.group_missing;
      ++g.features;
      g.features_inside += inside;
      g.length_m += fc.length_m;
      g.inside_m += fc.inside_m;
      g.outside_m += fc.outside_m;
    }
    r.features.push_back(std::move(fc));
  }
  for (auto& entry : groups) r.groups.push_back(std::move(entry.second));
  return r;
}

}  // namespace redline
