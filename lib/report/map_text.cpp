// Text on a map, through Pango: Chinese names need the Noto CJK fonts (fonts-noto-cjk).
#include <pango/pangocairo.h>

#include <memory>

#include "report/map_drawing.h"

namespace redline::detail {
namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
struct FontDeleter {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

std::unique_ptr<PangoLayout, LayoutDeleter> make_layout(cairo_t* cr, const std::string& text, double size_pt,
                                                        bool bold) {
  std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(cr));
  // No hinting and fixed metrics: the same text has the same size on every surface.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(pango_layout_get_context(layout.get()), options);
  cairo_font_options_destroy(options);
  pango_layout_context_changed(layout.get());
  std::unique_ptr<PangoFontDescription, FontDeleter> font(pango_font_description_from_string("Noto Sans CJK SC"));
  pango_font_description_set_absolute_size(font.get(), size_pt * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(font.get(), PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

}  // namespace

PageBox text_extent(cairo_t* cr, const std::string& text, double size_pt, bool bold) {
  auto layout = make_layout(cr, text, size_pt, bold);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return PageBox{0, 0, static_cast<double>(logical.width) / PANGO_SCALE,
                 static_cast<double>(logical.height) / PANGO_SCALE};
}

void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size_pt, const MapColour& colour,
               bool bold) {
  auto layout = make_layout(cr, text, size_pt, bold);
  set_colour(cr, colour);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_new_path(cr);
}

}  // namespace redline::detail
