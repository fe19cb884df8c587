#!/usr/bin/env python3
"""Write a large benchmark workbook the way Excel lays it out, fast and deterministically.

    python3 scripts/make-big-workbook.py OUT.xlsx [--rows 100000] [--pool 0]

ROWS rows x 10 columns (row 1 is a header, so 100,000 rows = exactly 1,000,000 cells),
mixed numbers and short shared strings, shaped like the default form's "Cấp xã" sheet:

    A STT (integer)            F Số hộ đạt (integer)
    B Mã huyện (shared str)   G Tỉ lệ (decimal)
    C Tên đơn vị (shared str)  H Có trung tâm: "Có"/"Không" (shared str)
    D Mức độ 0..2 (integer)    I Ngày báo cáo (date: serial number, style numFmtId 14)
    E Tổng số hộ (integer)     J Kết quả: "Đạt"/"Chưa đạt" (shared str)

With --pool 0 (the default) column C is unique per row (B has at most 1,000 district codes),
so the shared-string table grows with the rows (~ROWS strings, like a real roll-up of many
units; 100,000 rows give ~101k strings, as in TOOLCHAIN.md's prototype). With --pool N
column C cycles through N values, so the shared-string table has a fixed size and only the
sheet grows: that is the variant that shows whether the reader's memory grows with rows.

Written with zipfile (deflate level 6) rather than a spreadsheet library: xlsxwriter's
constant_memory mode writes inline strings, not shared strings, and its normal mode holds
the whole sheet in memory. The output opens in openpyxl, python-calamine and LibreOffice.
The same arguments always give the same bytes (fixed zip timestamps, a seeded generator).
"""
import argparse
import io
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

COLS = "ABCDEFGHIJ"
HEADER = ["STT", "Mã huyện", "Tên đơn vị", "Mức độ công nhận", "Tổng số hộ",
          "Số hộ đạt", "Tỉ lệ", "Có trung tâm", "Ngày báo cáo", "Kết quả"]
PREFIX = ["Xã", "Phường", "Thị trấn"]
NAMES = ["Thới Lai", "Ninh Kiều", "Cái Răng", "Phong Điền", "Cờ Đỏ", "Vĩnh Thạnh",
         "Thốt Nốt", "Ô Môn", "Bình Thủy", "Trường Long", "Nhơn Ái", "Giai Xuân"]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="Cấp xã" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def build(rows, pool, seed=1373):
    rng = random.Random(seed)
    strings, index = [], {}

    def sst(s):
        i = index.get(s)
        if i is None:
            i = index[s] = len(strings)
            strings.append(s)
        return i

    out = io.StringIO()
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<dimension ref="A1:J%d"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
      '<sheetFormatPr defaultRowHeight="15"/><sheetData>' % rows)
    w('<row r="1" spans="1:10">')
    for c, h in zip(COLS, HEADER):
        w('<c r="%s1" t="s"><v>%d</v></c>' % (c, sst(h)))
    w('</row>')
    co, khong, dat, chua = sst("Có"), sst("Không"), sst("Đạt"), sst("Chưa đạt")
    for r in range(2, rows + 1):
        k = (r - 2) % pool if pool else r - 2
        code = sst("%03d" % (k // 100 % 1000))
        name = sst("%s %s %d" % (PREFIX[k % 3], NAMES[k % len(NAMES)], k))
        total = rng.randint(200, 9000)
        passed = rng.randint(0, total)
        level = rng.randint(0, 2)
        date = 45000 + rng.randint(0, 700)
        w('<row r="%d" spans="1:10">'
          '<c r="A%d"><v>%d</v></c>'
          '<c r="B%d" t="s"><v>%d</v></c>'
          '<c r="C%d" t="s"><v>%d</v></c>'
          '<c r="D%d"><v>%d</v></c>'
          '<c r="E%d"><v>%d</v></c>'
          '<c r="F%d"><v>%d</v></c>'
          '<c r="G%d" s="2"><v>%s</v></c>'
          '<c r="H%d" t="s"><v>%d</v></c>'
          '<c r="I%d" s="1"><v>%d</v></c>'
          '<c r="J%d" t="s"><v>%d</v></c>'
          '</row>' % (r, r, r - 1, r, code, r, name, r, level, r, total, r, passed,
                      r, repr(passed / total), r, co if level else khong, r, date,
                      r, dat if passed * 2 >= total else chua))
    w('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
      'header="0.3" footer="0.3"/></worksheet>')
    sheet = out.getvalue()

    s = io.StringIO()
    s.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="%d" uniqueCount="%d">' % (rows * 4, len(strings)))
    for t in strings:
        s.write('<si><t>%s</t></si>' % escape(t))
    s.write('</sst>')
    return sheet, s.getvalue(), len(strings)


def write(path, rows, pool):
    sheet, sst, nstrings = build(rows, pool)
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES), ("xl/sharedStrings.xml", sst),
                           ("xl/worksheets/sheet1.xml", sheet)]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"), compresslevel=6)
    os.replace(tmp, path)
    return len(sheet.encode("utf-8")), nstrings


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--pool", type=int, default=0,
                    help="cycle column C through this many values (0: unique per row)")
    a = ap.parse_args()
    if a.rows < 1:
        sys.exit("--rows must be >= 1")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    size, nstrings = write(a.out, a.rows, a.pool)
    print("%s: %d rows x 10 columns = %d cells, sheet XML %.1f MB, %d shared strings, %.1f MB zipped"
          % (a.out, a.rows, a.rows * 10, size / 1e6, nstrings, os.path.getsize(a.out) / 1e6))


if __name__ == "__main__":
    main()
