// The HTML report (lib/report/html_report.cpp) and the checksums it lists (lib/io/checksum.cpp):
// the page's text, its escaping of hostile data, that it fetches nothing, and SHA-256 digests
// compared with those `sha256sum` (GNU coreutils, an independent tool) prints at test time.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <utility>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/checksum.h"
#include "redline/geom/geometry.h"
#include "redline/report/check_maps.h"
#include "redline/report/html_report.h"
#include "support/test_support.h"

namespace redline {
namespace {

/// Returns the digest `sha256sum FILE` prints (the oracle).
std::string sha256sum(const std::string& path) {
  const std::string command = "sha256sum '" + path + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) return "";
  char digest[65] = {};
  if (std::fread(digest, 1, 64, pipe.get()) != 64) return "";
  return digest;
}

void expect_in(const std::string& html, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) EXPECT_TRUE(test::contains(html, part)) << "missing: " << part;
}

void expect_not_in(const std::string& html, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) EXPECT_FALSE(test::contains(html, part)) << "present: " << part;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A not-reduced check that failed, its lost feature carrying a hostile label, beside a
// min-share check that passed.
std::vector<CheckResult> sample_results() {
  std::vector<CheckResult> results(2);
  CheckResult& lost = results[0];
  lost.name = "生态保护红线面积不减少";
  lost.kind = CheckKind::NotReduced;
  lost.value = 75000.0;
  lost.threshold = 75587.98;
  lost.unit = "ha";
  lost.layer = "red<line>.gpkg (redline)";
  lost.details_json =
      R"({"area":75000.0,"key":"BSM","lost_features":[{"key":"36073321000057","label":"<script>alert(1)</script>",)"
      R"("change":"removed","area":1245.31}]})";
  lost.findings = {"lost 1245.31 ha: <b>hostile</b> & more"};
  CheckResult& share = results[1];
  share = CheckResult{"湿地保护率 ≥ 52%", CheckKind::MinShare, true, 61.39, 52.0, ">=", "%", 2, "wetlands", "",
                      R"({"inside":1.5,"of":2.0,"area_unit":"ha"})", {}, {"a note"}, {}};
  return results;
}

HtmlReport sample_report() {
  HtmlReport report;
  report.title = "会昌县 <指标> & 报告";
  report.results = sample_results();
  report.inputs = {AuditedInput{"a.gpkg (redline)", "EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)",
                               {FileChecksum{"a.gpkg", std::string(64, 'a'), 1234}}}};
  return report;
}

TEST(HtmlReport, HoldsTheTitleEveryCheckItsVerdictInColourAndTheInputs) {
  const std::string html = render_html_report(sample_report());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  expect_in(html, {
      "<title>会昌县 &lt;指标&gt; &amp; 报告</title>",
      "<h1>会昌县 &lt;指标&gt; &amp; 报告</h1>",
      "生态保护红线面积不减少",
      "湿地保护率 ≥ 52%",
  });
  // The indicator table: one row per check, 未达标 red (class fail), 达标 green (class pass).
  expect_in(html, {
      "<td class=\"fail\">未达标</td>",
      "<td class=\"pass\">达标</td>",
      ".fail { background: #fbe1e1; color: #a11616",
      ".pass { background: #e3f4e6; color: #14622b",
  });
  // value, threshold and margin with their units.
  expect_in(html, {
      "<td class=\"num\">75000.00 ha</td>",
      "<td class=\"num\">≥ 75587.98 ha</td>",
      "-587.98 ha",
      "+9.39 %",
  });
  // One section per check, with its figures as tables: the lost features listed.
  EXPECT_EQ(count(html, "<section class=\"check\""), 2u);
  expect_in(html, {
      "减少的图斑 (lost features) — 1",
      "<td>36073321000057</td>",
      "<li class=\"finding\">未达标: lost 1245.31 ha",
      "<li class=\"note\">a note</li>",
  });
  // The inputs with CRS and checksum.
  expect_in(html, {
      "EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)",
      "<td class=\"hash\">" + std::string(64, 'a') + "</td>",
  });
  // Prints on A4 with its colours.
  expect_in(html, {
      "@page { size: A4;",
      "print-color-adjust: exact",
      "page-break-inside: avoid",
  });
}

TEST(HtmlReport, EscapesEveryTextFromTheData) {
  const std::string html = render_html_report(sample_report());
  expect_not_in(html, {
      "<script",
      "<b>",
  });
  expect_in(html, {
      "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>",
      "&lt;b&gt;hostile&lt;/b&gt; &amp; more",
      "red&lt;line&gt;.gpkg (redline)",
  });
}

TEST(HtmlReport, FetchesNothingAndIsTheSameForTheSameInputs) {
  const std::string html = render_html_report(sample_report());
  expect_not_in(html, {
      "http://",
      "https://",
      "src=",
      "<link",
      "@import",
      "<script",
  });
  EXPECT_EQ(html, render_html_report(sample_report()));  // no date, no clock: deterministic
}

TEST(HtmlReport, InlinesEachMapWithItsOwnIds) {
  // What cairo's SVG surface writes: an XML declaration, namespaces, ids glyph0-1 and clip1
  // that every map repeats.
  const std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
      "height=\"10\"><defs><g><symbol overflow=\"visible\" id=\"glyph0-1\"><path d=\"M 0 0 L 1 1\"/></symbol></g>"
      "<clipPath id=\"clip1\"><path d=\"M 0 0 L 5 5\"/></clipPath></defs>"
      "<g clip-path=\"url(#clip1)\"><use xlink:href=\"#glyph0-1\" x=\"1\" y=\"2\"/></g></svg>\n";
  HtmlReport report = sample_report();
  report.maps = {svg, svg};
  const std::string html = render_html_report(report);
  EXPECT_EQ(count(html, "<svg"), 2u);
  EXPECT_EQ(count(html, "<figure class=\"map\">"), 2u);
  expect_not_in(html, {
      "<?xml",
      "http://",
  });
  EXPECT_EQ(count(html, "id=\"m1-glyph0-1\""), 1u);
  EXPECT_EQ(count(html, "id=\"m2-glyph0-1\""), 1u);
  EXPECT_EQ(count(html, "url(#m1-clip1)"), 1u);
  EXPECT_EQ(count(html, "xlink:href=\"#m2-glyph0-1\""), 1u);
  expect_not_in(html, {
      "id=\"glyph0-1\"",
      "url(#clip1)",
  });
  // No map given: no figure at all, never a placeholder.
  EXPECT_FALSE(test::contains(render_html_report(sample_report()), "<figure"));
}

TEST(HtmlReport, AFailedConflictCheckGetsItsMapAPassedOneNone) {
  auto conflicts = std::make_shared<CheckGeometries>();
  conflicts->crs = Crs::from_user_input("EPSG:4527");
  conflicts->unit = "ha";
  conflicts->overlaps.push_back(CheckPiece{
      "farmland.gpkg", "36073321000027", "<F&1>", 0.5,
      Geometry::from_wkt("POLYGON((39375000 2790000,39375100 2790000,39375100 2790050,39375000 2790050,39375000 2790000))")});
  std::vector<CheckResult> results = sample_results();
  results[0].kind = CheckKind::NoOverlap;
  results[0].geometries = conflicts;
  results[1].geometries = conflicts;  // passed: no map even with pieces
  const std::vector<std::string> maps = check_maps_svg(results);
  ASSERT_EQ(maps.size(), 2u);
  EXPECT_TRUE(test::contains(maps[0], "<svg"));
  EXPECT_TRUE(maps[1].empty());
  EXPECT_FALSE(map_of_check(sample_results()[0]).has_value());  // no pieces kept: no map
  HtmlReport report = sample_report();
  report.results = results;
  report.maps = maps;
  const std::string html = render_html_report(report);
  EXPECT_EQ(count(html, "<svg"), 1u);
  EXPECT_EQ(count(html, "<figure class=\"map\">"), 1u);
  expect_not_in(html, {"<?xml", "http://", "<F&1>"});
}

TEST(HtmlReport, RefusesATargetThatIsAnInputOrNotAnHtmlFile) {
  const std::string dir = test::work_dir("html_report_targets");
  const std::string input = test::source_path("samples/huichang/huichang.gpkg");
  const HtmlReport report = sample_report();
  EXPECT_THROW(write_html_report(report, input, {input}), UsageError);
  EXPECT_THROW(write_html_report(report, dir + "/report.txt", {input}), UsageError);
  EXPECT_THROW(write_html_report(report, dir, {input}), UsageError);
  EXPECT_THROW(write_html_report(report, "/dev/null", {input}), UsageError);
  write_html_report(report, dir + "/report.html", {input});
  EXPECT_EQ(test::read_file(dir + "/report.html"), render_html_report(report));
}

TEST(Checksum, SampleGeoPackageMatchesSha256sum) {
  const std::string gpkg = test::source_path("samples/huichang/huichang.gpkg");
  const std::string expected = sha256sum(gpkg);
  ASSERT_EQ(expected.size(), 64u);
  EXPECT_EQ(file_sha256(gpkg), expected);
  const std::vector<FileChecksum> sums = source_checksums(gpkg);
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0].sha256, expected);
  struct stat st {};
  ASSERT_EQ(::stat(gpkg.c_str(), &st), 0);
  EXPECT_EQ(sums[0].bytes, static_cast<std::uintmax_t>(st.st_size));
}

TEST(Checksum, EmptyAndMultiBlockFilesMatchSha256sum) {
  const std::string dir = test::work_dir("checksum_blocks");
  const std::string empty = dir + "/empty.bin", big = dir + "/big.bin";
  std::ofstream(empty).close();
  {
    std::ofstream out(big, std::ios::binary);
    for (int i = 0; i < 3 * (1 << 20) + 17; ++i) out.put(static_cast<char>((i * 131) % 251));  // > 3 blocks
  }
  EXPECT_EQ(file_sha256(empty), sha256sum(empty));
  EXPECT_EQ(file_sha256(big), sha256sum(big));
  EXPECT_THROW(file_sha256(dir), InputError);
  EXPECT_THROW(source_checksums(dir + "/missing.gpkg"), InputError);
}

TEST(Checksum, ShapefileListsEachOfItsFiles) {
  const std::string shp = test::data_path("area/large_4527.shp");
  const std::vector<FileChecksum> sums = source_checksums(shp);
  ASSERT_GE(sums.size(), 3u);  // .dbf, .prj, .shp, .shx ...
  bool has_shp = false, has_dbf = false, has_shx = false;
  for (const FileChecksum& c : sums) {
    EXPECT_EQ(c.sha256, sha256sum(c.path)) << c.path;
    has_shp |= c.path == shp;
    has_dbf |= c.path == test::data_path("area/large_4527.dbf");
    has_shx |= c.path == test::data_path("area/large_4527.shx");
  }
  EXPECT_TRUE(has_shp && has_dbf && has_shx);
}

}  // namespace
}  // namespace redline
