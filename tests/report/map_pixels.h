#pragma once
// What the map tests share: a PNG map decoded to pixels (with cairo's PNG reader) and the colours
// found in it.
#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "redline/report/map.h"
#include "report/map_drawing.h"

namespace redline::test {

struct Png {
  int width = 0, height = 0;
  std::vector<std::uint32_t> pixels;  // 0x00RRGGBB
};

inline cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* source = static_cast<std::pair<const std::string*, std::size_t>*>(closure);
  if (source->second + length > source->first->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(source->first->data() + source->second, length, data);
  source->second += length;
  return CAIRO_STATUS_SUCCESS;
}

inline Png decode_png(const std::string& bytes) {
  std::pair<const std::string*, std::size_t> source{&bytes, 0};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_bytes, &source);
  Png png;
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
    cairo_surface_flush(s);
    png.width = cairo_image_surface_get_width(s);
    png.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    for (int y = 0; y < png.height; ++y) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
      for (int x = 0; x < png.width; ++x) png.pixels.push_back(row[x] & 0xFFFFFFu);
    }
  }
  cairo_surface_destroy(s);
  return png;
}

inline std::uint32_t rgb(const MapColour& c) {
  auto channel = [](double v) { return static_cast<std::uint32_t>(v * 255 + 0.5); };
  return channel(c.r) << 16 | channel(c.g) << 8 | channel(c.b);
}

inline std::size_t count_near(const Png& png, std::uint32_t colour, int x0, int y0, int x1, int y1) {
  std::size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(png.height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(png.width, x1); ++x) {
      const std::uint32_t p = png.pixels[static_cast<std::size_t>(y) * png.width + x];
      int d = 0;
      for (int shift : {0, 8, 16}) d = std::max(d, std::abs(static_cast<int>((p >> shift) & 0xFF) - static_cast<int>((colour >> shift) & 0xFF)));
      n += d <= 6 ? 1 : 0;
    }
  }
  return n;
}

// The fill colours of map_of_drift drawn at their alpha over the white page or the pale green
// of the after layer: a pixel is "lost" when clearly red, "gained" when clearly blue.
// The fill (at 85 %) or the darker edge of a piece: a small piece is mostly edge.
inline bool is_lost_red(std::uint32_t p) {
  const int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
  return r > 110 && g < 90 && b < 90 && r > 2 * g;
}
inline bool is_gained_blue(std::uint32_t p) {
  const int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
  return b > 120 && r < 100 && g < 140 && b > r + 60;
}

// The amber of reclassified pieces (fill 0.98, 0.68, 0.10 at 85 %, or its darker edge).
inline bool is_reclassified_amber(std::uint32_t p) {
  const int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
  return r > 150 && g > 90 && g < 200 && b < 90 && r > g + 30;
}

// The green of the parts that count (min-share inside, zones counted: 0.40, 0.68, 0.40 at 85 %).
inline bool is_counted_green(std::uint32_t p) {
  const int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
  return g > 130 && g > r + 40 && g > b + 40;
}

/// The pixels within `radius` of where the map puts the world point (x, y) (its CRS) for which
/// `matches` holds.
template <typename Matches>
std::size_t hits_around(const Png& png, const MapSpec& map, double x, double y, int radius, Matches matches) {
  const detail::MapFrame frame = detail::map_frame(map);
  double px = 0, py = 0;
  frame.to_page(x, y, px, py);
  const double px_per_pt = kMapPngWidth / kMapPageWidthPt;
  const int cx = static_cast<int>(px * px_per_pt), cy = static_cast<int>(py * px_per_pt);
  std::size_t hits = 0;
  for (int dy = -radius; dy <= radius; ++dy) {
    for (int dx = -radius; dx <= radius; ++dx) {
      const int ix = cx + dx, iy = cy + dy;
      if (ix < 0 || iy < 0 || ix >= png.width || iy >= png.height) continue;
      hits += matches(png.pixels[static_cast<std::size_t>(iy) * png.width + ix]) ? 1 : 0;
    }
  }
  return hits;
}

}  // namespace redline::test
