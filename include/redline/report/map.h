#pragma once
// Maps of results, drawn by the library: one drawing routine to PNG, SVG and PDF.
//
// A map is described by a MapSpec: a title, subtitle lines, layers drawn in order (the first at
// the bottom), each with a style, a legend entry and features with optional labels, and a footer
// naming the CRS and the method. render_map() draws it on an A4 landscape page: the layers
// fitted to the page's map frame (the extent of every layer, or `extent` when set), a legend,
// labels where they fit (a label that would overlap one already placed is skipped), a scale bar
// in metres of a round length (1, 2 or 5 × 10^n), a north arrow, the title and the footer.
// Chinese text is drawn with the Noto CJK fonts (Debian fonts-noto-cjk) when installed.
//
// Coordinates are in the map's CRS (`crs`). In a projected CRS the scale bar uses
// `metres_per_unit` (1 for the CGCS2000 Gauss-Krüger CRSs); in a geographic CRS (degrees) the
// scale bar's length is the geodesic distance on the CRS's ellipsoid across the map's middle,
// and x is stretched by cos(latitude) so shapes keep their proportions.
//
// The same spec gives the same bytes for PNG and SVG (no timestamps); the PDF carries a fixed
// creation date.
//
// Example usage:
//   redline::MapSpec map = redline::map_of_drift(drift_result);
//   redline::render_map(map, "drift.png", {before_path, after_path});
//   std::string svg = redline::render_map_svg(map);  // to inline in an HTML page
#include <cstdint>
#include <string>
#include <vector>

#include "redline/crs/crs.h"
#include "redline/export.h"
#include "redline/geom/geometry.h"

namespace redline {

/// A colour, each channel 0–1 (alpha 0 is transparent).
struct MapColour {
  double r = 0.0, g = 0.0, b = 0.0, a = 1.0;
};

/// How a layer's features are drawn. Widths in points (1/72 inch) on the page.
struct MapStyle {
  MapColour fill{0.85, 0.85, 0.85, 1.0};  ///< polygons' interior; alpha 0 for outlines only
  MapColour stroke{0.3, 0.3, 0.3, 1.0};   ///< outlines and lines; points' edge
  double line_width = 0.6;
  bool dashed = false;  ///< outlines dashed (for "before" outlines)
  bool hatch = false;   ///< polygons hatched with diagonal lines in the stroke colour
  /// A feature smaller than this on the page (points, its longer side) is also circled in the
  /// stroke colour, so a small highlighted feature can be seen. DEFAULT: 0 (never).
  double circle_below = 0.0;
};

/// One feature of a layer: its geometry (owned) and its label ("" for none).
struct MapFeature {
  Geometry geometry;
  std::string label;
};

/// One layer of a map: drawn in the order of `MapSpec::layers`.
struct MapLayer {
  std::string name;  ///< the legend's text
  MapStyle style;
  std::vector<MapFeature> features;
  bool in_legend = true;
  /// Draw the features' labels (at an interior point, skipped when they would overlap).
  bool labelled = false;
  /// Counts as "what matters": a map's extent is this layer's when `zoom_to_highlight` is set.
  bool highlight = false;
};

/// A whole map. Sizes are fixed: A4 landscape (297 × 210 mm; PNG 1754 × 1240 px at 150 dpi).
struct MapSpec {
  std::string title;
  std::vector<std::string> subtitle;  ///< lines under the title
  std::vector<MapLayer> layers;       ///< bottom first
  Crs crs;                            ///< of every feature's coordinates
  /// Metres per CRS unit in a projected CRS. DEFAULT: 1 (the CGCS2000 Gauss-Krüger CRSs).
  double metres_per_unit = 1.0;
  std::string method;                 ///< e.g. "ellipsoidal areas (CGCS2000)", for the footer
  std::vector<std::string> notes;     ///< footer lines after the CRS and method
  /// The extent to show; a null envelope shows every layer's features.
  Envelope extent;
};

/// The file formats of render_map(), from the path's extension (any case).
enum class MapFormat { Png, Svg, Pdf };

/// A4 landscape at 150 dpi, in pixels (the PNG's size).
constexpr int kMapPngWidth = 1754;
constexpr int kMapPngHeight = 1240;
/// A4 landscape in points (the SVG's and PDF's page size).
constexpr double kMapPageWidthPt = 841.89;
constexpr double kMapPageHeightPt = 595.28;

/// Returns the format named by `path`'s extension: ".png", ".svg" or ".pdf" (any case).
/// Throws UsageError (exit code 2) naming the path for any other extension.
REDLINE_EXPORT MapFormat map_format_of(const std::string& path);

/// Draws `map` in `format` and returns the file's bytes. Thread-safe for distinct specs.
/// Throws InternalError when the drawing library fails.
REDLINE_EXPORT std::string render_map_bytes(const MapSpec& map, MapFormat format);

/// Returns `map` drawn as an SVG document (UTF-8 text, A4 landscape in points), for inlining in
/// an HTML page: every id in it (glyphs, clips, the page group) starts with `id_prefix`, so
/// several maps inlined in one page, each with its own prefix ("map1-", "map2-"), do not take
/// each other's glyphs. With an empty prefix, the same as render_map_bytes(map, MapFormat::Svg).
REDLINE_EXPORT std::string render_map_svg(const MapSpec& map, const std::string& id_prefix = "");

/// Checks that a map can be written to `path` (its extension, then check_output_target() against
/// `inputs`) without drawing or creating anything: for refusing a bad target before long work.
/// Throws as render_map().
REDLINE_EXPORT void check_map_target(const std::string& path, const std::vector<std::string>& inputs);

/// Draws `map` into `path` in the format of its extension (map_format_of()). The file is
/// written safely: `path` is checked against `inputs` (never an input, a folder, a FIFO or a
/// device), written to a temporary name beside it, every write and the close checked, renamed
/// last; the temporary is removed on failure and on signals.
/// Throws UsageError (exit 2) for an unknown extension or a refused target, OutputError (exit 3)
/// when the file cannot be written.
REDLINE_EXPORT void render_map(const MapSpec& map, const std::string& path, const std::vector<std::string>& inputs);

}  // namespace redline
