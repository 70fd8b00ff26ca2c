#pragma once
// Excel workbooks (.xlsx) of the report tables: what `--format xlsx` writes.
//
// One sheet per table, named in Chinese from the table's role (总计, 分组, 要素, 指标, ...; at
// most 31 characters, none of []:*?/\), Chinese column headers with the unit kept ("面积 (公顷)"),
// numbers written as numbers (the unrounded value behind a cell when the table holds one),
// column widths fitted to the content (CJK characters count two), the header row frozen, and
// 达标/未达标 cells of a status column filled green/red, a summary's row labels (its "item"
// column) in Chinese too ("合计面积 (公顷)"). The tables' titles and notes go to a
// last sheet 说明.
#include <string>
#include <vector>

#include "redline/export.h"
#include "redline/report/table.h"

namespace redline {

/// Returns the bytes of a workbook holding `tables` as described above (the workbook is built in
/// a temporary file of the system's temporary folder, removed before returning and on signals).
/// Throws OutputError when the workbook cannot be built (temporary folder full or unwritable).
/// Thread-safe.
REDLINE_EXPORT std::string render_xlsx(const std::vector<Table>& tables);

/// Returns the Chinese header of a report column ("area (ha)" -> "面积 (公顷)", "features" ->
/// "图斑数"); a column it does not know (a field name such as DLBM) is returned unchanged.
REDLINE_EXPORT std::string chinese_header(const std::string& column);

/// Returns the Chinese label of a summary's row (the "item" column of an item/value table): "total
/// area (ha)" -> "合计面积 (公顷)", "method" -> "方法", "  noise" -> "  噪声" (the indent kept),
/// "  = 亩" unchanged; a label it does not know is returned unchanged.
REDLINE_EXPORT std::string chinese_row_label(const std::string& item);

/// Returns a valid sheet name from `name`: []:*?/\ and control characters replaced by _, cut to
/// 31 characters (whole UTF-8 characters), a leading or trailing ' replaced, "表" when empty.
REDLINE_EXPORT std::string xlsx_sheet_name(const std::string& name);

}  // namespace redline
