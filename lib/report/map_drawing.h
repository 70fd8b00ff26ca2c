#pragma once
// Private: the pieces of a map page (redline/report/map.h), one concept a file:
// map_frame.cpp (world coordinates to the page), map_scale_bar.cpp (scale bar, north arrow),
// map_legend.cpp, map_labels.cpp (label placement), map_text.cpp (Pango text),
// map_page.cpp (the whole page), map_surface.cpp (PNG/SVG/PDF surfaces and files).
#include <cairo.h>

#include <string>
#include <vector>

#include "redline/report/map.h"

namespace redline::detail {

/// A rectangle on the page, in points, y down.
struct PageBox {
  double x = 0, y = 0, w = 0, h = 0;
  bool overlaps(const PageBox& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
  bool inside(const PageBox& o) const { return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h; }
};

/// World coordinates (the map's CRS) to page points: uniform scale, y up in the world and down
/// on the page; in a geographic CRS x is first multiplied by cos(middle latitude).
class MapFrame {
 public:
  /// Fits `world` (not null) centred into `box`. `geographic`: x and y are degrees.
  MapFrame(const Envelope& world, const PageBox& box, bool geographic);
  void to_page(double x, double y, double& px, double& py) const {
    px = box_.x + box_.w / 2 + (x - cx_) * x_stretch_ * scale_;
    py = box_.y + box_.h / 2 - (y - cy_) * scale_;
  }
  const PageBox& box() const { return box_; }
  /// Page points per world unit along y (along x times x_stretch()).
  double scale() const { return scale_; }
  double x_stretch() const { return x_stretch_; }
  double centre_x() const { return cx_; }
  double centre_y() const { return cy_; }

 private:
  PageBox box_;
  double cx_ = 0, cy_ = 0, scale_ = 1, x_stretch_ = 1;
};

/// Returns the envelope of every feature of `map`'s layers (null when there is none).
Envelope map_world_extent(const MapSpec& map);

/// Returns the largest 1, 2 or 5 × 10^n not above `max_metres` (> 0).
double round_scale_length(double max_metres);
/// Returns the metres one page point stands for across the middle of the frame: from the CRS
/// units in a projected CRS, from a geodesic distance on the ellipsoid in a geographic one.
double metres_per_point(const MapSpec& map, const MapFrame& frame);
/// Draws a scale bar (lower left at x, y) no longer than `max_width` points.
void draw_scale_bar(cairo_t* cr, double metres_per_pt, double x, double y, double max_width);
/// Draws a north arrow centred at x, of height `size`, its top at y.
void draw_north_arrow(cairo_t* cr, double x, double y, double size);

/// Text with Pango (Noto Sans CJK for Chinese). Returns the size of `text` at `size_pt`.
PageBox text_extent(cairo_t* cr, const std::string& text, double size_pt, bool bold = false);
/// Draws `text` with its top left at x, y.
void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size_pt, const MapColour& colour,
               bool bold = false);

/// Draws the legend of `map` in a box of width `w` at its top right (x, y); returns its box.
PageBox draw_legend(cairo_t* cr, const MapSpec& map, double x_right, double y, double w);

/// Labels placed greedily: a label whose box overlaps one already placed, or leaves the frame,
/// is skipped.
class LabelPlacer {
 public:
  explicit LabelPlacer(const PageBox& frame) : frame_(frame) {}
  /// Reserves `box` (a legend, a north arrow) so no label covers it.
  void reserve(const PageBox& box) { placed_.push_back(box); }
  /// Returns true and reserves `box` when it fits.
  bool try_place(const PageBox& box);

 private:
  PageBox frame_;
  std::vector<PageBox> placed_;
};

/// Adds a feature's rings, lines and points to the current path.
void add_geometry_path(cairo_t* cr, GeometryView geometry, const MapFrame& frame);
void set_colour(cairo_t* cr, const MapColour& c);

/// The map's frame on the page (between the header and the footer), and how world
/// coordinates map into it: what draw_map_page() uses, for tests that find features' pixels.
PageBox map_frame_box(const MapSpec& map);
MapFrame map_frame(const MapSpec& map);

/// Draws the whole page of `map` on `cr`, page size kMapPageWidthPt × kMapPageHeightPt.
void draw_map_page(cairo_t* cr, const MapSpec& map);

}  // namespace redline::detail
