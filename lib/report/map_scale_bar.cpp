// The scale bar (a round length in metres) and the north arrow of a map.
#include <cmath>

#include <fmt/format.h>

#include "redline/crs/geodesic_length.h"
#include "report/map_drawing.h"

namespace redline::detail {

double round_scale_length(double max_metres) {
  const double decade = std::pow(10.0, std::floor(std::log10(max_metres)));
  for (const double step : {5.0, 2.0, 1.0}) {
    if (step * decade <= max_metres * (1 + 1e-12)) return step * decade;
  }
  return decade;
}

double metres_per_point(const MapSpec& map, const MapFrame& frame) {
  if (!map.crs.is_geographic()) return map.metres_per_unit / frame.scale();
  // One degree of longitude across the middle of the map, measured on the ellipsoid.
  const double half = 0.5;
  const double xy[4] = {frame.centre_x() - half, frame.centre_y(), frame.centre_x() + half, frame.centre_y()};
  const GeodesicPathLength geodesic(map.crs.ellipsoid());
  const double metres = geodesic(xy, 2, 2);
  return metres / (2 * half * frame.x_stretch() * frame.scale());
}

void draw_scale_bar(cairo_t* cr, double metres_per_pt, double x, double y, double max_width) {
  if (!(metres_per_pt > 0) || !std::isfinite(metres_per_pt)) return;
  const double metres = round_scale_length(max_width * metres_per_pt);
  const double width = metres / metres_per_pt;
  const double h = 5;
  // Two halves, black and white, as on printed maps.
  cairo_set_line_width(cr, 0.8);
  for (int i = 0; i < 2; ++i) {
    cairo_rectangle(cr, x + i * width / 2, y - h, width / 2, h);
    set_colour(cr, i == 0 ? MapColour{0.1, 0.1, 0.1, 1} : MapColour{1, 1, 1, 1});
    cairo_fill_preserve(cr);
    set_colour(cr, {0.1, 0.1, 0.1, 1});
    cairo_stroke(cr);
  }
  const std::string text = metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
  const MapColour ink{0.1, 0.1, 0.1, 1};
  draw_text(cr, "0", x - 2, y - h - 13, 8, ink);
  const PageBox end = text_extent(cr, text, 8);
  draw_text(cr, text, x + width - end.w / 2, y - h - 13, 8, ink);
}

void draw_north_arrow(cairo_t* cr, double x, double y, double size) {
  const double w = size * 0.35;
  const double top = y + 12;
  const double bottom = y + size;
  // Left half dark, right half light: the arrow reads at any print quality.
  cairo_move_to(cr, x, top);
  cairo_line_to(cr, x - w, bottom);
  cairo_line_to(cr, x, bottom - size * 0.25);
  cairo_close_path(cr);
  set_colour(cr, {0.1, 0.1, 0.1, 1});
  cairo_fill(cr);
  cairo_move_to(cr, x, top);
  cairo_line_to(cr, x + w, bottom);
  cairo_line_to(cr, x, bottom - size * 0.25);
  cairo_close_path(cr);
  set_colour(cr, {1, 1, 1, 1});
  cairo_fill_preserve(cr);
  set_colour(cr, {0.1, 0.1, 0.1, 1});
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  const PageBox n = text_extent(cr, "N", 11, true);
  draw_text(cr, "N", x - n.w / 2, y - 2, 11, {0.1, 0.1, 0.1, 1}, true);
}

}  // namespace redline::detail
