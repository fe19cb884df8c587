#!/usr/bin/env python3
"""bieu-tong-hop.xlsx read back with openpyxl and compared with indicators.csv (no Swift code).

    python3 scripts/check-summary-workbook.py Output/2024/bieu-tong-hop.xlsx \\
        Output/2024/indicators.csv Output/2024/report.json

For every row of indicators.csv, the unit's row on its level's sheet ("Cấp tỉnh", "Cấp huyện",
"Cấp xã", "Toàn quốc": found by the unit's code in column A under the two header rows) and
the indicator's five columns (found by its name, from report.json, in the first header row):
numerator and denominator equal, rate x 100 and target x 100 within half a unit of the 4th
decimal of the CSV's, "Đạt" for met 1, "Chưa đạt" for 0, an empty cell for an empty value.
Also: numbers are number cells, no cell anywhere is a formula, every unit row of a sheet is
in the CSV. Prints "checked N values" and exits 0, or prints each difference and exits 1.
"""
import csv
import json
import sys

import openpyxl

SHEETS = {"nation": "Toàn quốc", "province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}
HEADER_ROW = 9  # the table's first header row; units start two rows below


def main(xlsx, csv_path, report_path):
    names = {i["id"]: i["name"] for i in json.load(open(report_path, encoding="utf-8"))["indicators"]}
    wb = openpyxl.load_workbook(xlsx)
    problems = []
    sheets = {}
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    problems.append(f"{ws.title}!{c.coordinate}: a formula cell {c.value!r}")
        header = [c.value for c in ws[HEADER_ROW]]
        columns = {name: i for i, name in enumerate(header) if isinstance(name, str) and i >= 3}
        units = {}
        for r in ws.iter_rows(min_row=HEADER_ROW + 2):
            if r[0].value is not None:
                units[r[0].value] = r
        sheets[ws.title] = (columns, units)
    seen = set()
    checked = 0
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            where = f"{row['unit_code']} {row['indicator']}"
            columns, units = sheets.get(SHEETS[row["level"]], ({}, {}))
            cells = units.get(row["unit_code"])
            first = columns.get(names[row["indicator"]])
            if cells is None or first is None:
                problems.append(f"{where}: no row or no column in {SHEETS[row['level']]}")
                continue
            seen.add((SHEETS[row["level"]], row["unit_code"]))
            numerator, denominator, rate, target, met = (cells[first + i] for i in range(5))
            for cell, text in ((numerator, row["numerator"]), (denominator, row["denominator"])):
                want = int(text) if text else None
                if cell.value != want or (want is not None and cell.data_type != "n"):
                    problems.append(f"{where} {cell.coordinate}: {cell.value!r} for {text!r}")
            for cell, text in ((rate, row["rate_percent"]), (target, row["target_percent"])):
                if not text:
                    ok = cell.value is None
                else:
                    ok = (cell.data_type == "n" and isinstance(cell.value, (int, float))
                          and abs(cell.value * 100 - float(text)) <= 0.00005 + 1e-9
                          and cell.number_format.endswith("%"))
                if not ok:
                    problems.append(f"{where} {cell.coordinate}: {cell.value!r} ({cell.number_format}) for {text}%")
            want = {"1": "Đạt", "0": "Chưa đạt", "": None}[row["met"]]
            if met.value != want:
                problems.append(f"{where} {met.coordinate}: {met.value!r} for met {row['met']!r}")
            checked += 5
    for title, (_, units) in sheets.items():
        for code in units:
            if (title, code) not in seen:
                problems.append(f"{title}: unit {code} has no row in indicators.csv")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"checked {checked} values")


if __name__ == "__main__":
    main(*sys.argv[1:4])
