// A map drawn on cairo's image (PNG), SVG and PDF surfaces, in memory, then written safely.
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/io/output_file.h"
#include "redline/io/output_path.h"
#include "report/map_drawing.h"
#include "util/enum_names.h"
#include "util/text.h"

namespace redline {
namespace {

// Extensions, with the dot: map_format_of() and the output check share them.
constexpr detail::EnumNames<MapFormat, 3> kMapFormatExtensions{"map format", {{
    {MapFormat::Png, ".png"}, {MapFormat::Svg, ".svg"}, {MapFormat::Pdf, ".pdf"}}}};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

void check_status(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw InternalError(fmt::format("drawing the map failed ({}): {}", what, cairo_status_to_string(status)));
  }
}

void draw_on(cairo_surface_t* surface, const MapSpec& map, double scale) {
  check_status(cairo_surface_status(surface), "surface");
  Context cr(cairo_create(surface));
  check_status(cairo_status(cr.get()), "context");
  cairo_scale(cr.get(), scale, scale);
  detail::draw_map_page(cr.get(), map);
  cairo_show_page(cr.get());
  check_status(cairo_status(cr.get()), "drawing");
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// cairo names the page group "surface<N>" with a process-wide counter: renumbered from 1 in order
// of appearance, the same map gives the same SVG however many were drawn before it.
std::string number_svg_surfaces(const std::string& svg) {
  // A plain scan, not std::regex: GCC 12's <regex> trips -Wmaybe-uninitialized at -O1 (the
  // sanitizer build), and "surface" followed by digits needs no regular expression.
  static constexpr std::string_view kPrefix = "surface";
  std::map<std::string, std::string> renamed;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = svg.find(kPrefix); at != std::string::npos; at = svg.find(kPrefix, at)) {
    std::size_t digits_end = at + kPrefix.size();
    while (digits_end < svg.size() && svg[digits_end] >= '0' && svg[digits_end] <= '9') ++digits_end;
    if (digits_end == at + kPrefix.size()) {  // "surface" without a number: not an id
      at = digits_end;
      continue;
    }
    const std::string old = svg.substr(at + kPrefix.size(), digits_end - at - kPrefix.size());
    auto [entry, added] = renamed.emplace(old, "");
    if (added) entry->second = std::to_string(renamed.size());
    out.append(svg, copied, at - copied);
    out += std::string(kPrefix) + entry->second;
    copied = at = digits_end;
  }
  out.append(svg, copied, std::string::npos);
  return out;
}

}  // namespace

MapFormat map_format_of(const std::string& path) {
  const std::string extension = detail::ascii_lower(std::filesystem::path(path).extension().string());
  for (const auto& spelling : kMapFormatExtensions.spellings) {
    if (extension == spelling.spelling) return spelling.value;
  }
  throw UsageError(fmt::format("a map is written as {}: the file's name must end in one of them",
                               kMapFormatExtensions.joined()),
                   Location{path, "", std::nullopt, ""});
}

std::string render_map_bytes(const MapSpec& map, MapFormat format) {
  std::string bytes;
  switch (format) {
    case MapFormat::Png: {
      Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, kMapPngWidth, kMapPngHeight));
      draw_on(surface.get(), map, kMapPngWidth / kMapPageWidthPt);
      check_status(cairo_surface_write_to_png_stream(surface.get(), append_bytes, &bytes), "PNG");
      break;
    }
    case MapFormat::Svg: {
      Surface surface(cairo_svg_surface_create_for_stream(append_bytes, &bytes, kMapPageWidthPt, kMapPageHeightPt));
      draw_on(surface.get(), map, 1.0);
      cairo_surface_finish(surface.get());
      check_status(cairo_surface_status(surface.get()), "SVG");
      bytes = number_svg_surfaces(bytes);
      break;
    }
    case MapFormat::Pdf: {
      Surface surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kMapPageWidthPt, kMapPageHeightPt));
      // A fixed creation date: the same map gives the same file.
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, map.title.c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "redline");
      draw_on(surface.get(), map, 1.0);
      cairo_surface_finish(surface.get());
      check_status(cairo_surface_status(surface.get()), "PDF");
      break;
    }
  }
  return bytes;
}

std::string render_map_svg(const MapSpec& map, const std::string& id_prefix) {
  std::string svg = render_map_bytes(map, MapFormat::Svg);
  if (id_prefix.empty()) return svg;
  for (const std::string_view reference : {"id=\"", "href=\"#", "url(#"}) {
    svg = replace_all(svg, reference, std::string(reference) + id_prefix);
  }
  return svg;
}

namespace {
std::vector<std::string> map_extensions() {
  std::vector<std::string> extensions;
  for (const auto& spelling : kMapFormatExtensions.spellings) extensions.emplace_back(spelling.spelling);
  return extensions;
}
}  // namespace

void check_map_target(const std::string& path, const std::vector<std::string>& inputs) {
  map_format_of(path);
  check_output_target(path, inputs, map_extensions(), "map");
}

void render_map(const MapSpec& map, const std::string& path, const std::vector<std::string>& inputs) {
  const MapFormat format = map_format_of(path);
  // The target is checked before the drawing, so a refused path costs nothing.
  check_map_target(path, inputs);
  write_output_file(path, inputs, map_extensions(), "map", render_map_bytes(map, format));
}

}  // namespace redline
