#include "redline/report/table.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "redline/error.h"
#include "redline/report/xlsx.h"
#include "report/plain_number.h"
#include "util/enum_names.h"
#include "util/text.h"

namespace redline {

namespace {

constexpr detail::EnumNames<OutputFormat, 7> kOutputFormatNames{
    "output format",
    {{{OutputFormat::Text, "table"}, {OutputFormat::Text, "text"}, {OutputFormat::Json, "json"},
      {OutputFormat::Csv, "csv"}, {OutputFormat::Markdown, "md"}, {OutputFormat::Markdown, "markdown"},
      {OutputFormat::Xlsx, "xlsx"}}}};

}  // namespace

OutputFormat parse_output_format(const std::string& text) { return kOutputFormatNames.parse(text); }

std::string output_format_name(OutputFormat format) { return kOutputFormatNames.name(format); }

std::vector<std::string> output_format_names() { return kOutputFormatNames.names(); }

bool is_binary_format(OutputFormat format) { return format == OutputFormat::Xlsx; }

Table& Table::column(std::string name, bool is_numeric) {
  columns.push_back(std::move(name));
  numeric.push_back(is_numeric);
  return *this;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(columns.size());
  rows.push_back(std::move(cells));
}

void Table::add_row(std::vector<std::string> cells, std::vector<std::optional<double>> exact) {
  exact.resize(columns.size());
  values.resize(rows.size());
  values.push_back(std::move(exact));
  add_row(std::move(cells));
}

Table inputs_table(const std::vector<ReportInput>& inputs) {
  Table t;
  t.title = "inputs";
  t.column("input").column("source").column("layer").column("CRS");
  for (const ReportInput& in : inputs) t.add_row({in.role, in.source, in.layer, in.crs});
  return t;
}

Table& Table::status_column() {
  status.resize(columns.size(), false);
  if (!status.empty()) status.back() = true;
  return *this;
}

namespace {

// East Asian wide and fullwidth ranges (the common part of Unicode's EastAsianWidth W/F).
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

// CSV injection (OWASP): a cell starting with = + - @ tab or CR is a formula to Excel and
// LibreOffice; a leading ' makes it text, as spreadsheets expect. Numbers are kept as numbers.
std::string csv_cell(const std::string& cell) {
  const bool formula = !cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos &&
                       !detail::is_plain_number(cell);
  const std::string s = formula ? "'" + cell : cell;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Markdown: controls made visible, and the characters that would end a cell or start an escape.
std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : detail::escape_controls(s)) {
    if (c == '|' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Text: nothing a terminal would act on (ESC sequences, carriage returns, bidi overrides).
std::string text_cell(const std::string& s) { return detail::escape_controls(s); }

}  // namespace

// True for a plain decimal number ("-12.50", "3e-4"): a spreadsheet reads it as a number, never
// as a formula, so it is left as it is (a negative area stays a number).
bool detail::is_plain_number(const std::string& s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t n = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    n += digits();
  }
  if (n == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) len = 4, cp = c & 0x07;
    else if (c >= 0xE0) len = 3, cp = c & 0x0F;
    else if (c >= 0xC0) len = 2, cp = c & 0x1F;
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    width += is_wide(cp) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string render_text(const Table& t) {
  auto visible = [](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    for (const auto& c : cells) out.push_back(text_cell(c));
    return out;
  };
  const std::vector<std::string> columns = visible(t.columns);
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : t.rows) rows.push_back(visible(row));
  std::vector<std::size_t> widths(columns.size(), 0);
  for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = display_width(columns[c]);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  if (!t.title.empty()) out += text_cell(t.title) + "\n";
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string l;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) l += "  ";
      l += pad(cells[c], widths[c], !header && t.numeric[c]);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(columns, true);
  std::string rule;
  for (std::size_t c = 0; c < widths.size(); ++c) rule += (c ? "  " : "") + std::string(widths[c], '-');
  out += rule + "\n";
  for (const auto& row : rows) line(row, false);
  for (const auto& note : t.notes) out += text_cell(note) + "\n";
  return out;
}

std::string render_csv(const Table& t) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + csv_cell(cells[c]);
    out += "\r\n";
  };
  line(t.columns);
  for (const auto& row : t.rows) line(row);
  return out;
}

std::string render_markdown(const Table& t) {
  std::string out;
  if (!t.title.empty()) out += "### " + md_cell(t.title) + "\n\n";
  auto line = [&](const std::vector<std::string>& cells) {
    out += "|";
    for (const auto& cell : cells) out += " " + md_cell(cell) + " |";
    out += "\n";
  };
  line(t.columns);
  out += "|";
  for (std::size_t c = 0; c < t.columns.size(); ++c) out += t.numeric[c] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) line(row);
  if (!t.notes.empty()) {
    out += "\n";
    for (const auto& note : t.notes) out += md_cell(note) + "\n";
  }
  return out;
}

std::string render_tables(const std::vector<Table>& tables, OutputFormat format, bool bom) {
  if (format == OutputFormat::Xlsx) return render_xlsx(tables);
  std::string out;
  if (format == OutputFormat::Csv && bom) out += "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i) out += "\n";
    switch (format) {
      case OutputFormat::Csv: out += render_csv(tables[i]); break;
      case OutputFormat::Markdown: out += render_markdown(tables[i]); break;
      default: out += render_text(tables[i]); break;
    }
  }
  return out;
}

}  // namespace redline
