// World coordinates of a map to page points.
#include <algorithm>
#include <cmath>

#include "redline/geom/paths.h"
#include "report/map_drawing.h"

namespace redline::detail {

MapFrame::MapFrame(const Envelope& world, const PageBox& box, bool geographic) : box_(box) {
  cx_ = (world.min_x + world.max_x) / 2;
  cy_ = (world.min_y + world.max_y) / 2;
  // Degrees of longitude shrink with latitude: stretching x keeps shapes as on the ground.
  if (geographic) x_stretch_ = std::max(0.01, std::cos(cy_ * M_PI / 180.0));
  const double w = std::max((world.max_x - world.min_x) * x_stretch_, 1e-9);
  const double h = std::max(world.max_y - world.min_y, 1e-9);
  scale_ = std::min(box.w / w, box.h / h);
}

Envelope map_world_extent(const MapSpec& map) {
  Envelope all;
  for (const MapLayer& layer : map.layers) {
    for (const MapFeature& f : layer.features) {
      if (f.geometry.is_null() || f.geometry.is_empty()) continue;
      all.expand(f.geometry.envelope());
    }
  }
  return all;
}

void set_colour(cairo_t* cr, const MapColour& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void add_geometry_path(cairo_t* cr, GeometryView geometry, const MapFrame& frame) {
  for_each_path(geometry, [&](const PathView& path) {
    double px = 0, py = 0;
    if (path.role == PathRole::Point) {
      frame.to_page(path.x(0), path.y(0), px, py);
      cairo_new_sub_path(cr);
      cairo_arc(cr, px, py, 2.0, 0, 2 * M_PI);
      cairo_close_path(cr);
      return true;
    }
    for (std::size_t i = 0; i < path.size; ++i) {
      frame.to_page(path.x(i), path.y(i), px, py);
      if (i == 0) {
        cairo_move_to(cr, px, py);
      } else {
        cairo_line_to(cr, px, py);
      }
    }
    if (path.is_ring()) cairo_close_path(cr);
    return true;
  });
}

}  // namespace redline::detail
