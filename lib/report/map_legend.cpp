// The legend of a map: one swatch and name per layer that asks for it.
#include <algorithm>

#include "report/map_drawing.h"

namespace redline::detail {

PageBox draw_legend(cairo_t* cr, const MapSpec& map, double x_right, double y, double w) {
  const double pad = 6, swatch_w = 18, swatch_h = 11, row = 16, text_size = 9;
  std::size_t rows = 0;
  for (const MapLayer& layer : map.layers) rows += layer.in_legend ? 1 : 0;
  if (rows == 0) return PageBox{x_right, y, 0, 0};
  const PageBox box{x_right - w, y, w, pad * 2 + 14 + row * static_cast<double>(rows)};
  cairo_rectangle(cr, box.x, box.y, box.w, box.h);
  set_colour(cr, {1, 1, 1, 0.92});
  cairo_fill_preserve(cr);
  set_colour(cr, {0.4, 0.4, 0.4, 1});
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  draw_text(cr, "图例 Legend", box.x + pad, box.y + pad - 2, 9, {0.1, 0.1, 0.1, 1}, true);
  double row_y = box.y + pad + 14;
  // Top of the legend = top of the drawing: the last layer drawn is listed first.
  for (auto it = map.layers.rbegin(); it != map.layers.rend(); ++it) {
    const MapLayer& layer = *it;
    if (!layer.in_legend) continue;
    const double sx = box.x + pad, sy = row_y + (row - swatch_h) / 2;
    cairo_rectangle(cr, sx, sy, swatch_w, swatch_h);
    set_colour(cr, layer.style.fill);
    cairo_fill_preserve(cr);
    set_colour(cr, layer.style.stroke);
    cairo_set_line_width(cr, std::min(layer.style.line_width, 2.0));
    if (layer.style.dashed) {
      const double dash[2] = {3, 2};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    const std::string count = " (" + std::to_string(layer.features.size()) + ")";
    draw_text(cr, layer.name + count, sx + swatch_w + 6, row_y + 1, text_size, {0.1, 0.1, 0.1, 1});
    row_y += row;
  }
  return box;
}

}  // namespace redline::detail
