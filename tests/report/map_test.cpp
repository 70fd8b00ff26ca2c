// Maps drawn by the library: PNG size and content, SVG as XML, PDF pages, the same bytes for
// the same map, the scale bar's round lengths and its metres in a geographic CRS.
#include "redline/report/map.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "redline/drift/drift.h"
#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/report/map_builders.h"
#include "report/map_drawing.h"
#include "report/map_pixels.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::count_near;
using test::decode_png;
using test::is_gained_blue;
using test::is_lost_red;
using test::Png;
using test::rgb;

const MapColour kRed{0.85, 0.1, 0.1, 1};
const MapColour kBlue{0.1, 0.3, 0.9, 1};

MapSpec two_square_map() {
  MapSpec map;
  map.title = "测试地图 Test map";
  map.subtitle = {"two squares, 1 km apart"};
  map.crs = Crs::from_user_input("EPSG:4527");
  map.method = "ellipsoidal";
  MapLayer red;
  red.name = "红 red";
  red.style.fill = kRed;
  red.labelled = true;
  red.features.push_back(
      {Geometry::from_wkt("POLYGON((39500000 2800000,39501000 2800000,39501000 2801000,39500000 2801000,39500000 2800000))"),
       "A1"});
  MapLayer blue;
  blue.name = "蓝 blue";
  blue.style.fill = kBlue;
  blue.features.push_back(
      {Geometry::from_wkt("POLYGON((39502000 2800000,39503000 2800000,39503000 2801000,39502000 2801000,39502000 2800000))"),
       "B1"});
  map.layers.push_back(std::move(red));
  map.layers.push_back(std::move(blue));
  return map;
}

TEST(Map, PngIsA4At150DpiWithTheLayersColoursAndALegend) {
  const std::string bytes = render_map_bytes(two_square_map(), MapFormat::Png);
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  const Png png = decode_png(bytes);
  ASSERT_EQ(png.width, 1754);
  ASSERT_EQ(png.height, 1240);
  // Both squares are drawn: many pixels of each fill colour.
  EXPECT_GT(count_near(png, rgb(kRed), 0, 0, png.width, png.height), 10000u);
  EXPECT_GT(count_near(png, rgb(kBlue), 0, 0, png.width, png.height), 10000u);
  // The red square lies left of the blue one (x grows to the east on the page).
  EXPECT_GT(count_near(png, rgb(kRed), 0, 0, png.width / 3, png.height), 0u);
  EXPECT_EQ(count_near(png, rgb(kBlue), 0, 0, png.width / 3, png.height), 0u);
  // The legend (top right of the frame) is not blank: it has swatches of both colours.
  const int legend_x0 = png.width - 450;
  EXPECT_GT(count_near(png, rgb(kRed), legend_x0, 0, png.width, 300), 100u);
  EXPECT_GT(count_near(png, rgb(kBlue), legend_x0, 0, png.width, 300), 100u);
}

TEST(Map, SameMapSameBytes) {
  for (MapFormat format : {MapFormat::Png, MapFormat::Svg, MapFormat::Pdf}) {
    EXPECT_EQ(render_map_bytes(two_square_map(), format), render_map_bytes(two_square_map(), format))
        << static_cast<int>(format);
  }
}

TEST(Map, SvgParsesAsXml) {
  const std::string svg = render_map_svg(two_square_map());
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("841.89pt"), std::string::npos);
  const std::string path = test::work_dir("map_svg") + "/map.svg";
  std::ofstream(path) << svg;
  const std::string command = "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
                              "r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag.endswith('svg') else 1)\" " +
                              path;
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(Map, SvgIdsCarryThePrefix) {
  const std::string svg = render_map_svg(two_square_map(), "m2-");
  EXPECT_NE(svg.find("id=\"m2-glyph"), std::string::npos);
  EXPECT_NE(svg.find("href=\"#m2-glyph"), std::string::npos);
  EXPECT_EQ(svg.find("id=\"glyph"), std::string::npos);
  EXPECT_EQ(svg.find("href=\"#glyph"), std::string::npos);
}

TEST(Map, PdfHasOnePageAndAFixedDate) {
  const std::string pdf = render_map_bytes(two_square_map(), MapFormat::Pdf);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("/Type /Page"), std::string::npos);
  EXPECT_NE(pdf.find("/Count 1"), std::string::npos);
  EXPECT_NE(pdf.find("/CreationDate (20000101000000Z)"), std::string::npos);
}

TEST(Map, EmptyMapStillDraws) {
  MapSpec map;
  map.title = "nothing";
  const Png png = decode_png(render_map_bytes(map, MapFormat::Png));
  EXPECT_EQ(png.width, 1754);
}

TEST(Map, FormatFromExtension) {
  EXPECT_EQ(map_format_of("a/b.PNG"), MapFormat::Png);
  EXPECT_EQ(map_format_of("b.svg"), MapFormat::Svg);
  EXPECT_EQ(map_format_of("b.Pdf"), MapFormat::Pdf);
  EXPECT_THROW(map_format_of("b.jpg"), UsageError);
  EXPECT_THROW(map_format_of("b"), UsageError);
}

TEST(Map, RoundScaleLengths) {
  EXPECT_DOUBLE_EQ(detail::round_scale_length(1.0), 1.0);
  EXPECT_DOUBLE_EQ(detail::round_scale_length(1999), 1000);
  EXPECT_DOUBLE_EQ(detail::round_scale_length(2000), 2000);
  EXPECT_DOUBLE_EQ(detail::round_scale_length(4999), 2000);
  EXPECT_DOUBLE_EQ(detail::round_scale_length(7300), 5000);
  EXPECT_DOUBLE_EQ(detail::round_scale_length(0.03), 0.02);
}

TEST(Map, MetresPerPointInAGeographicCrsAreGeodesic) {
  MapSpec map;
  map.crs = Crs::from_user_input("EPSG:4490");
  // A frame 1 degree wide at latitude 25.5: one degree of longitude across its middle.
  Envelope world{115.0, 25.0, 116.0, 26.0, false};
  const detail::MapFrame frame(world, detail::PageBox{0, 0, 1000, 1000}, true);
  // Oracle: echo "25.5 115.0 25.5 116.0" | GeodSolve -i -e 6378137 1/298.257222101 -p 4
  //   -> 100537.4874 m for the degree of longitude at 25.5°N on the CGCS2000 ellipsoid.
  const double degree_on_page = frame.scale() * frame.x_stretch();
  EXPECT_NEAR(detail::metres_per_point(map, frame) * degree_on_page, 100537.4874, 0.01);
  MapSpec projected;
  projected.crs = Crs::from_user_input("EPSG:4527");
  const detail::MapFrame metres(Envelope{0, 0, 1000, 500, false}, detail::PageBox{0, 0, 100, 100}, false);
  EXPECT_DOUBLE_EQ(detail::metres_per_point(projected, metres), 10.0);  // 1000 m over 100 pt
}

TEST(Map, LabelsThatWouldOverlapAreSkipped) {
  detail::LabelPlacer placer(detail::PageBox{0, 0, 100, 100});
  EXPECT_TRUE(placer.try_place({10, 10, 20, 10}));
  EXPECT_FALSE(placer.try_place({25, 15, 20, 10}));  // overlaps the first
  EXPECT_TRUE(placer.try_place({31, 10, 20, 10}));   // beside it
  EXPECT_FALSE(placer.try_place({95, 50, 20, 10}));  // leaves the frame
}

TEST(Map, RenderMapRefusesInputsFoldersAndUnknownExtensions) {
  const std::string dir = test::work_dir("map_refuse");
  const std::string input = dir + "/in.png";
  std::ofstream(input) << "input";
  EXPECT_THROW(render_map(two_square_map(), input, {input}), UsageError);
  EXPECT_THROW(render_map(two_square_map(), dir + "/x.jpg", {}), UsageError);
  std::filesystem::create_directory(dir + "/folder.png");
  EXPECT_THROW(render_map(two_square_map(), dir + "/folder.png", {}), UsageError);
  EXPECT_THROW(render_map(two_square_map(), dir + "/missing/x.png", {}), OutputError);
  std::ifstream in(input);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "input");
  render_map(two_square_map(), dir + "/ok.svg", {input});
  EXPECT_TRUE(std::filesystem::is_regular_file(dir + "/ok.svg"));
  // No temporary left beside it.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 2u);
}

// The sample's drift map (redline -> redline_2024) shows the 2 removed polygons in the lost
// colour and the 7 added ones in the gained colour, where they are.
// Oracle: /usr/bin/python3 tests/oracles/drift_map_oracle.py samples/huichang/huichang.gpkg
//   (points inside the features whose BSM is in one version only, EPSG:4527 metres; the extent
//   of both layers: 39348773.577 2781833.782 39403022.408 2867981.469)
struct Changed {
  const char* change;
  const char* bsm;
  double x, y;
};
constexpr Changed kChanged[] = {
    {"removed", "36073321000039", 39371343.8, 2807760.1}, {"removed", "36073321000057", 39392257.5, 2829555.5},
    {"added", "36073321000062", 39370793.1, 2797830.6},   {"added", "36073321000065", 39381181.2, 2818258.2},
    {"added", "36073321000059", 39349844.2, 2830093.6},   {"added", "36073321000064", 39366644.5, 2823825.4},
    {"added", "36073321000061", 39350142.2, 2832985.4},   {"added", "36073321000063", 39368884.2, 2852671.9},
    {"added", "36073321000060", 39349353.1, 2831462.8},
};

TEST(Map, SampleDriftMapShowsTheRemovedAndAddedPolygons) {
  auto sample_layer = [](const char* name) {
    ReadOptions read;
    read.layer = name;
    return read_layer(test::source_path("samples/huichang/huichang.gpkg"), read);
  };
  const Layer before = sample_layer("redline"), after = sample_layer("redline_2024");
  DriftOptions options;
  options.key_field = "BSM";
  options.class_field = "HXLX";
  options.collect_geometries = true;
  const DriftResult drift = compute_drift(before, after, options);
  const MapSpec map = map_of_drift(drift, before, after);

  const Envelope extent = detail::map_world_extent(map);
  EXPECT_NEAR(extent.min_x, 39348773.577, 0.01);
  EXPECT_NEAR(extent.min_y, 2781833.782, 0.01);
  EXPECT_NEAR(extent.max_x, 39403022.408, 0.01);
  EXPECT_NEAR(extent.max_y, 2867981.469, 0.01);

  const Png png = decode_png(render_map_bytes(map, MapFormat::Png));
  ASSERT_EQ(png.width, kMapPngWidth);
  const detail::MapFrame frame = detail::map_frame(map);
  const double px_per_pt = kMapPngWidth / kMapPageWidthPt;
  std::size_t removed = 0, added = 0;
  for (const Changed& c : kChanged) {
    double x = 0, y = 0;
    frame.to_page(c.x, c.y, x, y);
    const int cx = static_cast<int>(x * px_per_pt), cy = static_cast<int>(y * px_per_pt);
    const bool lost = std::string(c.change) == "removed";
    std::size_t hits = 0;
    for (int dy = -4; dy <= 4; ++dy) {
      for (int dx = -4; dx <= 4; ++dx) {
        const std::uint32_t p = png.pixels[static_cast<std::size_t>(cy + dy) * png.width + (cx + dx)];
        hits += (lost ? is_lost_red(p) : is_gained_blue(p)) ? 1 : 0;
      }
    }
    EXPECT_GE(hits, 12u) << c.change << " " << c.bsm << " at pixel " << cx << "," << cy;
    (lost ? removed : added) += hits >= 12 ? 1 : 0;
  }
  EXPECT_EQ(removed, 2u);
  EXPECT_EQ(added, 7u);
  // And the colours mean something: no lost red where an added polygon is, no blue where a
  // removed one was.
  for (const Changed& c : kChanged) {
    double x = 0, y = 0;
    frame.to_page(c.x, c.y, x, y);
    const std::uint32_t p = png.pixels[static_cast<std::size_t>(y * px_per_pt) * png.width +
                                       static_cast<std::size_t>(x * px_per_pt)];
    EXPECT_FALSE(std::string(c.change) == "removed" ? is_gained_blue(p) : is_lost_red(p)) << c.bsm;
  }
}

}  // namespace
}  // namespace redline
