// Tables as text, CSV and Markdown; numbers as official tables print them; the area report.
#include <gtest/gtest.h>

#include <string>

#include "redline/error.h"
#include "redline/report/area_report.h"
#include "redline/report/table.h"

namespace redline {
namespace {

TEST(DisplayWidth, ChineseCharactersTakeTwoColumns) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("水源涵养"), 8u);
  EXPECT_EQ(display_width("亩"), 2u);
  EXPECT_EQ(display_width("m²"), 2u);        // ² is narrow
  EXPECT_EQ(display_width("ＡＢ"), 4u);      // fullwidth forms
  EXPECT_EQ(display_width("（a）"), 5u);     // fullwidth parentheses around a narrow letter
  EXPECT_EQ(display_width(""), 0u);
}

TEST(RenderText, AlignsChineseByDisplayWidth) {
  Table t;
  t.column("类型").column("area", true);
  t.add_row({"水源涵养", "1.00"});
  t.add_row({"abc", "10.25"});
  // By hand: column widths 8 (水源涵养) and 5 (10.25); two spaces between; numbers right-aligned;
  // the header is left-aligned and trailing blanks are dropped.
  EXPECT_EQ(render_text(t),
            "类型      area\n"
            "--------  -----\n"
            "水源涵养   1.00\n"
            "abc       10.25\n");
}

TEST(RenderText, TitleAndNotes) {
  Table t;
  t.title = "by HXLX";
  t.column("a");
  t.add_row({"x"});
  t.notes = {"1 feature(s) with no geometry (area 0)"};
  EXPECT_EQ(render_text(t), "by HXLX\na\n-\nx\n1 feature(s) with no geometry (area 0)\n");
}

TEST(RenderCsv, QuotesAsRfc4180) {
  Table t;
  t.column("name").column("note");
  t.add_row({"a,b", "say \"hi\""});
  t.add_row({"line\nbreak", "水土保持"});
  EXPECT_EQ(render_csv(t),
            "name,note\r\n"
            "\"a,b\",\"say \"\"hi\"\"\"\r\n"
            "\"line\nbreak\",水土保持\r\n");
}

TEST(RenderCsv, NeutralisesFormulaCellsAsSpreadsheetsExpect) {
  // OWASP "CSV injection": a cell starting with = + - @ tab or CR is a formula to Excel and
  // LibreOffice; a leading ' makes it text. Plain numbers stay numbers (a negative area too).
  Table t;
  t.column("value").column("m2", true);
  t.add_row({"=HYPERLINK(\"http://x\",\"y\")", "-12.50"});
  t.add_row({"+1+1", "+3"});
  t.add_row({"-2+3", "-1e-3"});
  t.add_row({"@SUM(A1)", "0"});
  t.add_row({"\tx", "-"});
  t.add_row({"\r=1", "-12.5.1"});
  t.add_row({"-12", "水土保持"});
  EXPECT_EQ(render_csv(t),
            "value,m2\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.50\r\n"
            "'+1+1,+3\r\n"
            "'-2+3,-1e-3\r\n"
            "'@SUM(A1),0\r\n"
            "'\tx,'-\r\n"
            "\"'\r=1\",'-12.5.1\r\n"
            "-12,水土保持\r\n");
}

TEST(RenderText, TerminalEscapesAndControlsAreShownNotSent) {
  Table t;
  t.title = "by \x1b]0;owned\x07";
  t.column("value");
  t.add_row({"\x1b[2Jred"});             // ESC: clear screen
  t.add_row({"a\rb\nc\td"});            // CR would overwrite the line
  t.add_row({"del\x7f c1\xc2\x9b"});      // DEL and C1 CSI (U+009B)
  t.add_row({"\xe2\x80\xae" "cba"});       // U+202E right-to-left override
  t.add_row({"水源涵养"});
  t.notes = {"note \x1b[1m"};
  EXPECT_EQ(render_text(t),
            "by \\x1B]0;owned\\x07\n"
            "value\n"
            "----------------\n"
            "\\x1B[2Jred\n"
            "a\\rb\\nc\\td\n"
            "del\\x7F c1\\u009B\n"
            "\\u202Ecba\n"
            "水源涵养\n"
            "note \\x1B[1m\n");
}

TEST(RenderMarkdown, EscapesControlsPipesAndBackslashes) {
  Table t;
  t.column("value");
  t.add_row({"a|b\\c\x1b[31m\nnext"});
  EXPECT_EQ(render_markdown(t), "| value |\n| --- |\n| a\\|b\\\\c\\\\x1B[31m\\\\nnext |\n");
}

TEST(RenderTables, ByteOrderMarkOnlyBeforeCsv) {
  Table t;
  t.column("a");
  t.add_row({"1"});
  EXPECT_EQ(render_tables({t}, OutputFormat::Csv, true), "\xEF\xBB\xBF" "a\r\n1\r\n");
  EXPECT_EQ(render_tables({t}, OutputFormat::Csv, false), "a\r\n1\r\n");
  EXPECT_EQ(render_tables({t}, OutputFormat::Text, true).substr(0, 1), "a");
}

TEST(RenderMarkdown, EscapesPipesAndAlignsNumbersRight) {
  Table t;
  t.title = "by DLMC";
  t.column("key").column("area", true);
  t.add_row({"a|b", "1.00"});
  EXPECT_EQ(render_markdown(t),
            "### by DLMC\n\n"
            "| key | area |\n"
            "| --- | ---: |\n"
            "| a\\|b | 1.00 |\n");
}

TEST(FormatNumber, NoNegativeZero) {
  EXPECT_EQ(format_number(-0.001, 2), "0.00");
  EXPECT_EQ(format_number(-0.0049, 2), "0.00");
  EXPECT_EQ(format_number(-0.0, 2), "0.00");
  EXPECT_EQ(format_number(-0.00004, 4), "0.0000");
  EXPECT_EQ(format_number(-0.00006, 4), "-0.0001");
  EXPECT_EQ(format_number(-12.345, 1), "-12.3");
}

TEST(FormatNumber, FixedDecimalsNoThousandsSeparators) {
  EXPECT_EQ(format_number(75587.98, 2), "75587.98");
  EXPECT_EQ(format_number(1234567.891, 2), "1234567.89");
  EXPECT_EQ(format_number(2711.83, 4), "2711.8300");
  EXPECT_EQ(format_number(3416, 0), "3416");
}

TEST(OutputFormat, Parses) {
  EXPECT_EQ(parse_output_format("table"), OutputFormat::Text);
  EXPECT_EQ(parse_output_format("JSON"), OutputFormat::Json);
  EXPECT_EQ(parse_output_format("csv"), OutputFormat::Csv);
  EXPECT_EQ(parse_output_format("markdown"), OutputFormat::Markdown);
  EXPECT_THROW(parse_output_format("xml"), UsageError);
}

AreaSummary sample_summary() {
  AreaSummary s;
  s.source = "redline.shp";
  s.layer = "redline";
  s.group_field = "HXLX";
  s.total_m2 = 25000.0;
  s.features = {{0, "0", "水源涵养", 10000.0}, {1, "1", "水土保持", 15000.0}};
  s.groups = {{"水土保持", 1, 15000.0}, {"水源涵养", 1, 10000.0}};
  s.read.features = 3;
  s.read.null_geometries = 1;
  return s;
}

TEST(AreaReport, JsonContract) {
  AreaReportOptions options;
  options.unit = AreaUnit::Mu;
  const nlohmann::ordered_json j = area_report_json(sample_summary(), options);
  EXPECT_EQ(j["unit"], "mu");
  EXPECT_EQ(j["method"], "ellipsoidal");
  EXPECT_DOUBLE_EQ(j["total"].get<double>(), 37.5);  // 25 000 m² x 15 / 10 000
  EXPECT_EQ(j["features"], 2);
  ASSERT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["groups"][0]["key"], "水土保持");
  EXPECT_DOUBLE_EQ(j["groups"][0]["area"].get<double>(), 22.5);
  EXPECT_EQ(j["read"]["null_geometries"], 1);
  EXPECT_FALSE(j.contains("feature_areas"));
}

TEST(AreaReport, CsvHoldsTheGroupsWithPercentages) {
  AreaReportOptions options;
  options.format = OutputFormat::Csv;
  EXPECT_EQ(render_area_report(sample_summary(), options),
            "HXLX,features,area (ha),%\r\n"
            "水土保持,1,1.50,60.00\r\n"
            "水源涵养,1,1.00,40.00\r\n"
            "total,2,2.50,100.00\r\n");
}

TEST(AreaReport, ReadLinesStateRepairsAndNulls) {
  ReadReport r;
  r.invalid = 2;
  r.repaired = 1;
  r.skipped = 1;
  r.null_geometries = 1;
  FeatureIssue is;
  is.fid = 7;
  is.reason = "Self-intersection";
  is.action = FeatureIssue::Action::Repaired;
  is.x = 1.0, is.y = 2.0;
  r.issues.push_back(is);
  const std::vector<std::string> lines = read_report_lines(r, 5000.0, AreaUnit::Hectare);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "2 invalid polygon(s): 1 repaired, 1 skipped; repair changed the area by +0.5000 ha");
  EXPECT_EQ(lines[1], "  feature 7: Self-intersection at (1.000, 2.000) (repaired)");
  EXPECT_EQ(lines[2], "1 feature(s) with no geometry (area 0)");
}

}  // namespace
}  // namespace redline
