#pragma once
// redline::Table: a titled table of text cells, rendered as an aligned text table, CSV or
// Markdown. Every tool's human-readable output is one or more Tables; JSON is built separately
// because its shape is part of each tool's contract.
#include <optional>
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/measure/quantity_format.h"  // the figures in the cells

namespace redline {

enum class OutputFormat { Text, Json, Csv, Markdown, Xlsx };

/// DEFAULT output format of every report: an aligned text table.
constexpr OutputFormat kDefaultOutputFormat = OutputFormat::Text;

/// Parses "table" (or "text"), "json", "csv", "md" (or "markdown"), "xlsx", ignoring ASCII case.
/// Throws UsageError "unknown output format 'x' (expected table, json, csv, md or xlsx)".
REDLINE_EXPORT OutputFormat parse_output_format(const std::string& text);
/// Returns the format's name as parse_output_format() accepts it: "table", "json", "csv", "md",
/// "xlsx".
REDLINE_EXPORT std::string output_format_name(OutputFormat format);
/// Returns every format's name, in the order above, for help texts.
REDLINE_EXPORT std::vector<std::string> output_format_names();
/// True for a format whose rendering is bytes for a file, not text for a terminal (xlsx).
REDLINE_EXPORT bool is_binary_format(OutputFormat format);

struct REDLINE_EXPORT Table {
  std::string title;                         ///< printed above the table ("" for none)
  std::vector<std::string> columns;
  std::vector<bool> numeric;                 ///< per column: right-aligned in text output
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;            ///< printed under the table
  /// Per row (parallel to rows; may be shorter), per column: the unrounded number behind a
  /// cell, in the unit its column names. A workbook writes it as the cell's number; text
  /// formats show the rounded cell. A numeric cell without one is written as the number its
  /// text spells ("12.50"), or as text when it spells none ("-").
  std::vector<std::vector<std::optional<double>>> values;
  /// Per column (may be shorter): marks a column of 达标/未达标 results, coloured in a workbook.
  std::vector<bool> status;

  /// Adds a column; returns *this for chaining.
  Table& column(std::string name, bool is_numeric = false);
  /// Adds a row; REQUIRES: one cell per column.
  void add_row(std::vector<std::string> cells);
  /// Adds a row with the unrounded numbers behind its cells (std::nullopt where none).
  void add_row(std::vector<std::string> cells, std::vector<std::optional<double>> exact);
  /// Marks the last column added as a 达标/未达标 column; returns *this for chaining.
  Table& status_column();
};

/// One input of a report, for a workbook's sheet 输入.
struct ReportInput {
  std::string role;    ///< which input ("before", "after"; "" when there is one)
  std::string source;  ///< path as given
  std::string layer;   ///< layer name in the source
  std::string crs;     ///< CRS label ("EPSG:4527 (CGCS2000 / ...)")
};
/// Returns the table titled "inputs" listing `inputs` (columns input, source, layer, CRS): a
/// workbook names its sheet 输入.
REDLINE_EXPORT Table inputs_table(const std::vector<ReportInput>& inputs);

/// Returns the table aligned for a terminal (CJK characters count two columns). Control
/// characters, terminal escapes (ESC, C0/C1 controls, DEL) and bidi overrides in any cell,
/// title or note are written visibly (\x1B, \n, \u202E), never sent to the terminal.
REDLINE_EXPORT std::string render_text(const Table& table);
/// Returns RFC 4180 CSV in UTF-8 (header row first; title and notes are not written). A cell
/// that starts with =, +, -, @, tab or CR and is not a plain number gets a leading ' so that
/// spreadsheets read it as text, not as a formula (CSV injection); numbers stay numbers.
REDLINE_EXPORT std::string render_csv(const Table& table);
/// Returns a GitHub-flavoured Markdown table, with the title as a heading. Controls are
/// written visibly as in render_text(); | and \ are escaped.
REDLINE_EXPORT std::string render_markdown(const Table& table);
/// Renders several tables in one of the table formats (not Json), separated as the format needs.
/// `bom` puts a UTF-8 byte order mark before CSV, so that Excel reads Chinese right.
/// Xlsx returns the bytes of a workbook (see render_xlsx in redline/report/xlsx.h).
REDLINE_EXPORT std::string render_tables(const std::vector<Table>& tables, OutputFormat format, bool bom = false);

/// Returns the number of terminal columns `text` (UTF-8) takes.
REDLINE_EXPORT std::size_t display_width(const std::string& text);

}  // namespace redline
