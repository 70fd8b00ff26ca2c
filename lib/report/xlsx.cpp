#include "redline/report/xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "io/temporary_output.h"
#include "redline/error.h"
#include "report/plain_number.h"

namespace redline {

namespace {

// The one mapping from the reports' column names (their text and CSV headers, the JSON keys'
// words) to Chinese headers. A unit in parentheses is translated apart.
const std::map<std::string, std::string>& header_names() {
  static const std::map<std::string, std::string> names{
      {"#", "序号"},           {"item", "项目"},           {"value", "数值"},
      {"features", "图斑数"},  {"area", "面积"},           {"%", "占比 (%)"},
      {"fid", "要素号"},       {"id", "编号"},             {"source", "数据源"},
      {"layer", "图层"},       {"target", "目标图层"},     {"cover", "覆盖图层"},
      {"inside", "内部"},      {"features inside", "内部图斑数"},
      {"outside", "外部"},     {"indicator", "指标"},      {"threshold", "阈值"},
      {"margin", "余量"},      {"result", "结论"},         {"delivery", "成果"},
      {"note", "说明"},        {"from", "原类"},           {"to", "新类"},
      {"noise", "噪声"},       {"change", "变化"},         {"before", "变化前"},
      {"after", "变化后"},     {"delta", "变化量"},        {"fields", "字段变化"},
      {"kind", "类别"},        {"x", "X"},                 {"y", "Y"},
      {"detail", "详情"},      {"check", "检查项"},        {"findings", "问题数"},
      {"op", "运算"},          {"from both", "两者共有"},  {"first only", "仅第一层"},
      {"second only", "仅第二层"}, {"% of zone", "占分区 (%)"}, {"classified", "已分类"},
      {"% classified", "已分类占比 (%)"}, {"% inside", "内部占比 (%)"}, {"length", "长度"}, {"unit", "单位"},
      {"comparison", "比较"}, {"input", "输入项"}, {"CRS", "坐标系"},  {"zone", "分区"},           {"fid (before → after)", "要素号 (变化前 → 变化后)"},
  };
  return names;
}

// The summaries' row labels that are no column's name (the rest translate as headers do).
const std::map<std::string, std::string>& row_label_names() {
  static const std::map<std::string, std::string> names{
      {"method", "方法"},
      {"precision grid", "精度格网"},
      {"target features", "目标图斑数"},
      {"line features", "线要素数"},
      {"written to", "写入"},
      {"from both layers", "来自两图层"},
      {"from the first only", "仅来自第一层"},
      {"from the second only", "仅来自第二层"},
      {"gained (after − before)", "增加 (变化后 − 变化前)"},
      {"lost (before − after)", "减少 (变化前 − 变化后)"},
      {"real change", "实际变化"},
      {"reclassified", "改类"},
      {"geometry", "几何类型"},
      {"CRS check", "坐标系核查"},
      {"extent", "范围"},
      {"encoding", "编码"},
      {"measured as", "量算方式"},
      {"degenerate lines", "退化线"},
      {"invalid polygons", "无效多边形"},
      {"empty geometries", "空几何"},
      {"null geometries", "无几何"},
      {"non-line features", "非线要素"},
      {"non-polygon features", "非面要素"},
      {"problem", "问题"},
      {"total", "合计"},
  };
  return names;
}

const std::map<std::string, std::string>& unit_names() {
  static const std::map<std::string, std::string> units{
      {"ha", "公顷"}, {"mu", "亩"},   {"km²", "平方千米"}, {"km2", "平方千米"}, {"m²", "平方米"},
      {"m2", "平方米"}, {"m", "米"},  {"km", "千米"},      {"%", "%"}};
  return units;
}

constexpr const char* kLayerTitle = " — layer ";  // "SOURCE — layer NAME": one table per layer

// Sheet names by a table's role, read from its title; the first table is the summary, and when
// several tables each describe one layer (info), each sheet is named by its layer.
std::string sheet_role(const Table& t, std::size_t index, bool per_layer) {
  const std::string& title = t.title;
  if (per_layer) {
    const std::size_t at = title.rfind(kLayerTitle);
    if (at != std::string::npos) return title.substr(at + std::string(kLayerTitle).size());
  }
  auto starts = [&title](const char* prefix) { return title.rfind(prefix, 0) == 0; };
  if (std::find(t.status.begin(), t.status.end(), true) != t.status.end()) return "指标";
  if (starts("by ")) return "分组";
  if (title == "features" || starts("features ")) return "要素";
  if (starts("changed features")) return "变化要素";
  if (starts("reclassified")) return "改类";
  if (title == "findings") return "问题清单";
  if (title == "zones") return "分区";
  if (title == "inputs") return "输入";
  if (index == 0) return "总计";
  if (title.find(" by ") != std::string::npos) return "分类汇总";
  return fmt::format("表{}", index + 1);
}

// Excel's column width unit is about one Latin character; CJK characters take two.
double fitted_width(std::size_t display) { return std::min<double>(80.0, std::max<std::size_t>(display, 4) + 2.0); }

class Workbook {
 public:
  explicit Workbook(const std::string& path) : book_(workbook_new(path.c_str())) {
    if (!book_) throw OutputError("cannot start the workbook in the temporary folder", Location{path, "", std::nullopt, ""});
  }
  ~Workbook() {
    if (book_) workbook_close(book_);  // only on failure: the file is then removed
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() const { return book_; }

  /// Writes the file; throws when it cannot.
  void close(const std::string& path) {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw OutputError(fmt::format("cannot write the workbook: {}", lxw_strerror(e)), Location{path, "", std::nullopt, ""});
  }

 private:
  lxw_workbook* book_;
};

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw OutputError(fmt::format("cannot write the workbook ({}): {}", what, lxw_strerror(e)));
}

std::string unique_name(std::set<std::string>& taken, const std::string& wanted) {
  std::string name = xlsx_sheet_name(wanted);
  for (int n = 2; taken.count(name); ++n) name = xlsx_sheet_name(fmt::format("{} {}", wanted, n));
  taken.insert(name);
  return name;
}

void write_table(lxw_worksheet* sheet, const Table& t, lxw_format* header, lxw_format* passed,
                 lxw_format* failed) {
  std::vector<std::size_t> widths(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const std::string name = chinese_header(t.columns[c]);
    widths[c] = display_width(name);
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), name.c_str(), header), "header");
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
      const std::string& cell = t.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      widths[c] = std::max(widths[c], display_width(t.columns[c] == "item" ? chinese_row_label(cell) : cell));
      const std::optional<double> exact =
          r < t.values.size() && c < t.values[r].size() ? t.values[r][c] : std::nullopt;
      // An item/value table's value column holds numbers and words alike: its numbers count too.
      const bool numeric = (c < t.numeric.size() && t.numeric[c]) || t.columns[c] == "value";
      if (exact) {
        check(worksheet_write_number(sheet, row, col, *exact, nullptr), "number");
      } else if (numeric && detail::is_plain_number(cell)) {
        check(worksheet_write_number(sheet, row, col, std::strtod(cell.c_str(), nullptr), nullptr), "number");
      } else if (numeric && cell == "-") {
        continue;  // no figure: an empty cell, not text among numbers
      } else if (!cell.empty()) {
        // A summary's row labels are Chinese where its headers are.
        const std::string& text = t.columns[c] == "item" ? chinese_row_label(cell) : cell;
        lxw_format* fill = nullptr;
        if (c < t.status.size() && t.status[c]) fill = cell == "达标" ? passed : cell == "未达标" ? failed : nullptr;
        check(worksheet_write_string(sheet, row, col, text.c_str(), fill), "text");
      }
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), fitted_width(widths[c]),
                               nullptr),
          "width");
  }
  worksheet_freeze_panes(sheet, 1, 0);
}

}  // namespace

std::string chinese_header(const std::string& column) {
  const auto& names = header_names();
  if (auto it = names.find(column); it != names.end()) return it->second;
  // "area (ha)", "inside (mu)": the name and its unit apart.
  const std::size_t open = column.rfind(" (");
  if (open != std::string::npos && column.back() == ')') {
    const std::string name = column.substr(0, open), unit = column.substr(open + 2, column.size() - open - 3);
    const auto n = names.find(name);
    const auto u = unit_names().find(unit);
    if (n != names.end() || u != unit_names().end()) {
      return fmt::format("{} ({})", n != names.end() ? n->second : name, u != unit_names().end() ? u->second : unit);
    }
  }
  return column;
}

std::string chinese_row_label(const std::string& item) {
  const std::size_t start = item.find_first_not_of(' ');
  if (start == std::string::npos) return item;
  const std::string indent = item.substr(0, start), label = item.substr(start);
  if (auto it = row_label_names().find(label); it != row_label_names().end()) return indent + it->second;
  constexpr std::string_view kTotal = "total ";
  if (label.rfind(kTotal, 0) == 0) return indent + "合计" + chinese_row_label(label.substr(kTotal.size()));
  // "reclassified (HXLX)": a row's name and, in parentheses, a unit or a field.
  const std::size_t open = label.rfind(" (");
  if (open != std::string::npos && label.back() == ')') {
    if (auto it = row_label_names().find(label.substr(0, open)); it != row_label_names().end()) {
      return indent + it->second + label.substr(open);
    }
  }
  return indent + chinese_header(label);
}

std::string xlsx_sheet_name(const std::string& name) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < 31; ++chars) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string ch = name.substr(i, len);
    if (ch.size() == 1 && (std::string("[]:*?/\\").find(ch[0]) != std::string::npos || c < 0x20)) ch = "_";
    out += ch;
    i += len;
  }
  // Excel refuses a name starting or ending with an apostrophe.
  if (!out.empty() && out.front() == '\'') out.front() = '_';
  if (!out.empty() && out.back() == '\'') out.back() = '_';
  return out.empty() ? "表" : out;
}

std::string render_xlsx(const std::vector<Table>& tables) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
  if (ec) folder = "/tmp";
  // A registered temporary: removed when done, on failure and on signals.
  detail::TemporaryOutput temp((folder / "redline-workbook.xlsx").string());
  {
    Workbook book(temp.path());
    lxw_format* header = workbook_add_format(book.get());
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* passed = workbook_add_format(book.get());
    format_set_bg_color(passed, 0xC6EFCE);
    format_set_font_color(passed, 0x006100);
    lxw_format* failed = workbook_add_format(book.get());
    format_set_bg_color(failed, 0xFFC7CE);
    format_set_font_color(failed, 0x9C0006);

    std::set<std::string> taken;
    const auto layer_tables = std::count_if(tables.begin(), tables.end(), [](const Table& t) {
      return t.title.find(kLayerTitle) != std::string::npos;
    });
    Table notes;
    notes.column("表").column("说明");
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const Table& t = tables[i];
      const std::string name = unique_name(taken, sheet_role(t, i, layer_tables > 1));
      lxw_worksheet* sheet = workbook_add_worksheet(book.get(), name.c_str());
      if (!sheet) throw OutputError(fmt::format("cannot add the sheet {} to the workbook", name));
      write_table(sheet, t, header, passed, failed);
      if (!t.title.empty() && t.title != "inputs") notes.add_row({name, t.title});
      for (const std::string& n : t.notes) {
        if (!n.empty()) notes.add_row({name, n});
      }
    }
    if (!notes.rows.empty()) {
      const std::string name = unique_name(taken, "说明");
      lxw_worksheet* sheet = workbook_add_worksheet(book.get(), name.c_str());
      if (!sheet) throw OutputError("cannot add the notes sheet to the workbook");
      write_table(sheet, notes, header, passed, failed);
    }
    book.close(temp.path());
  }
  std::ifstream in(temp.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw OutputError("cannot read back the workbook", Location{temp.path(), "", std::nullopt, ""});
  return bytes;  // the temporary is removed by its destructor
}

}  // namespace redline
