#!/usr/bin/env python3
"""Add junk rows under the valid header of a real workbook, to measure what one file full of
findings costs (issue 14: "One file can take the machine").

    python3 scripts/make-junk-rows.py Input/mau-2024-916-ninh-kieu.xlsx OUT.xlsx [--rows 200000] [--sheet "Cấp xã"]

Every junk row has a code and a name that match no unit ("Rác 17") and a count, so each row
is one `unit-unknown` error: ROWS rows give ROWS findings in one file and one rule. The rows
are written as inline strings straight into the sheet's XML (after its last row) with
zipfile; every other part is copied byte for byte. The same arguments give the same bytes
(fixed zip timestamps). openpyxl reads the result, and so does LibreOffice.
"""
import argparse
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def sheet_part(z, name):
    """The part name of the sheet called `name` (workbook.xml, then its relationships)."""
    workbook = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    for sheet in workbook.findall("m:sheets/m:sheet", NS):
        if sheet.get("name") == name:
            target = targets[sheet.get("{%s}id" % NS["r"])]
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    sys.exit(f"no sheet named {name!r}")


def junk(first_row, count):
    out = []
    for i in range(count):
        r = first_row + i
        out.append(f'<row r="{r}"><c r="A{r}"><v>{i + 1}</v></c>'
                   f'<c r="B{r}" t="inlineStr"><is><t>9{i:07d}</t></is></c>'
                   f'<c r="C{r}" t="inlineStr"><is><t>Rác {i + 1}</t></is></c>'
                   f'<c r="E{r}"><v>{i % 1000}</v></c></row>')
    return "".join(out).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--sheet", default="Cấp xã")
    args = parser.parse_args()
    with zipfile.ZipFile(args.source) as z:
        part = sheet_part(z, args.sheet)
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info)
                if info.filename == part:
                    rows = [int(n) for n in re.findall(rb'<row[^>]* r="(\d+)"', data)]
                    first = max(rows, default=0) + 2  # one blank row, then the junk
                    end = data.rindex(b"</sheetData>")
                    data = data[:end] + junk(first, args.rows) + data[end:]
                    # The dimension, if any, would now lie: drop it (it is optional).
                    data = re.sub(rb"<dimension [^>]*/>", b"", data, count=1)
                fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 11, 25, 8, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(fixed, data)


if __name__ == "__main__":
    main()
