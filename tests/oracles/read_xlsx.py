#!/usr/bin/python3
"""Reads an .xlsx workbook with openpyxl (independent of libxlsxwriter) and prints it as JSON:
{"sheets": [{"name", "freeze_panes", "widths": {"A": w}, "rows": [[cell, ...]],
             "fills": [[ "RRGGBB" or null, ...]], "types": [["n"|"s"|null, ...]]}]}.
Used by the xlsx tests: python3 tests/oracles/read_xlsx.py FILE.xlsx"""
import json
import sys

import openpyxl


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for ws in book.worksheets:
        rows, fills, types = [], [], []
        for row in ws.iter_rows():
            rows.append([c.value for c in row])
            fills.append([(c.fill.fgColor.rgb[-6:] if c.fill is not None and c.fill.fill_type == "solid" else None)
                          for c in row])
            types.append([None if c.value is None else ("n" if isinstance(c.value, (int, float)) else "s")
                          for c in row])
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        sheets.append({"name": ws.title, "freeze_panes": ws.freeze_panes, "widths": widths, "rows": rows,
                       "fills": fills, "types": types})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
