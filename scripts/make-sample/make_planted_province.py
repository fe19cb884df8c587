#!/usr/bin/env python3
"""Writes a province "made like the sample" with every problem of issue 14 planted in it.

    python3 scripts/make-sample/make_planted_province.py --out /tmp/p92/Input
    python3 scripts/make-sample/make_planted_province.py --province 89 \\
        --units ../shared/domain/units/units-2023-04-10.csv --out /tmp/p89/Input

The district workbooks come from make_sample.py (openpyxl for every district, so that only
Python packages are needed: no LibreOffice), with its planted problems and the blank answers
of `--season-problems`. Then, on top, what a real season brings to the inbox:

- a district that sent nothing (the first district's workbook is not there: instead it sent an
  encrypted workbook, which cannot be read without its password);
- a late file (the fourth district's workbook is dated two days after the deadline);
- a zip bomb inside a real workbook (the seventh district's "Cấp huyện" sheet inflates to
  hundreds of megabytes of nothing; its "Cấp xã" sheet is intact);
- a billion-laughs sheet (the eighth district's "Cấp huyện" sheet expands entities);
- a CSV renamed .xlsx (the fifth district sent a second file that is a CSV export).

Everything planted is listed in OUT/planted.json: for each problem the file and, when it has
one, the sheet and cell, else the unit, with the rule that should fire (a suggestion: the test
checks the place, not the wording). The province needs at least nine districts.
The same arguments give the same bytes (the zip bomb aside, whose bytes are deterministic too).
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import shutil
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import make_sample  # noqa: E402

ENCRYPTED_FIXTURE = REPO / "Tests" / "XLSXTests" / "Fixtures" / "calamine" / "pass_protected.xlsx"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_part(path: Path, sheet_name: str) -> str:
    """The zip entry of the worksheet named `sheet_name`, found through workbook.xml and its rels."""
    with zipfile.ZipFile(path) as z:
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(NS_PKG_REL + "Relationship")}
    for sheet in workbook.iter(NS_MAIN + "sheet"):
        if sheet.get("name") == sheet_name:
            target = targets[sheet.get(NS_REL + "id")]
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    raise SystemExit(f"make_planted_province: {path.name} has no sheet {sheet_name!r}")


def replace_part(path: Path, part: str, write):
    """Rewrites the workbook with `part` produced by `write(stream)`; the other entries as they were."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == part:
                ni = zipfile.ZipInfo(part, date_time=make_sample.FIXED_DATE)
                ni.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(ni, "w", force_zip64=True) as out:
                    write(out)
            else:
                dst.writestr(info, src.read(info.filename))
    tmp.replace(path)


def write_bomb(out):
    """A worksheet that inflates to 400 MiB: a valid start, then blanks (about 1000:1 deflated)."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
              b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
    chunk = b" " * (1 << 20)
    for _ in range(400):
        out.write(chunk)
    out.write(b"</t></is></c></row></sheetData></worksheet>")


def write_laughs(out):
    """The billion-laughs document as a worksheet: ten levels of ten entity references."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE worksheet [', '<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lines.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    lines.append("]>")
    lines.append('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                 '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    out.write("\n".join(lines).encode())


def set_time(path: Path, when: dt.datetime):
    stamp = calendar.timegm(when.timetuple())
    os.utime(path, (stamp, stamp))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--province", default="92")
    ap.add_argument("--units", help="unit list CSV (make_sample.py's default when absent)")
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--deadline", default="2024-11-30", help="the deadline of pipeline.yml: the late file comes two days after")
    ap.add_argument("--out", required=True, help="the input folder to fill (created; must be empty)")
    args = ap.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        sys.exit(f"make_planted_province: {out} is not empty")
    planted_path = out.parent / "planted.json"
    sample_args = ["--province", args.province, "--year", str(args.year), "--seed", str(args.seed), "--out", str(out),
                   "--planted", str(planted_path), "--producer", "openpyxl", "--season-problems"]
    if args.units:
        sample_args += ["--units", args.units]
    make_sample.main(sample_args)
    doc = json.loads(planted_path.read_text(encoding="utf-8"))
    files = sorted(doc["files"])
    if len(files) < 9:
        sys.exit(f"make_planted_province: province {args.province} has {len(files)} districts; nine are needed")
    planted = doc["planted"]

    def code_of(name: str) -> str:
        return name.split("-")[2]

    def plant(**p):
        entry = dict(file=None, sheet=None, cell=None, unit=None, field=None, severity="error", value=None)
        entry.update(p)
        planted.append(entry)

    # The first district: its workbook is withheld, an encrypted one arrives instead.
    first = files[0]
    (out / first).unlink()
    planted[:] = [p for p in planted if p["file"] != first]
    encrypted = first.replace(".xlsx", "-mat-khau.xlsx")
    shutil.copyfile(ENCRYPTED_FIXTURE, out / encrypted)
    set_time(out / encrypted, dt.datetime(*make_sample.FIXED_DATE))
    plant(file=encrypted, rule="workbook-unreadable", description="Tệp được đặt mật khẩu (mã hóa): không đọc được")
    plant(file="", unit=code_of(first), rule="district-not-received", severity="warning",
          description="Đơn vị không gửi được tệp đọc được: chưa gửi báo cáo")

    # The fourth district's file arrives two days late.
    late = files[3]
    deadline = dt.datetime.strptime(args.deadline, "%Y-%m-%d")
    set_time(out / late, deadline + dt.timedelta(days=2, hours=3))
    plant(file=late, rule="late-submission", severity="warning", description="Tệp nhận sau hạn nộp")

    # A zip bomb and a billion-laughs document in place of two districts' "Cấp huyện" sheets.
    for name, write, what in ((files[6], write_bomb, "Bom nén (zip bomb) trong trang Cấp huyện"),
                              (files[7], write_laughs, "Khai báo thực thể lồng nhau (billion laughs) trong trang Cấp huyện")):
        planted[:] = [p for p in planted if not (p["file"] == name and p["sheet"] == "Cấp huyện")]
        replace_part(out / name, sheet_part(out / name, "Cấp huyện"), write)
        set_time(out / name, dt.datetime(*make_sample.FIXED_DATE))
        plant(file=name, sheet="Cấp huyện", rule="workbook-unreadable", description=what)

    # The fifth district also sent its table exported as CSV and renamed .xlsx.
    csv_name = files[4].replace(".xlsx", "-ban-csv.xlsx")
    (out / csv_name).write_text("STT,Mã đơn vị,Tên đơn vị,Tổng số hộ\n1,00000,Xã mẫu,1234\n", encoding="utf-8")
    set_time(out / csv_name, dt.datetime(*make_sample.FIXED_DATE))
    plant(file=csv_name, rule="workbook-unreadable", description="Tệp CSV đổi đuôi thành .xlsx")

    planted.sort(key=lambda p: (p["file"] or "", p["sheet"] or "", p["cell"] or "", p["unit"] or ""))
    doc["files"] = {f: "openpyxl" for f in sorted(os.listdir(out)) if f.endswith(".xlsx")}
    doc["deadline"] = args.deadline
    doc["about"] = (f"{make_sample.SAMPLE_MARK}. Planted problems of a province made by "
                    "scripts/make-sample/make_planted_province.py (issue 14).")
    planted_path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"make_planted_province: {len(doc['files'])} files in {out}, {len(planted)} planted problems in {planted_path}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
