// Tables as text, CSV and Markdown, and the output formats' names.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/error.h"
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

TEST(OutputFormat, Parses) {
  EXPECT_EQ(parse_output_format("table"), OutputFormat::Text);
  EXPECT_EQ(parse_output_format("JSON"), OutputFormat::Json);
  EXPECT_EQ(parse_output_format("csv"), OutputFormat::Csv);
  EXPECT_EQ(parse_output_format("markdown"), OutputFormat::Markdown);
  EXPECT_THROW(parse_output_format("xml"), UsageError);
}

TEST(OutputFormat, NamesComeFromOneTable) {
  EXPECT_EQ(output_format_name(OutputFormat::Text), "table");
  EXPECT_EQ(output_format_name(OutputFormat::Markdown), "md");
  EXPECT_EQ(output_format_names(), (std::vector<std::string>{"table", "json", "csv", "md", "xlsx"}));
  EXPECT_EQ(output_format_name(kDefaultOutputFormat), "table");
  for (const std::string& name : output_format_names()) {
    EXPECT_EQ(output_format_name(parse_output_format(name)), name);
  }
  try {
    parse_output_format("xml");
    ADD_FAILURE() << "xml accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown output format 'xml' (expected table, json, csv, md or xlsx)");
  }
}

}  // namespace
}  // namespace redline
