// render_xlsx over a hand-built Table, read back with openpyxl (tests/oracles/read_xlsx.py,
// /usr/bin/python3): sheet names, Chinese headers, numbers as numbers (the unrounded value when
// the table holds one, else the cell's own number), "-" as an empty cell, text that looks like a
// formula kept as text, CJK widths, the frozen header row and the 达标/未达标 fills.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "redline/report/xlsx.h"
#include "support/test_support.h"

namespace redline {
namespace {

nlohmann::json read_back(const std::string& bytes, const std::string& name) {
  // A folder per workbook: ctest runs the tests of this file as parallel processes.
  const std::string path = test::work_dir("xlsx_lib_" + name) + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  const std::string command = "/usr/bin/python3 " + test::source_path("tests/oracles/read_xlsx.py") + " '" + path + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (std::size_t n; pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(pipe ? ::pclose(pipe) : -1, 0);
  return nlohmann::json::parse(out);
}

TEST(Xlsx, ChineseHeadersKeepTheUnit) {
  EXPECT_EQ(chinese_header("area (ha)"), "面积 (公顷)");
  EXPECT_EQ(chinese_header("area (mu)"), "面积 (亩)");
  EXPECT_EQ(chinese_header("area (km²)"), "面积 (平方千米)");
  EXPECT_EQ(chinese_header("features"), "图斑数");
  EXPECT_EQ(chinese_header("inside (ha)"), "内部 (公顷)");
  EXPECT_EQ(chinese_header("DLBM"), "DLBM");            // a field name stays
  EXPECT_EQ(chinese_header("width (furlong)"), "width (furlong)");  // neither part known
}

TEST(Xlsx, SheetNamesAreValid) {
  EXPECT_EQ(xlsx_sheet_name("a[b]:c*d?e/f\\g"), "a_b__c_d_e_f_g");
  EXPECT_EQ(xlsx_sheet_name(""), "表");
  EXPECT_EQ(xlsx_sheet_name("'quoted'"), "_quoted_");
  // 40 CJK characters: cut at 31 whole characters (93 bytes), never inside one.
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "红";
  EXPECT_EQ(xlsx_sheet_name(long_name).size(), 31u * 3);
}

TEST(Xlsx, TypedCellsWidthsFreezeAndFills) {
  Table groups;
  groups.title = "by HXLX";
  groups.column("HXLX").column("features", true).column("area (ha)", true).column("note");
  groups.add_row({"生物多样性维护", "18", "27888.55", "=1+1"}, {std::nullopt, 18.0, 27888.548282140841, std::nullopt});
  groups.add_row({"水源涵养", "25", "-", "+ok"});  // no exact value: the cell's own text decides
  groups.notes.push_back("a note");
  Table check;
  check.title = "指标";
  check.column("indicator").column("result").status_column();
  check.add_row({"面积不减少", "达标"});
  check.add_row({"性质不改变", "未达标"});
  Table summary;  // first table: 总计
  summary.column("item").column("value");
  summary.add_row({"features", "58"});
  summary.add_row({"CRS", "EPSG:4527"});
  summary.add_row({"total area (ha)", "75606.02"});

  const auto book = read_back(render_xlsx({summary, groups, check}), "typed.xlsx");
  ASSERT_EQ(book["sheets"].size(), 4u);
  EXPECT_EQ(book["sheets"][0]["name"], "总计");
  EXPECT_EQ(book["sheets"][1]["name"], "分组");
  EXPECT_EQ(book["sheets"][2]["name"], "指标");
  EXPECT_EQ(book["sheets"][3]["name"], "说明");
  for (const auto& s : book["sheets"]) EXPECT_EQ(s["freeze_panes"], "A2") << s["name"];

  const auto& s = book["sheets"][0];
  EXPECT_EQ(s["rows"][1][1], 58);  // an item/value table's number is a number
  EXPECT_EQ(s["rows"][2][1], "EPSG:4527");
  // The row labels in Chinese, as the headers are.
  EXPECT_EQ(s["rows"][0], nlohmann::json({"项目", "数值"}));
  EXPECT_EQ(s["rows"][1][0], "图斑数");
  EXPECT_EQ(s["rows"][2][0], "坐标系");
  EXPECT_EQ(s["rows"][3][0], "合计面积 (公顷)");

  const auto& g = book["sheets"][1];
  EXPECT_EQ(g["rows"][0], nlohmann::json({"HXLX", "图斑数", "面积 (公顷)", "说明"}));
  EXPECT_EQ(g["rows"][1][1], 18);
  EXPECT_DOUBLE_EQ(g["rows"][1][2].get<double>(), 27888.548282140841);  // unrounded
  EXPECT_EQ(g["rows"][1][3], "=1+1");  // text, never a formula
  EXPECT_EQ(g["types"][1][3], "s");
  EXPECT_EQ(g["rows"][2][1], 25);  // parsed from "25"
  EXPECT_TRUE(g["rows"][2][2].is_null());  // "-": no figure
  EXPECT_EQ(g["rows"][2][3], "+ok");
  // 生物多样性维护: 7 CJK characters take 14 columns; the width holds them with a margin.
  EXPECT_GE(g["widths"]["A"].get<double>(), 14.0);
  EXPECT_LT(g["widths"]["A"].get<double>(), 20.0);

  const auto& c = book["sheets"][2];
  EXPECT_EQ(c["fills"][1][1], "C6EFCE");
  EXPECT_EQ(c["fills"][2][1], "FFC7CE");
  EXPECT_TRUE(c["fills"][1][0].is_null());

  const auto& notes = book["sheets"][3];
  EXPECT_EQ(notes["rows"][0], nlohmann::json({"表", "说明"}));
  EXPECT_EQ(notes["rows"].back(), nlohmann::json({"指标", "指标"}));
  bool noted = false;
  for (const auto& row : notes["rows"]) noted |= row == nlohmann::json({"分组", "a note"});
  EXPECT_TRUE(noted);
}

TEST(Xlsx, RowLabelsInChinese) {
  EXPECT_EQ(chinese_row_label("method"), "方法");
  EXPECT_EQ(chinese_row_label("total area (ha)"), "合计面积 (公顷)");
  EXPECT_EQ(chinese_row_label("total length (km)"), "合计长度 (千米)");
  EXPECT_EQ(chinese_row_label("  noise"), "  噪声");  // the indent of a part kept
  EXPECT_EQ(chinese_row_label("  real change"), "  实际变化");
  EXPECT_EQ(chinese_row_label("reclassified (HXLX)"), "改类 (HXLX)");  // the field kept
  EXPECT_EQ(chinese_row_label("inside (mu)"), "内部 (亩)");
  EXPECT_EQ(chinese_row_label("  = 亩"), "  = 亩");
  EXPECT_EQ(chinese_row_label("DLBM"), "DLBM");  // unknown: unchanged
  EXPECT_EQ(chinese_row_label(""), "");
}

TEST(Xlsx, OneSheetPerLayerNamedByIt) {  // redline info: one item/value table per layer
  Table a, b;
  a.title = "huichang.gpkg (GPKG) — layer redline";
  b.title = "huichang.gpkg (GPKG) — layer mines";
  for (Table* t : {&a, &b}) {
    t->column("item").column("value");
    t->add_row({"features", "58"});
  }
  const auto book = read_back(render_xlsx({a, b}), "layers.xlsx");
  ASSERT_EQ(book["sheets"].size(), 3u);
  EXPECT_EQ(book["sheets"][0]["name"], "redline");
  EXPECT_EQ(book["sheets"][1]["name"], "mines");
  EXPECT_EQ(book["sheets"][2]["name"], "说明");
}

TEST(Xlsx, RenderTablesGivesTheWorkbook) {
  Table t;
  t.column("fid", true);
  t.add_row({"1"});
  const std::string bytes = render_tables({t}, OutputFormat::Xlsx);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");  // a zip: what an .xlsx is
  EXPECT_TRUE(is_binary_format(OutputFormat::Xlsx));
  EXPECT_FALSE(is_binary_format(OutputFormat::Csv));
  EXPECT_EQ(parse_output_format("XLSX"), OutputFormat::Xlsx);
  EXPECT_EQ(output_format_name(OutputFormat::Xlsx), "xlsx");
}

}  // namespace
}  // namespace redline
