// The whole page of a map: title, frame with the layers, labels, legend, north arrow, scale
// bar and footer.
#include <algorithm>
#include <cmath>

#include "redline/geom/ops.h"
#include "report/map_drawing.h"

namespace redline::detail {
namespace {

constexpr double kMargin = 24;
constexpr double kTitleHeight = 24, kSubtitleHeight = 12, kFooterLine = 11, kLegendWidth = 190;
const MapColour kInk{0.1, 0.1, 0.1, 1};
const MapColour kGrey{0.35, 0.35, 0.35, 1};

void hatch_current_path(cairo_t* cr, const MapStyle& style, const PageBox& frame) {
  cairo_save(cr);
  cairo_clip(cr);
  set_colour(cr, style.stroke);
  cairo_set_line_width(cr, 0.5);
  for (double d = -frame.h; d < frame.w; d += 4) {
    cairo_move_to(cr, frame.x + d, frame.y + frame.h);
    cairo_line_to(cr, frame.x + d + frame.h, frame.y);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_layer(cairo_t* cr, const MapLayer& layer, const MapFrame& frame) {
  const MapStyle& style = layer.style;
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const MapFeature& feature : layer.features) {
    if (feature.geometry.is_null() || feature.geometry.is_empty()) continue;
    const bool area = feature.geometry.is_polygonal();
    add_geometry_path(cr, feature.geometry, frame);
    if (area && style.fill.a > 0) {
      set_colour(cr, style.fill);
      cairo_fill_preserve(cr);
    }
    if (area && style.hatch) {
      cairo_save(cr);
      hatch_current_path(cr, style, frame.box());
      cairo_restore(cr);
      add_geometry_path(cr, feature.geometry, frame);
    }
    if (style.stroke.a > 0 && style.line_width > 0) {
      set_colour(cr, style.stroke);
      cairo_set_line_width(cr, style.line_width);
      if (style.dashed) {
        const double dash[2] = {4, 2.5};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    }
    cairo_new_path(cr);
    if (style.circle_below > 0) {
      const Envelope e = feature.geometry.envelope();
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      frame.to_page(e.min_x, e.min_y, x0, y0);
      frame.to_page(e.max_x, e.max_y, x1, y1);
      const double size = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
      if (size < style.circle_below) {
        cairo_arc(cr, (x0 + x1) / 2, (y0 + y1) / 2, style.circle_below / 2 + 2, 0, 2 * M_PI);
        set_colour(cr, style.stroke);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
      }
    }
  }
}

PageBox page_box_of(GeometryView g, const MapFrame& frame) {
  const Envelope e = g.envelope();
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  frame.to_page(e.min_x, e.max_y, x0, y0);
  frame.to_page(e.max_x, e.min_y, x1, y1);
  return PageBox{x0, y0, x1 - x0, y1 - y0};
}

void draw_labels(cairo_t* cr, const MapSpec& map, const MapFrame& frame, LabelPlacer& placer) {
  // Labels go beside what they name, never over a highlighted feature.
  for (const MapLayer& layer : map.layers) {
    if (!layer.highlight) continue;
    for (const MapFeature& feature : layer.features) {
      if (!feature.geometry.is_null() && !feature.geometry.is_empty()) {
        placer.reserve(page_box_of(feature.geometry, frame));
      }
    }
  }
  // The top layer (what matters) is labelled first: it wins where labels would collide.
  for (auto it = map.layers.rbegin(); it != map.layers.rend(); ++it) {
    if (!it->labelled) continue;
    for (const MapFeature& feature : it->features) {
      if (feature.label.empty() || feature.geometry.is_null() || feature.geometry.is_empty()) continue;
      const PageBox at = page_box_of(feature.geometry, frame);
      const double size = 7.5, gap = std::max(3.0, it->style.circle_below / 2 + 3);
      PageBox box = text_extent(cr, feature.label, size);
      box.w += 3;
      const double cx = at.x + at.w / 2, cy = at.y + at.h / 2;
      // Right, left, above, below the feature's box.
      const PageBox candidates[4] = {
          {std::max(at.x + at.w, cx + gap - at.w / 2) + 2, cy - box.h / 2, box.w, box.h},
          {std::min(at.x, cx - gap + at.w / 2) - 2 - box.w, cy - box.h / 2, box.w, box.h},
          {cx - box.w / 2, std::min(at.y, cy - gap) - 2 - box.h, box.w, box.h},
          {cx - box.w / 2, std::max(at.y + at.h, cy + gap) + 2, box.w, box.h}};
      for (const PageBox& candidate : candidates) {
        if (!placer.try_place(candidate)) continue;
        cairo_rectangle(cr, candidate.x, candidate.y, candidate.w, candidate.h);
        set_colour(cr, {1, 1, 1, 0.8});
        cairo_fill(cr);
        draw_text(cr, feature.label, candidate.x + 1.5, candidate.y, size, kInk);
        break;
      }
    }
  }
}

}  // namespace

PageBox map_frame_box(const MapSpec& map) {
  const double top = kMargin - 6 + kTitleHeight + kSubtitleHeight * static_cast<double>(map.subtitle.size()) + 4;
  const double footer_h = kFooterLine * static_cast<double>(map.notes.size() + 1) + 6;
  return PageBox{kMargin, top, kMapPageWidthPt - 2 * kMargin, kMapPageHeightPt - kMargin - footer_h - top};
}

MapFrame map_frame(const MapSpec& map) {
  const PageBox box = map_frame_box(map);
  Envelope world = map.extent.is_null ? map_world_extent(map) : map.extent;
  if (world.is_null) world = Envelope{0, 0, 1, 1, false};
  // Room for the north arrow on the left, the legend on the right and the scale bar below:
  // the features keep clear of them.
  const PageBox inner{box.x + 40, box.y + 12, box.w - 40 - kLegendWidth - 12, box.h - 46};
  return MapFrame(world, inner, map.crs.is_geographic());
}

void draw_map_page(cairo_t* cr, const MapSpec& map) {
  const double page_w = kMapPageWidthPt, page_h = kMapPageHeightPt;
  cairo_rectangle(cr, 0, 0, page_w, page_h);
  set_colour(cr, {1, 1, 1, 1});
  cairo_fill(cr);

  // Header: title and subtitle lines.
  double y = kMargin - 6;
  draw_text(cr, map.title, kMargin, y, 16, kInk, true);
  y += kTitleHeight;
  for (const std::string& line : map.subtitle) {
    draw_text(cr, line, kMargin, y, 9, kGrey);
    y += kSubtitleHeight;
  }

  // Footer: CRS, method, notes.
  std::vector<std::string> footer;
  footer.push_back("坐标系 CRS: " + map.crs.label() + (map.method.empty() ? "" : "    方法 Method: " + map.method));
  for (const std::string& note : map.notes) footer.push_back(note);
  const PageBox frame_box = map_frame_box(map);
  double fy = frame_box.y + frame_box.h + 5;
  for (const std::string& line : footer) {
    draw_text(cr, line, kMargin, fy, 8, kGrey);
    fy += kFooterLine;
  }

  cairo_save(cr);
  cairo_rectangle(cr, frame_box.x, frame_box.y, frame_box.w, frame_box.h);
  cairo_clip(cr);
  const bool has_world = !(map.extent.is_null ? map_world_extent(map) : map.extent).is_null;
  const MapFrame frame = map_frame(map);
  const double legend_w = kLegendWidth;
  for (const MapLayer& layer : map.layers) draw_layer(cr, layer, frame);
  LabelPlacer placer(frame_box);
  const PageBox legend = draw_legend(cr, map, frame_box.x + frame_box.w - 8, frame_box.y + 8, legend_w);
  placer.reserve(legend);
  placer.reserve(PageBox{frame_box.x, frame_box.y, 40, 60});
  placer.reserve(PageBox{frame_box.x, frame_box.y + frame_box.h - 34, 200, 34});
  draw_labels(cr, map, frame, placer);
  cairo_restore(cr);

  cairo_rectangle(cr, frame_box.x, frame_box.y, frame_box.w, frame_box.h);
  set_colour(cr, kGrey);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  draw_north_arrow(cr, frame_box.x + 20, frame_box.y + 6, 44);
  if (has_world) {
    draw_scale_bar(cr, metres_per_point(map, frame), frame_box.x + 12, frame_box.y + frame_box.h - 10, 160);
  } else {
    draw_text(cr, "(no features)", frame_box.x + frame_box.w / 2 - 30, frame_box.y + frame_box.h / 2, 10, kGrey);
  }
}

}  // namespace redline::detail
