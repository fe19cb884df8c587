#!/usr/bin/env python3
"""The national benchmark's input: the whole country as the Ministry would receive it.

    python3 scripts/make-national-input.py OUTDIR [--seed N] [--units CSV]

From the 2023 national list of units (units-2023-04-10.csv: 63 provinces, 700 districts with
communes, 10,598 communes; from units/, else /work/shared/domain/units/, else --units) it writes:

    OUTDIR/Input/2024-<district code>-<name>.xlsx   one workbook of the default form per district
                                                    (docs/default-form.md): sheet "Cấp xã" with
                                                    the district's communes, sheet "Cấp huyện"
                                                    with the district itself
    OUTDIR/pipeline.yml                             the project's pipeline.yml with year 2024,
                                                    agency.unitCode VN and paths.units at the list
    OUTDIR/units/, OUTDIR/Templates/                copies of the repo's, so OUTDIR stands alone

so that `xhht run` in OUTDIR makes the national report. About 7 MB of workbooks.

Values are plausible and seeded: the same --seed gives the same bytes (xlsxwriter's document
dates are fixed). Each workbook is laid out like the sample's (Input/): three title rows, a
two-row merged header, a "Tổng cộng" row of SUM formulas with their values, and levels written
as words ("Tốt", "Mức độ 2") or numbers. Shared strings, not xlsxwriter's constant_memory mode
(which writes inline strings): a district's workbook is small, and Excel writes shared strings.
"""
import argparse
import csv
import datetime
import os
import random
import re
import shutil
import sys
import unicodedata
from collections import OrderedDict

import xlsxwriter

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
YEAR = 2024
UNITS_NAME = "units-2023-04-10.csv"

COMMUNE_TOP = ["STT", "Mã đơn vị", "Tên đơn vị", "Cộng đồng học tập cấp xã", "Gia đình học tập", None,
               "Dòng họ học tập", None, "Cộng đồng học tập cấp thôn", None, "Đơn vị học tập", None,
               "Công dân học tập", None, "Trung tâm học tập cộng đồng", None,
               "Người trong độ tuổi lao động", None, None]
COMMUNE_SUB = [None, None, None, "Mức độ công nhận", "Tổng số hộ", "Số hộ đạt", "Tổng số dòng họ",
               "Số dòng họ đạt", "Tổng số thôn, ấp, tổ dân phố", "Số được công nhận", "Tổng số đơn vị",
               "Số được công nhận", "Số người được đánh giá", "Số đạt", "Có trung tâm", "Ứng dụng CNTT",
               "Tổng số", "Có năng lực CNTT", "Có kỹ năng sống"]
COMMUNE_MERGES = {0: (0, 0), 1: (1, 1), 2: (2, 2), 3: (3, 3), 4: (4, 5), 6: (6, 7), 8: (8, 9), 10: (10, 11),
                  12: (12, 13), 14: (14, 15), 16: (16, 18)}
DISTRICT_TOP = ["STT", "Mã đơn vị", "Tên đơn vị", "Phổ cập giáo dục mầm non", "Phổ cập giáo dục tiểu học",
                "Phổ cập giáo dục THCS", "Xóa mù chữ", "Đơn vị học tập cấp huyện", None]
DISTRICT_SUB = [None] * 7 + ["Tổng số đơn vị", "Số được công nhận"]
DISTRICT_MERGES = {c: (c, c) for c in range(7)} | {7: (7, 8)}
SUMMED = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18]   # the count columns of "Cấp xã"


def slug(text):
    """"Quận Ba Đình" -> "quan-ba-dinh": a file name any system takes."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    ascii_text = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def column(c):
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name


def share(rng, total, low, high):
    """A count out of `total` at a rate drawn between low and high."""
    return min(total, round(total * rng.uniform(low, high)))


def commune_row(rng, province_bias):
    """One commune's 16 values, in the columns of COMMUNE_SUB (D..S)."""
    level = rng.choices([0, 1, 2], weights=[12, 38 + province_bias, 50 - province_bias])[0]
    level_cell = rng.choice([("Khá", "Tốt")[level - 1], f"Mức độ {level}", level]) if level else 0
    households = rng.randint(600, 9000)
    clans = rng.randint(4, 60)
    hamlets = rng.randint(3, 25)
    units = rng.randint(5, 40)
    citizens = rng.randint(800, 14000)
    has_centre = rng.random() < 0.93
    workers = rng.randint(1500, 22000)
    return [level_cell,
            households, share(rng, households, 0.62, 0.95),
            clans, share(rng, clans, 0.5, 0.9),
            hamlets, share(rng, hamlets, 0.55, 1.0),
            units, share(rng, units, 0.4, 0.85),
            citizens, share(rng, citizens, 0.25, 0.6),
            "Có" if has_centre else "Không",
            ("Có" if rng.random() < 0.88 else "Không") if has_centre else "Không",
            workers, share(rng, workers, 0.75, 0.97), share(rng, workers, 0.78, 0.97)]


def district_row(rng):
    """The district's own row: universal education, literacy, learning units (D..I)."""
    primary = rng.choices([2, 3], weights=[15, 85])[0]
    lower_secondary = rng.choices([1, 2, 3], weights=[8, 40, 52])[0]
    literacy = 2 if rng.random() < 0.95 else 1
    units = rng.randint(40, 160)
    return ["Đạt" if rng.random() < 0.96 else "Chưa đạt", f"Mức độ {primary}", f"Mức độ {lower_secondary}",
            literacy if rng.random() < 0.5 else f"Mức độ {literacy}",
            units, share(rng, units, 0.45, 0.8)]


def header(ws, fmt, top, sub, merges, width, district, sheet_title):
    last = column(width - 1)
    ws.merge_range(f"A1:{last}1", f"BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM {YEAR}", fmt["title"])
    ws.merge_range(f"A2:{last}2", sheet_title, fmt["title"])
    ws.merge_range(f"A3:{last}3", f"Đơn vị: Phòng GDĐT {district}", fmt["plain"])
    for c, (first, end) in merges.items():
        if sub[c] is None and first == end:
            ws.merge_range(3, c, 4, c, top[c], fmt["head"])
        elif first == end:
            ws.write_string(3, c, top[c], fmt["head"])
        else:
            ws.merge_range(3, first, 3, end, top[c], fmt["head"])
    for c, text in enumerate(sub):
        if text is not None:
            ws.write_string(4, c, text, fmt["head"])


def write_workbook(path, district, communes, rng, province_bias):
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
    # Fixed document dates: same seed, same bytes.
    wb.set_properties({"created": datetime.datetime(YEAR, 11, 25, 8, 0, 0), "author": "xhht benchmark"})
    fmt = {"title": wb.add_format({"bold": True, "align": "center"}),
           "plain": wb.add_format({}),
           "head": wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1}),
           "cell": wb.add_format({"border": 1}),
           "total": wb.add_format({"bold": True, "border": 1})}

    ws = wb.add_worksheet("Cấp xã")
    header(ws, fmt, COMMUNE_TOP, COMMUNE_SUB, COMMUNE_MERGES, 19, district["name"], "Biểu 1: Cấp xã")
    first = 5
    sums = [0] * 19
    for i, commune in enumerate(communes):
        r = first + i
        values = commune_row(rng, province_bias)
        ws.write_number(r, 0, i + 1, fmt["cell"])
        ws.write_string(r, 1, commune["code"], fmt["cell"])
        ws.write_string(r, 2, commune["name"], fmt["cell"])
        for c, v in enumerate(values, start=3):
            if isinstance(v, str):
                ws.write_string(r, c, v, fmt["cell"])
            else:
                ws.write_number(r, c, v, fmt["cell"])
                sums[c] += v
    total = first + len(communes)
    ws.write_string(total, 2, "Tổng cộng", fmt["total"])
    for c in SUMMED:
        ws.write_formula(total, c, f"=SUM({column(c)}{first + 1}:{column(c)}{total})", fmt["total"], sums[c])
    ws.write_string(total + 2, 13, f"{district['place']}, ngày 25 tháng 11 năm {YEAR}")
    ws.write_string(total + 3, 2, "NGƯỜI LẬP BIỂU")
    ws.write_string(total + 3, 13, "TRƯỞNG PHÒNG")

    ws = wb.add_worksheet("Cấp huyện")
    header(ws, fmt, DISTRICT_TOP, DISTRICT_SUB, DISTRICT_MERGES, 9, district["name"], "Biểu 2: Cấp huyện")
    ws.write_number(5, 0, 1, fmt["cell"])
    ws.write_string(5, 1, district["code"], fmt["cell"])
    ws.write_string(5, 2, district["name"], fmt["cell"])
    for c, v in enumerate(district_row(rng), start=3):
        if isinstance(v, str):
            ws.write_string(5, c, v, fmt["cell"])
        else:
            ws.write_number(5, c, v, fmt["cell"])
    wb.close()


def national_pipeline(units_name):
    """The project's pipeline.yml, changed only where the country differs from Cần Thơ."""
    text = open(os.path.join(REPO, "pipeline.yml"), encoding="utf-8").read()
    edits = [(r"(?m)^year: \d+$", f"year: {YEAR}"),
             (r'(?m)^(  unitCode: )"92"', r"\1VN"),
             (r"(?m)^(  parent: )UBND THÀNH PHỐ CẦN THƠ", r"\1CHÍNH PHỦ"),
             (r"(?m)^(  name: )SỞ GIÁO DỤC VÀ ĐÀO TẠO", r"\1BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
             (r"(?m)^(  abbreviation: )SGDĐT", r"\1BGDĐT"),
             (r"(?m)^(  place: )Cần Thơ", r"\1Hà Nội"),
             (r"(?m)^(  units: )units/can-tho-2024-02-01\.csv", rf"\1units/{units_name}")]
    for pattern, replacement in edits:
        text, count = re.subn(pattern, replacement, text)
        if count != 1:
            sys.exit(f"make-national-input: pipeline.yml no longer has one line matching {pattern!r}")
    return ("# Đầu vào chuẩn toàn quốc của benchmark (scripts/make-national-input.py): không phải số liệu thật.\n"
            + text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--units", default=None, help=f"the national list {UNITS_NAME}")
    args = parser.parse_args()

    # The repo does not ship the national list: it was collected by a GPL-3.0 repository
    # (/work/shared/domain/README.md), and the product carries only the names it needs.
    candidates = [args.units] if args.units else [
        os.path.join(REPO, "units", UNITS_NAME), f"/work/shared/domain/units/{UNITS_NAME}",
        os.path.join(REPO, "..", "shared", "domain", "units", UNITS_NAME)]
    units_path = next((p for p in candidates if os.path.exists(p)), None)
    if units_path is None:
        sys.exit(f"make-national-input: {UNITS_NAME} not found (looked in {', '.join(candidates)}); pass --units")
    districts = OrderedDict()
    with open(units_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = row["district_code"]
            if key not in districts:
                districts[key] = {"code": key, "name": row["district_name"], "province": row["province_code"],
                                  "place": re.sub(r"^(Thành phố|Tỉnh) ", "", row["province_name"]), "communes": []}
            districts[key]["communes"].append({"code": row["commune_code"], "name": row["commune_name"]})

    out = os.path.abspath(args.outdir)
    inputs = os.path.join(out, "Input")
    os.makedirs(inputs, exist_ok=True)
    for old in os.listdir(inputs):
        if old.endswith(".xlsx"):
            os.remove(os.path.join(inputs, old))
    os.makedirs(os.path.join(out, "units"), exist_ok=True)
    for name in os.listdir(os.path.join(REPO, "units")):
        shutil.copyfile(os.path.join(REPO, "units", name), os.path.join(out, "units", name))
    shutil.copyfile(units_path, os.path.join(out, "units", UNITS_NAME))
    shutil.rmtree(os.path.join(out, "Templates"), ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(out, "Templates"))
    with open(os.path.join(out, "pipeline.yml"), "w", encoding="utf-8") as f:
        f.write(national_pipeline(UNITS_NAME))

    # One generator per province, then one per district drawn from it: a province's workbooks
    # keep their values when another province is added or removed.
    rng_of_province = {}
    size = communes = 0
    for d in districts.values():
        if d["province"] not in rng_of_province:
            rng_of_province[d["province"]] = random.Random(f"{args.seed}-{d['province']}")
        province_rng = rng_of_province[d["province"]]
        bias = int(d["province"]) % 20 - 10
        rng = random.Random(f"{args.seed}-{d['code']}-{province_rng.random()}")
        path = os.path.join(inputs, f"{YEAR}-{d['code']}-{slug(d['name'])}.xlsx")
        write_workbook(path, d, d["communes"], rng, bias)
        size += os.path.getsize(path)
        communes += len(d["communes"])
    print(f"{out}: {len(districts)} workbooks, {communes} communes, {size / 1e6:.1f} MB, "
          f"{len(rng_of_province)} provinces, seed {args.seed}")


if __name__ == "__main__":
    main()
