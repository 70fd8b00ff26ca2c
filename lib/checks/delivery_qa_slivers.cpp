// Delivery QA, sliver polygons: features, and parts of MultiPolygons, in which no disk of the
// QA sliver width fits (redline/overlay/sliver.h decides "thinner than").
#include <fmt/format.h>

#include "checks/delivery_qa_parts.h"
#include "redline/geom/ops.h"
#include "redline/overlay/sliver.h"
#include "util/work_loop.h"

namespace redline::detail {
namespace {

struct FeatureSlivers {
  std::vector<std::size_t> parts;  // indices of the thin polygon parts
  std::size_t polygons = 0;        // polygon parts in the feature
  double area_m2 = 0;
  Geometry geometry;               // the thin parts, when kept
};

}  // namespace

void find_sliver_polygons(const Layer& layer, const QaOptions& options, std::optional<std::size_t> key_field,
                          std::vector<QaFinding>& out, double& sliver_area_m2) {
  const double width = sliver_width_in_crs_units(options.sliver_width_metres, layer.crs);
  const double grid = layer.crs.is_geographic() ? kDefaultGridSizeGeographic : kDefaultGridSizeProjected;
  AreaCalculator probe(layer.crs, options.method);  // a method the CRS refuses fails here, once
  std::vector<FeatureSlivers> found(layer.features.size());
  run_workers<AreaCalculator>(
      layer.features.size(), options.threads, options.progress, "slivers",
      [&] { return AreaCalculator(layer.crs, options.method); },
      [&](std::size_t i, AreaCalculator& calc) {
        const Geometry& g = layer.features[i].geometry;
        if (g.is_empty()) return;
        FeatureSlivers& s = found[i];
        std::vector<GeometryView> thin;
        for (std::size_t p = 0; p < g.num_parts(); ++p) {
          const GeometryView part = g.part(p);
          if (part.is_empty() || part.type() != GeometryType::Polygon) continue;
          ++s.polygons;
          if (!is_sliver(part, width)) continue;
          s.parts.push_back(p);
          s.area_m2 += calc.area(part);
          thin.push_back(part);
        }
        if (options.keep_geometries && !thin.empty()) s.geometry = union_all(thin, grid);
      });
  for (std::size_t i = 0; i < found.size(); ++i) {
    FeatureSlivers& s = found[i];
    if (s.parts.empty()) continue;
    QaFinding f;
    f.kind = QaFindingKind::Sliver;
    f.features.push_back(qa_feature(layer, i, key_field));
    const GeometryView first = layer.features[i].geometry.part(s.parts.front());
    if (const auto centre = box_centre(first)) {
      f.x = centre->first;
      f.y = centre->second;
    }
    f.area_m2 = s.area_m2;
    const std::string thinner = fmt::format("thinner than {:g} m: no disk that wide fits", options.sliver_width_metres);
    if (s.parts.size() == s.polygons) {
      f.detail = "the whole feature is " + thinner;
    } else if (s.parts.size() == 1) {
      f.detail = fmt::format("part {} of {} is {}", s.parts.front() + 1, s.polygons, thinner);
    } else {
      f.detail = fmt::format("{} of its {} parts are {}", s.parts.size(), s.polygons, thinner);
    }
    f.geometry = std::move(s.geometry);
    sliver_area_m2 += s.area_m2;
    out.push_back(std::move(f));
  }
}

}  // namespace redline::detail
