#!/usr/bin/env python3
"""The plain Python peer of the national benchmark: what a statistician's script would do.

    python3 scripts/national-peer.py DIR        # DIR made by scripts/make-national-input.py

Reads every DIR/Input/*.xlsx with openpyxl in read-only mode (sheet "Cấp xã", the rows under
the two-row header, the "Tổng cộng" row skipped), finds each commune's province in
DIR/units/units-2023-04-10.csv, sums 4 columns per province (households and learning
households, assessed and learning citizens), and writes one table of the 63 provinces with two
rates as DIR/peer/bao-cao.docx (docxtpl, a Word template made here with python-docx) and
DIR/peer/bao-cao.html (Jinja2). No checks, no store, no charts: the floor xhht is measured
against (scripts/bench-national.sh). Needs `pip install docxtpl openpyxl` (Jinja2 comes with
docxtpl; scripts/setup.sh --bench).
"""
import csv
import glob
import io
import os
import sys

import docx
import jinja2
import openpyxl
from docxtpl import DocxTemplate

# Column letters of the default form's "Cấp xã" sheet (docs/default-form.md).
COLUMNS = {"gia_dinh_tong": 4, "gia_dinh_dat": 5, "cong_dan_tong": 12, "cong_dan_dat": 13}

HTML = jinja2.Template("""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo xây dựng xã hội học tập {{ year }}</title></head>
<body><h1>Báo cáo xây dựng xã hội học tập năm {{ year }}</h1>
<table><thead><tr><th>Tỉnh, thành phố</th><th>Tổng số hộ</th><th>Số hộ đạt</th><th>Tỷ lệ</th>
<th>Số người được đánh giá</th><th>Số đạt</th><th>Tỷ lệ</th></tr></thead><tbody>
{% for p in provinces %}<tr><td>{{ p.name }}</td><td>{{ p.gia_dinh_tong }}</td><td>{{ p.gia_dinh_dat }}</td>
<td>{{ p.gia_dinh }}</td><td>{{ p.cong_dan_tong }}</td><td>{{ p.cong_dan_dat }}</td><td>{{ p.cong_dan }}</td></tr>
{% endfor %}</tbody></table></body></html>
""")


def word_template():
    """A one-table Word template with docxtpl's row loop, as a user would have saved it."""
    d = docx.Document()
    d.add_heading("Báo cáo xây dựng xã hội học tập năm {{ year }}", level=1)
    table = d.add_table(rows=4, cols=7)
    for c, text in enumerate(["Tỉnh, thành phố", "Tổng số hộ", "Số hộ đạt", "Tỷ lệ",
                              "Số người được đánh giá", "Số đạt", "Tỷ lệ"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "{%tr for p in provinces %}"
    for c, key in enumerate(["name", "gia_dinh_tong", "gia_dinh_dat", "gia_dinh",
                             "cong_dan_tong", "cong_dan_dat", "cong_dan"]):
        table.cell(2, c).text = "{{ p.%s }}" % key
    table.cell(3, 0).text = "{%tr endfor %}"
    buffer = io.BytesIO()
    d.save(buffer)
    buffer.seek(0)
    return buffer


def vi(n):
    return f"{n:,}".replace(",", ".")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    province_of, province_name = {}, {}
    with open(os.path.join(root, "units", "units-2023-04-10.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            province_of[row["commune_code"]] = row["province_code"]
            province_name[row["province_code"]] = row["province_name"]

    sums = {}
    files = sorted(glob.glob(os.path.join(root, "Input", "*.xlsx")))
    for path in files:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for row in wb["Cấp xã"].iter_rows(min_row=6, values_only=True):
            code = row[1]
            if code is None or str(code) not in province_of:
                continue
            total = sums.setdefault(province_of[str(code)], dict.fromkeys(COLUMNS, 0))
            for key, c in COLUMNS.items():
                total[key] += int(row[c] or 0)
        wb.close()

    provinces = []
    for code in sorted(sums):
        s = sums[code]
        provinces.append({"name": province_name[code],
                          **{k: vi(v) for k, v in s.items()},
                          "gia_dinh": f"{100 * s['gia_dinh_dat'] / s['gia_dinh_tong']:.2f}%".replace(".", ","),
                          "cong_dan": f"{100 * s['cong_dan_dat'] / s['cong_dan_tong']:.2f}%".replace(".", ",")})
    context = {"year": 2024, "provinces": provinces}

    out = os.path.join(root, "peer")
    os.makedirs(out, exist_ok=True)
    template = DocxTemplate(word_template())
    template.render(context)
    template.save(os.path.join(out, "bao-cao.docx"))
    with open(os.path.join(out, "bao-cao.html"), "w", encoding="utf-8") as f:
        f.write(HTML.render(context))
    print(f"national-peer: {len(files)} workbooks, {len(provinces)} provinces -> {out}")


if __name__ == "__main__":
    main()
