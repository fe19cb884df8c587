#!/usr/bin/env python3
"""Writes the clearly marked SAMPLE district workbooks of one province (default: Cần Thơ 2024).

    python3 scripts/make-sample/make_sample.py                      # Cần Thơ 2024 -> Input/
    python3 scripts/make-sample/make_sample.py --province 56 --out /tmp/khanh-hoa

One workbook per district, sheets "Cấp xã" (one row per commune) and "Cấp huyện" (the
district), in the default form of docs/default-form.md, with the messiness of DESIGN.md
("Input contract") and a few planted problems listed in planted.json. Values are invented
(seeded: the same arguments give the same values and the same bytes); names and codes are the
official ones of the unit list. Three producers: LibreOffice (a flat ODS converted with
soffice), openpyxl and xlsxwriter. See docs/sample.md.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
UNITS_DIR = REPO.parent / "shared" / "domain" / "units"
SAMPLE_MARK = "DỮ LIỆU MẪU - không phải số liệu thật"
FIXED_DATE = (2024, 11, 25, 8, 0, 0)  # zip entry times and document dates of every workbook
FIXED_ISO = "2024-11-25T08:00:00Z"

# ---------------------------------------------------------------------------------------------
# The default form (docs/default-form.md)

COMMUNE_FIELDS = [  # (id, type, parent header, child header)
    ("cdht_xa_muc", "level", "Cộng đồng học tập cấp xã", "Mức độ công nhận"),
    ("gia_dinh_tong", "count", "Gia đình học tập", "Tổng số hộ"),
    ("gia_dinh_dat", "count", "Gia đình học tập", "Số hộ đạt"),
    ("dong_ho_tong", "count", "Dòng họ học tập", "Tổng số dòng họ"),
    ("dong_ho_dat", "count", "Dòng họ học tập", "Số dòng họ đạt"),
    ("cdht_thon_tong", "count", "Cộng đồng học tập cấp thôn", "Tổng số thôn, ấp, tổ dân phố"),
    ("cdht_thon_dat", "count", "Cộng đồng học tập cấp thôn", "Số được công nhận"),
    ("dvht_xa_tong", "count", "Đơn vị học tập", "Tổng số đơn vị"),
    ("dvht_xa_dat", "count", "Đơn vị học tập", "Số được công nhận"),
    ("cong_dan_tong", "count", "Công dân học tập", "Số người được đánh giá"),
    ("cong_dan_dat", "count", "Công dân học tập", "Số đạt"),
    ("tthtcd_co", "yesno", "Trung tâm học tập cộng đồng", "Có trung tâm"),
    ("tthtcd_cntt", "yesno", "Trung tâm học tập cộng đồng", "Ứng dụng CNTT"),
    ("ld_tong", "count", "Người trong độ tuổi lao động", "Tổng số"),
    ("ld_cntt", "count", "Người trong độ tuổi lao động", "Có năng lực CNTT"),
    ("ld_ky_nang", "count", "Người trong độ tuổi lao động", "Có kỹ năng sống"),
]
DISTRICT_FIELDS = [
    ("pc_mam_non", "yesno", None, "Phổ cập giáo dục mầm non"),
    ("pc_tieu_hoc", "level", None, "Phổ cập giáo dục tiểu học"),
    ("pc_thcs", "level", None, "Phổ cập giáo dục THCS"),
    ("xmc", "level", None, "Xóa mù chữ"),
    ("dvht_huyen_tong", "count", "Đơn vị học tập cấp huyện", "Tổng số đơn vị"),
    ("dvht_huyen_dat", "count", "Đơn vị học tập cấp huyện", "Số được công nhận"),
]
COUNT_FIELDS = {f for f, t, _, _ in COMMUNE_FIELDS + DISTRICT_FIELDS if t == "count"}
RATIOS = {  # indicator -> (numerator field, denominator field, target %)
    "cdht_thon": ("cdht_thon_dat", "cdht_thon_tong", 80),
    "gia_dinh": ("gia_dinh_dat", "gia_dinh_tong", 75),
    "dong_ho": ("dong_ho_dat", "dong_ho_tong", 70),
    "dvht_xa": ("dvht_xa_dat", "dvht_xa_tong", 55.55),
    "cong_dan": ("cong_dan_dat", "cong_dan_tong", 40),
    "ld_cntt": ("ld_cntt", "ld_tong", 90),
    "ld_ky_nang": ("ld_ky_nang", "ld_tong", 90),
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """The folding of docs/DESIGN.md: no diacritics, đ -> d, lower case, one space."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append("d" if ch in "đĐ" else ch.lower())
    return " ".join("".join(out).split())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


# ---------------------------------------------------------------------------------------------
# Units

@dataclass
class Commune:
    code: str
    name: str
    kind: str  # Phường, Xã, Thị trấn
    values: dict = field(default_factory=dict)


@dataclass
class District:
    code: str
    name: str
    kind: str  # Quận, Huyện, Thành phố, Thị xã
    communes: list
    values: dict = field(default_factory=dict)
    style: dict = field(default_factory=dict)


def load_units(path: Path, province: str):
    districts: dict[str, District] = {}
    province_name = None
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["province_code"] != province:
                continue
            province_name = row["province_name"]
            d = districts.get(row["district_code"])
            if d is None:
                d = districts[row["district_code"]] = District(
                    row["district_code"], row["district_name"], row["district_type"], [])
            d.communes.append(Commune(row["commune_code"], row["commune_name"], row["commune_type"]))
    if not districts:
        sys.exit(f"make_sample: no units of province {province} in {path}")
    return province_name, [districts[k] for k in sorted(districts)]


def short_name(full: str) -> str:
    """'Phường Cái Khế' -> 'Cái Khế' (the name without its type word)."""
    for p in ("Thành phố ", "Thị trấn ", "Thị xã ", "Phường ", "Quận ", "Huyện ", "Xã ", "Tỉnh "):
        if full.startswith(p):
            return full[len(p):]
    return full


ABBREV = {"Phường": "P.", "Xã": "X.", "Thị trấn": "TT.", "Quận": "Q.", "Huyện": "H.",
          "Thị xã": "TX.", "Thành phố": "TP."}


def abbreviated(name: str, kind: str) -> str:
    return f"{ABBREV.get(kind, '')} {short_name(name)}".strip()


# ---------------------------------------------------------------------------------------------
# Values (seeded)

def clamp(x, lo, hi):
    return max(lo, min(hi, x))


# A province slightly below target on these, so that the report has a miss to explain.
BIAS = {"ld_ky_nang": -0.6, "dong_ho": -2.0}


def make_values(districts, seed: int):
    rng = random.Random(seed)
    n = len(districts)
    # District-level standing per indicator: an offset from the target in percentage points,
    # so that some districts meet a target and some miss it.
    offsets = {}
    for ind in RATIOS:
        base = [-6, -4, -2, -1, 1, 2, 3, 5, 7]
        rng.shuffle(base)
        offsets[ind] = [base[i % len(base)] + BIAS.get(ind, 0) + rng.uniform(-0.8, 0.8) for i in range(n)]
    for di, d in enumerate(districts):
        r = random.Random(seed * 1000 + int(d.code))
        urban = d.kind in ("Quận", "Thành phố", "Thị xã")
        cdht_miss = 0 if di == 0 else r.choice([0, 1, 1, 2, 3])
        missers = set(r.sample(range(len(d.communes)), min(cdht_miss, len(d.communes))))
        for ci, c in enumerate(d.communes):
            v = c.values
            ward = c.kind == "Phường"
            hh = r.randint(3200, 8800) if ward else r.randint(2100, 5600)
            def rate(ind, spread=3.0):
                t = RATIOS[ind][2]
                return clamp(t + offsets[ind][di] + r.gauss(0, spread), 5, 99.5) / 100
            v["cdht_xa_muc"] = 0 if ci in missers else (2 if r.random() < 0.45 else 1)
            if di == 0:  # the first district writes levels as words: every commune recognised
                v["cdht_xa_muc"] = 2 if r.random() < 0.5 else 1
            v["gia_dinh_tong"] = hh
            v["gia_dinh_dat"] = round(hh * rate("gia_dinh"))
            clans = r.randint(6, 35) if ward else r.randint(25, 140)
            v["dong_ho_tong"] = clans
            v["dong_ho_dat"] = round(clans * rate("dong_ho", 6))
            hamlets = r.randint(5, 14) if ward else r.randint(6, 16)
            v["cdht_thon_tong"] = hamlets
            v["cdht_thon_dat"] = clamp(round(hamlets * rate("cdht_thon", 8)), 0, hamlets)
            units = r.randint(10, 28) if ward else r.randint(6, 18)
            v["dvht_xa_tong"] = units
            v["dvht_xa_dat"] = clamp(round(units * rate("dvht_xa", 10)), 0, units)
            people = round(hh * r.uniform(1.0, 1.6))
            v["cong_dan_tong"] = people
            v["cong_dan_dat"] = round(people * rate("cong_dan", 4))
            has_centre = not (ward and r.random() < 0.12)
            v["tthtcd_co"] = has_centre
            v["tthtcd_cntt"] = has_centre and r.random() < 0.9
            ld = round(hh * r.uniform(2.2, 2.7))
            v["ld_tong"] = ld
            v["ld_cntt"] = round(ld * rate("ld_cntt", 2.5))
            v["ld_ky_nang"] = round(ld * rate("ld_ky_nang", 2.5))
        units = r.randint(45, 115) if urban else r.randint(35, 80)
        d.values = {
            "pc_mam_non": True,
            "pc_tieu_hoc": 3,
            "pc_thcs": 3,
            "xmc": 2,
            "dvht_huyen_tong": units,
            "dvht_huyen_dat": round(units * clamp(0.5555 + offsets["dvht_xa"][di] / 100 + r.gauss(0, 0.03), 0.2, 0.95)),
        }
    # Lower secondary: exactly the smallest k with k/n >= 66% at level 3 (6 of 9: the
    # 66%-is-6/9-truncated edge case), the others at level 2; primary: one district at level 2.
    k = math.ceil(Fraction(66, 100) * n)
    at2 = sorted(range(n), key=lambda i: random.Random(seed + 7 + i).random())[: n - k]
    for i in at2:
        districts[i].values["pc_thcs"] = 2
    if n >= 6:
        districts[5].values["pc_tieu_hoc"] = 2


def exact_ratio(districts, di, num, den, target: Fraction, skip=()):
    """Adjust district di's communes so that its sum num/den equals target exactly."""
    d = districts[di]
    cs = [c for c in d.communes if c.code not in skip]
    q = target.denominator
    total = sum(c.values[den] for c in cs)
    cs[0].values[den] += (-total) % q
    total = sum(c.values[den] for c in cs)
    want = total * target.numerator // q
    delta = want - sum(c.values[num] for c in cs)
    # spread the change over the communes, in proportion to their size
    total_den = sum(c.values[den] for c in cs)
    for c in cs:
        step = delta * c.values[den] // total_den if delta > 0 else -((-delta) * c.values[den] // total_den)
        c.values[num] = clamp(c.values[num] + step, 0, c.values[den])
    delta = want - sum(c.values[num] for c in cs)
    i = 0
    while delta != 0:
        c = cs[i % len(cs)]
        if delta > 0 and c.values[num] < c.values[den]:
            c.values[num] += 1; delta -= 1
        elif delta < 0 and c.values[num] > 0:
            c.values[num] -= 1; delta += 1
        i += 1
        assert i < 10_000_000, (d.code, num)


# ---------------------------------------------------------------------------------------------
# Cell values and sheets

@dataclass
class Formula:
    text: str      # Excel syntax, e.g. "SUM(D7:D17)"
    cached: object  # the value a spreadsheet application would store


@dataclass
class Sheet:
    name: str
    cells: dict = field(default_factory=dict)   # (row, col) 1-based -> value
    merges: list = field(default_factory=list)  # (r1, c1, r2, c2)
    header_rows: tuple = ()
    widths: dict = field(default_factory=dict)
    bold: set = field(default_factory=set)
    table_end: int = 0
    table_width: int = 0
    titles: set = field(default_factory=set)  # title cells: bold, centred across the table


def col_letter(c: int) -> str:
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def ref(r, c):
    return f"{col_letter(c)}{r}"


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def vary_header(text: str, how: set, key: str) -> str:
    """A header text as some district typed it; every variant folds to the canonical text."""
    if "upper_parents" in how and key == "parent":
        text = text.upper()
    if "breaks" in how and key == "child" and " " in text and len(text) > 12:
        words = text.split(" ")
        mid = len(words) // 2
        text = " ".join(words[:mid]) + "\n" + " ".join(words[mid:])
    if "lower" in how and key == "child":
        text = text[0].lower() + text[1:]
    if "spaces" in how:
        text = "  " + text.replace(" ", "  ", 1) + " "
    if "old_tone" in how:  # "Xoá", "Hoà": the older tone placement (differs in NFC, folds equal)
        text = text.replace("Xóa", "Xoá").replace("hóa", "hoá")
    if "nfd" in how:
        text = unicodedata.normalize("NFD", text)
    return text


def title_rows(d: District, province_name: str, year: int, header_row: int, width: int, sheet_title: str):
    """The rows above the header: sample mark, agency, title; as many as the header row needs."""
    agency = f"Phòng GDĐT {d.kind.lower()} {short_name(d.name)}"
    upper = f"UBND {d.kind.upper()} {short_name(d.name).upper()}"
    lines = {
        4: [f"BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM {year} ({SAMPLE_MARK})",
            sheet_title, f"Đơn vị: {agency}"],
        5: [upper, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
            f"BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM {year} - {SAMPLE_MARK}",
            f"Đơn vị: {agency} ({sheet_title})"],
        6: [upper, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
            f"BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM {year}", SAMPLE_MARK,
            f"Đơn vị: {agency} - {sheet_title}"],
        12: [upper, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", None, SAMPLE_MARK, None,
             f"BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM {year}",
             f"(Kèm theo Báo cáo số    /BC-PGDĐT ngày 25/11/{year} của {agency})",
             f"Đơn vị: {agency}", f"{sheet_title} - số liệu tính đến ngày 31/10/{year}",
             "Ghi chú: mức độ công nhận Cộng đồng học tập cấp xã: 0 = chưa công nhận, 1 = Khá, 2 = Tốt",
             "Đơn vị tính: hộ, dòng họ, thôn/ấp, đơn vị, người"],
    }[header_row]
    assert len(lines) == header_row - 1
    return [(i + 1, t) for i, t in enumerate(lines) if t is not None]


def yes_no(v: bool, style) -> object:
    fmt = style.get("yesno", "words")
    if fmt == "01":
        return 1 if v else 0
    return "Có" if v else "Không"


def level_cell(v: int, style, field_id: str) -> object:
    fmt = style.get("levels", "number")
    if field_id == "cdht_xa_muc":
        if style.get("cdht_words"):
            return {1: "Khá", 2: "Tốt"}.get(v, v)
        return v
    if fmt == "muc_do":
        return f"Mức độ {v}"
    if fmt == "muc":
        return f"Mức {v}"
    if fmt == "roman":
        return roman(v) if v > 0 else 0
    return v


def text_number(v: int, how: str) -> str:
    if how == "dots":
        return f"{v:,}".replace(",", ".")
    return f" {v} "


def place_name(province_name: str) -> str:
    return short_name(province_name)


def build_commune_sheet(d: District, rows, province_name, year, style):
    """rows: list of dicts {kind: commune|subtotal|group, stt, code, name, values}."""
    s = Sheet("Cấp xã")
    with_code = style.get("codes", True)
    ident = ["STT"] + (["Mã đơn vị"] if with_code else []) + ["Tên đơn vị"]
    width = len(ident) + len(COMMUNE_FIELDS)
    h = style["header_row"]
    for r, t in title_rows(d, province_name, year, h, width, "Biểu 1: Cấp xã"):
        s.cells[(r, 1)] = t
        s.merges.append((r, 1, r, width))
        s.bold.add((r, 1))
        s.titles.add((r, 1))
    hv = set(style.get("headers", ()))
    for i, t in enumerate(ident, 1):
        s.cells[(h, i)] = vary_header(t, hv - {"breaks", "lower"}, "ident")
        s.merges.append((h, i, h + 1, i))
    col = {}
    c = len(ident) + 1
    parent_start = {}
    for fid, _, parent, child in COMMUNE_FIELDS:
        col[fid] = c
        if parent not in parent_start:
            parent_start[parent] = c
            s.cells[(h, c)] = vary_header(parent, hv, "parent")
        s.cells[(h + 1, c)] = vary_header(child, hv, "child")
        c += 1
    for parent, start in parent_start.items():
        end = max(col[f] for f, _, p, _ in COMMUNE_FIELDS if p == parent)
        if end > start:
            s.merges.append((h, start, h, end))
    for r in (h, h + 1):
        for cc in range(1, width + 1):
            s.bold.add((r, cc))
    s.header_rows = (h, h + 1)
    cells_of = {}
    r = h + 2
    first_data = r
    for row in rows:
        if row["kind"] == "subtotal":
            s.cells[(r, len(ident))] = row["name"]
            s.bold.add((r, len(ident)))
            for fid, t, _, _ in COMMUNE_FIELDS:
                if t == "count":
                    cc = col[fid]
                    if style.get("subtotal_formulas"):
                        s.cells[(r, cc)] = Formula(f"SUM({ref(first_data, cc)}:{ref(r - 1, cc)})", row["values"][fid])
                    else:
                        s.cells[(r, cc)] = row["values"][fid]
            cells_of[("subtotal", row["name"])] = {fid: ref(r, col[fid]) for fid in col}
            r += 1
            continue
        if row.get("stt") is not None:
            s.cells[(r, 1)] = row["stt"]
        if with_code and row.get("code"):
            s.cells[(r, 2)] = row["code"]
        s.cells[(r, len(ident))] = row["name"]
        if row["kind"] == "group":
            s.bold.add((r, len(ident)))
            s.bold.add((r, 1))
            r += 1
            first_data = r
            continue
        refs = {"name": ref(r, len(ident)), "row": r}
        if with_code:
            refs["code"] = ref(r, 2)
        for fid, t, _, _ in COMMUNE_FIELDS:
            cc = col[fid]
            refs[fid] = ref(r, cc)
            if fid not in row["values"]:
                continue
            v = row["values"][fid]
            if isinstance(v, Raw):
                if isinstance(v.value, Formula):
                    refs_now = {f: ref(r, col[f]) for f in col}
                    s.cells[(r, cc)] = Formula(v.value.text.format(**refs_now), v.value.cached)
                elif v.value is not None:
                    s.cells[(r, cc)] = v.value
            elif t == "level":
                s.cells[(r, cc)] = level_cell(v, style, fid)
            elif t == "yesno":
                s.cells[(r, cc)] = yes_no(v, style)
            else:
                tn = style.get("text_numbers", {})
                key = (row.get("code") or row["name"], fid)
                s.cells[(r, cc)] = text_number(v, tn[key]) if key in tn else v
        cells_of.setdefault(row.get("key", row.get("code") or row["name"]), []).append(refs)
        r += 1
    s.widths = {1: 6, len(ident): 24}
    if with_code:
        s.widths[2] = 10
    for fid in col:
        s.widths[col[fid]] = 12
    s.widths[col["cdht_xa_muc"]] = 18
    s.table_end, s.table_width = r - 1, width
    footer = style.get("footer")
    if footer:
        r += 1
        s.cells[(r, len(ident) + 11)] = f"{place_name(province_name)}, ngày 25 tháng 11 năm {year}" if footer == "full" else f"ngày 25 tháng 11 năm {year}"
        s.cells[(r + 1, 3)] = "NGƯỜI LẬP BIỂU"
        s.cells[(r + 1, len(ident) + 11)] = "TRƯỞNG PHÒNG"
    return s, cells_of, col


def build_district_sheet(d: District, province_name, year, style, dname, dcode):
    s = Sheet("Cấp huyện")
    with_code = style.get("codes", True)
    ident = ["STT"] + (["Mã đơn vị"] if with_code else []) + ["Tên đơn vị"]
    width = len(ident) + len(DISTRICT_FIELDS)
    h = style["header_row"]
    for r, t in title_rows(d, province_name, year, h, width, "Biểu 2: Cấp huyện"):
        s.cells[(r, 1)] = t
        s.merges.append((r, 1, r, width))
        s.bold.add((r, 1))
        s.titles.add((r, 1))
    hv = set(style.get("headers", ()))
    for i, t in enumerate(ident, 1):
        s.cells[(h, i)] = vary_header(t, hv - {"breaks", "lower"}, "ident")
        s.merges.append((h, i, h + 1, i))
    col = {}
    c = len(ident) + 1
    for fid, _, parent, child in DISTRICT_FIELDS:
        col[fid] = c
        if parent is None:
            s.cells[(h, c)] = vary_header(child, hv - {"lower"}, "parent")
            s.merges.append((h, c, h + 1, c))
        else:
            if fid.endswith("_tong"):
                s.cells[(h, c)] = vary_header(parent, hv, "parent")
                s.merges.append((h, c, h, c + 1))
            s.cells[(h + 1, c)] = vary_header(child, hv, "child")
        c += 1
    for r in (h, h + 1):
        for cc in range(1, width + 1):
            s.bold.add((r, cc))
    s.header_rows = (h, h + 1)
    r = h + 2
    s.cells[(r, 1)] = "I" if style.get("roman") else 1
    if with_code:
        s.cells[(r, 2)] = dcode
    s.cells[(r, len(ident))] = dname
    refs = {"name": ref(r, len(ident)), "row": r}
    for fid, t, _, _ in DISTRICT_FIELDS:
        v = d.values[fid]
        cc = col[fid]
        refs[fid] = ref(r, cc)
        if isinstance(v, Raw):
            if v.value is not None:
                s.cells[(r, cc)] = v.value
        elif t == "yesno":
            s.cells[(r, cc)] = "Đạt" if v else "Chưa đạt"
        elif t == "level":
            s.cells[(r, cc)] = level_cell(v, style, fid)
        else:
            s.cells[(r, cc)] = v
    s.widths = {1: 6, len(ident): 24}
    for fid in col:
        s.widths[col[fid]] = 14
    s.table_end, s.table_width = r, width
    return s, refs


@dataclass
class Raw:
    """A cell written as-is (a planted problem): the value, or None for an empty cell."""
    value: object


# ---------------------------------------------------------------------------------------------
# Producers

def write_openpyxl(sheets, path: Path, title: str):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for (r, c), v in sorted(sh.cells.items()):
            cell = ws.cell(row=r, column=c)
            if isinstance(v, Formula):
                cell.value = "=" + v.text  # openpyxl stores no cached value
            else:
                cell.value = v
            if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 1000:
                cell.number_format = "#,##0"
            if (r, c) in sh.bold:
                cell.font = Font(bold=True)
            if sh.header_rows and r in sh.header_rows:
                cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            if (r, c) in sh.titles:
                cell.alignment = Alignment(horizontal="center")
        if sh.header_rows:
            ws.row_dimensions[sh.header_rows[0]].height = 32
            ws.row_dimensions[sh.header_rows[1]].height = 48
            ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = ws.PAPERSIZE_A4
            for r in range(sh.header_rows[0], sh.table_end + 1):
                for c in range(1, sh.table_width + 1):
                    ws.cell(row=r, column=c).border = border
        for (r1, c1, r2, c2) in sh.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in sh.widths.items():
            ws.column_dimensions[col_letter(c)].width = w
    wb.properties.creator = "xhht make_sample (openpyxl)"
    wb.properties.title = title
    import datetime as dt
    wb.properties.created = dt.datetime(*FIXED_DATE)
    wb.properties.modified = dt.datetime(*FIXED_DATE)
    wb.properties.lastModifiedBy = "xhht make_sample"
    wb.save(path)


def write_xlsxwriter(sheets, path: Path, title: str):
    import datetime as dt
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                          "strings_to_urls": False})
    wb.set_properties({"title": title, "author": "xhht make_sample (xlsxwriter)",
                       "created": dt.datetime(*FIXED_DATE)})
    f_bold = wb.add_format({"bold": True})
    f_title = wb.add_format({"bold": True, "align": "center"})
    f_head = wb.add_format({"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1})
    f_cell = wb.add_format({"border": 1})
    f_num = wb.add_format({"border": 1, "num_format": "#,##0"})
    for sh in sheets:
        ws = wb.add_worksheet(sh.name)
        merged_at = {}
        covered = set()
        for (r1, c1, r2, c2) in sh.merges:
            merged_at[(r1, c1)] = (r2, c2)
            for rr in range(r1, r2 + 1):
                for cc in range(c1, c2 + 1):
                    covered.add((rr, cc))
        for (r1, c1), (r2, c2) in merged_at.items():
            v = sh.cells.get((r1, c1), "")
            fmt = f_head if r1 in sh.header_rows else (f_title if (r1, c1) in sh.titles else f_bold)
            ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, v, fmt)
        for (r, c), v in sorted(sh.cells.items()):
            if (r, c) in merged_at:
                continue
            if sh.header_rows and r in sh.header_rows:
                fmt = f_head
            elif isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 1000:
                fmt = f_num
            else:
                fmt = f_bold if (r, c) in sh.bold else f_cell
            if isinstance(v, Formula):
                ws.write_formula(r - 1, c - 1, "=" + v.text, f_num, v.cached)
            elif isinstance(v, str):
                ws.write_string(r - 1, c - 1, v, fmt)
            else:
                ws.write_number(r - 1, c - 1, v, fmt)
        for c, w in sh.widths.items():
            ws.set_column(c - 1, c - 1, w)
        if sh.header_rows:
            ws.set_row(sh.header_rows[0] - 1, 32)
            ws.set_row(sh.header_rows[1] - 1, 48)
            ws.set_landscape()
            ws.set_paper(9)
    wb.close()


def fods_cell(v, bold: bool, head: bool, title: bool = False) -> str:
    style = (' table:style-name="ceHead"' if head else ' table:style-name="ceTitle"' if title
             else (' table:style-name="ceBold"' if bold else ""))
    if isinstance(v, Formula):
        f = re.sub(r"([A-Z]+[0-9]+):([A-Z]+[0-9]+)", r"[.\1:.\2]", v.text)
        return (f'<table:table-cell{style} table:formula="of:={escape(f)}" office:value-type="float" '
                f'office:value="{v.cached}"><text:p>{v.cached}</text:p></table:table-cell>')
    if isinstance(v, bool):
        raise TypeError("bool cell")
    if isinstance(v, (int, float)):
        return (f'<table:table-cell{style} office:value-type="float" office:value="{v}">'
                f"<text:p>{v}</text:p></table:table-cell>")
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(v).split("\n"))
    return f'<table:table-cell{style} office:value-type="string">{paras}</table:table-cell>'


def write_fods(sheets, path: Path, title: str):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ns} office:version="1.3" '
           'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           f"<office:meta><meta:generator>xhht make_sample (LibreOffice)</meta:generator>"
           f"<dc:title>{escape(title)}</dc:title>"
           f"<meta:creation-date>{FIXED_ISO[:-1]}</meta:creation-date><dc:date>{FIXED_ISO[:-1]}</dc:date></office:meta>",
           "<office:automatic-styles>"]
    for sh_i, sh in enumerate(sheets):
        for c, w in sh.widths.items():
            out.append(f'<style:style style:name="co{sh_i}_{c}" style:family="table-column">'
                       f'<style:table-column-properties style:column-width="{w * 0.19:.2f}cm"/></style:style>')
    out.append('<style:style style:name="roHead1" style:family="table-row"><style:table-row-properties style:row-height="1.13cm" style:use-optimal-row-height="false"/></style:style>'
               '<style:style style:name="roHead2" style:family="table-row"><style:table-row-properties style:row-height="1.69cm" style:use-optimal-row-height="false"/></style:style>'
               '<style:style style:name="ceTitle" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>')
    out.append('<style:style style:name="ceBold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>'
               '<style:style style:name="ceHead" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" '
               'style:vertical-align="middle" fo:border="0.06pt solid #000000"/><style:paragraph-properties fo:text-align="center"/>'
               '<style:text-properties fo:font-weight="bold"/></style:style>'
               "</office:automatic-styles><office:body><office:spreadsheet>")
    for sh_i, sh in enumerate(sheets):
        out.append(f'<table:table table:name="{escape(sh.name)}">')
        max_c = max(c for (_, c) in sh.cells)
        max_r = max(r for (r, _) in sh.cells)
        for c in range(1, max_c + 1):
            if c in sh.widths:
                out.append(f'<table:table-column table:style-name="co{sh_i}_{c}"/>')
            else:
                out.append("<table:table-column/>")
        span = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for (r1, c1, r2, c2) in sh.merges}
        covered = set()
        for (r1, c1, r2, c2) in sh.merges:
            for rr in range(r1, r2 + 1):
                for cc in range(c1, c2 + 1):
                    if (rr, cc) != (r1, c1):
                        covered.add((rr, cc))
        for r in range(1, max_r + 1):
            ro = {sh.header_rows[0]: "roHead1", sh.header_rows[1]: "roHead2"}.get(r) if sh.header_rows else None
            out.append(f'<table:table-row table:style-name="{ro}">' if ro else "<table:table-row>")
            for c in range(1, max_c + 1):
                head = r in sh.header_rows
                if (r, c) in covered:
                    out.append("<table:covered-table-cell/>")
                    continue
                v = sh.cells.get((r, c))
                attrs = ""
                if (r, c) in span:
                    rs, cs = span[(r, c)]
                    attrs = f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
                if v is None:
                    st = ' table:style-name="ceHead"' if head else ""
                    out.append(f"<table:table-cell{st}{attrs}/>")
                else:
                    cell = fods_cell(v, (r, c) in sh.bold, head, (r, c) in sh.titles)
                    out.append(cell.replace("<table:table-cell", "<table:table-cell" + attrs, 1))
            out.append("</table:table-row>")
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document>\n")
    path.write_text("".join(out), encoding="utf-8")


def write_libreoffice(sheets, path: Path, title: str, keep_fods: Path | None = None):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("make_sample: soffice not found (apt-get install -y libreoffice-calc-nogui)")
    with tempfile.TemporaryDirectory(prefix="xhht-sample-") as tmp:
        tmp = Path(tmp)
        fods = tmp / (path.stem + ".fods")
        write_fods(sheets, fods, title)
        if keep_fods:
            shutil.copy(fods, keep_fods / fods.name)
        profile = tmp / "lo-profile"  # a private profile: several soffice runs may overlap
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp), str(fods)]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        out = tmp / (path.stem + ".xlsx")
        if not out.exists():
            sys.exit(f"make_sample: soffice failed on {fods.name}: {res.stdout}{res.stderr}")
        shutil.move(str(out), path)


def verify(path: Path, sheets):
    """Re-read the written workbook with openpyxl and python-calamine: every cell as intended."""
    import openpyxl
    problems = []
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        from python_calamine import CalamineWorkbook
        cal = CalamineWorkbook.from_path(str(path))
    except ImportError:
        cal = None
        print("make_sample: python-calamine not installed: checked with openpyxl only", file=sys.stderr)
    for sh in sheets:
        ws = wb[sh.name]
        grid = None
        if cal is not None:
            cs = cal.get_sheet_by_name(sh.name)
            r0, c0 = getattr(cs, "start", None) or (0, 0)
            grid = cs.to_python()
        for (r, c), want in sh.cells.items():
            if isinstance(want, Formula):
                want = want.cached
            got = ws.cell(row=r, column=c).value
            if got != want:
                problems.append(f"openpyxl {sh.name}!{ref(r, c)}: {got!r} != {want!r}")
            if grid is not None:
                try:
                    gv = grid[r - 1 - r0][c - 1 - c0] if r - 1 >= r0 and c - 1 >= c0 else None
                except IndexError:
                    gv = None
                if want is None:
                    ok = gv in (None, "")
                elif isinstance(want, (int, float)) and not isinstance(want, bool):
                    ok = isinstance(gv, (int, float)) and not isinstance(gv, bool) and gv == want
                else:
                    ok = gv == want
                if not ok:
                    problems.append(f"calamine {sh.name}!{ref(r, c)}: {gv!r} != {want!r}")
        got_merges = {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges}
        if got_merges != set(sh.merges):
            problems.append(f"openpyxl {sh.name}: merged ranges differ: {sorted(got_merges ^ set(sh.merges))}")
    if problems:
        sys.exit(f"make_sample: {path.name} does not read back as written:\n  " + "\n  ".join(problems[:20]))


DATE_RE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalize_zip(path: Path):
    """Same bytes for the same inputs: fixed entry times, fixed document dates."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = DATE_RE.sub(rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>", data)
            ni = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            ni.compress_type = zipfile.ZIP_DEFLATED
            ni.external_attr = 0o644 << 16
            ni.create_system = 3
            z.writestr(ni, data, compresslevel=6)
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------------------------------------
# Styles: which producer and which messiness each district's workbook gets (by position).

STYLES = [
    dict(producer="libreoffice", header_row=6, cdht_words=True, levels="muc_do", subtotal="Tổng cộng",
         subtotal_formulas=True, prefix_first=True, footer="full"),
    dict(producer="openpyxl", header_row=4, text_numbers_dots=3),
    dict(producer="xlsxwriter", header_row=12, headers=["breaks"], levels="number"),
    dict(producer="libreoffice", header_row=4, headers=["upper_parents"], levels="muc_do",
         subtotal="Cộng", subtotal_formulas=True),
    dict(producer="openpyxl", header_row=6, headers=["nfd"], subtotal="Cộng", text_numbers_spaces=3,
         levels="muc"),
    dict(producer="libreoffice", header_row=6, headers=["old_tone", "breaks"], roman=True, levels="roman"),
    dict(producer="xlsxwriter", header_row=5, headers=["spaces", "lower"], subtotal="Tổng cộng",
         subtotal_formulas=True, footer="short"),
    dict(producer="libreoffice", header_row=4, codes=False, prefix_all=True, levels="muc_do"),
    dict(producer="openpyxl", header_row=6, group_row=True, yesno="01", text_numbers_dots=2),
]

UNKNOWN_CANDIDATES = ["Mỹ Khánh A", "Tân Thới Đông", "Nhơn Ái B", "Phú Hòa Tây", "Thạnh Xuân Đông"]


def plant_problems(districts, seed):
    """Mutate the generated data with the planted problems; return the planted list (without cells).

    Each planted problem is tied to a district by position, so every province gets the same set.
    """
    n = len(districts)
    P = []
    at = lambda i: districts[i % n]

    def commune(d, pos):
        return d.communes[pos % len(d.communes)]

    # 1. numerator above its denominator (district 3rd)
    d = at(2); c = commune(d, 2)
    c.values["cdht_thon_dat"] = Raw(c.values["cdht_thon_tong"] + 2)
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="cdht_thon_dat", rule="numerator-above-denominator",
                  severity="error", value=c.values["cdht_thon_dat"].value,
                  description=f"Số thôn được công nhận ({c.values['cdht_thon_dat'].value}) lớn hơn tổng số thôn ({c.values['cdht_thon_tong']})"))
    # 2. a negative count (district 2nd)
    d = at(1); c = commune(d, 3)
    c.values["dong_ho_dat"] = Raw(-5)
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="dong_ho_dat", rule="negative-count",
                  severity="error", value=-5, description="Số dòng họ đạt là số âm (-5)"))
    # 12. a formula with no cached value (openpyxl writes none): the value is missing, not 0
    c = commune(d, 5)
    c.values["ld_ky_nang"] = Raw(Formula("ROUND({ld_tong}*0.9,0)", None))
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="ld_ky_nang", rule="formula-without-value",
                  severity="error", value="=ROUND(...*0.9,0)",
                  description="Công thức không có giá trị đã tính (tệp chưa từng mở bằng Excel/LibreOffice): thiếu số liệu, không phải 0"))
    # 3. a level out of range: literacy level 3 where the maximum is 2 (district 4th)
    d = at(3)
    d.values["xmc"] = Raw(3)
    P.append(dict(district=d.code, sheet="Cấp huyện", unit=d.code, field="xmc", rule="level-out-of-range",
                  severity="error", value=3, description="Xóa mù chữ mức độ 3, nhưng mức cao nhất là 2"))
    # 5. a percentage typed in a count column (district 9th)
    d = at(8); c = commune(d, 4)
    pct = f"{c.values['gia_dinh_dat'] * 100 / c.values['gia_dinh_tong']:.1f}%".replace(".", ",")
    c.values["gia_dinh_dat"] = Raw(pct)
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="gia_dinh_dat", rule="percent-in-count",
                  severity="error", value=pct, description=f"Tỷ lệ phần trăm ({pct}) nhập vào cột số hộ đạt"))
    # 6. a required value blank: households total (required in pipeline.yml) (district 6th)
    d = at(5); c = commune(d, 6)
    c.values["gia_dinh_tong"] = Raw(None)
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="gia_dinh_tong", rule="required-missing",
                  severity="error", value=None, description="Ô tổng số hộ (trường bắt buộc) bỏ trống"))
    # 7. "-" in a required level: missing, not level 0 (district 7th)
    d = at(6); c = commune(d, 1)
    c.values["cdht_xa_muc"] = Raw("-")
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="cdht_xa_muc", rule="required-missing",
                  severity="error", value="-", description='"-" ở mức độ công nhận Cộng đồng học tập (trường bắt buộc): thiếu số liệu, không phải mức 0'))
    return P


def plant_blank_answers(districts):
    """Two blanks in fields that are not `required` but that indicators use (issue 14): the
    count "Người trong độ tuổi lao động > Tổng số" of one commune (the denominator of ld_cntt
    and ld_ky_nang, whose numerators stay), and "Ứng dụng CNTT" of a commune that has a
    learning centre (it falls out of tthtcd_cntt's denominator). Missing, never zero."""
    n = len(districts)
    P = []
    d = districts[2 % n]; c = d.communes[4 % len(d.communes)]
    c.values["ld_tong"] = Raw(None)
    P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="ld_tong", rule="value-missing",
                  severity="warning", value=None,
                  description="Tổng số người trong độ tuổi lao động bỏ trống: xã không được tính vào ld_cntt, ld_ky_nang"))
    d = districts[5 % n]
    c = next((c for c in d.communes[1:] if c.values.get("tthtcd_co") is True), None)
    if c is not None:
        c.values["tthtcd_cntt"] = Raw(None)
        P.append(dict(district=d.code, sheet="Cấp xã", unit=c.code, field="tthtcd_cntt", rule="value-missing",
                      severity="warning", value=None,
                      description="Xã có trung tâm học tập cộng đồng nhưng ô \"Ứng dụng CNTT\" bỏ trống"))
    return P


def layout_rows(di, d: District, districts, style, seed):
    """The table rows of a district's "Cấp xã" sheet, with the row-level planted problems."""
    n = len(districts)
    rows = []
    P = []
    communes = list(d.communes)
    # 11. a commune the registry has is missing from this workbook (district 7th, its last commune)
    if di == 6 % n and len(communes) > 2:
        gone = communes.pop()
        P.append(dict(district=d.code, sheet="Cấp xã", unit=gone.code, field=None, rule="unit-missing",
                      severity="warning", value=None, cell=None,
                      description=f"{gone.name} ({gone.code}) có trong danh mục nhưng không có dòng nào trong biểu của {d.name}"))
    for c in communes:
        name = c.name
        if style.get("prefix_all") or (style.get("prefix_first") and c is communes[0]):
            name = abbreviated(c.name, c.kind)
        rows.append(dict(kind="commune", code=c.code, name=name, values=dict(c.values), key=c.code))
    # 8. a commune listed under the wrong district: a copy of another district's first commune
    if di == 1 % n and n > 2:
        other = districts[(di + 1) % n]
        oc = other.communes[0]
        rows.insert(len(rows) - 1, dict(kind="commune", code=oc.code, name=oc.name, values=dict(oc.values), key="wrong:" + oc.code))
        P.append(dict(district=d.code, sheet="Cấp xã", unit=oc.code, field=None, rule="wrong-district",
                      severity="warning", value=oc.name, cell_key="wrong:" + oc.code,
                      description=f"{oc.name} ({oc.code}) thuộc {other.name}, không thuộc {d.name} (dòng chép từ biểu khác)"))
    # 9. a duplicate commune row (district 9th): the same commune pasted twice, same values
    if di == 8 % n and n > 8:
        src = rows[len(rows) // 2]
        dup = dict(src, key="dup:" + src["code"])
        rows.insert(len(rows) // 2 + 2, dup)
        P.append(dict(district=d.code, sheet="Cấp xã", unit=src["code"], field=None, rule="duplicate-unit",
                      severity="error", value=src["name"], cell_key="dup:" + src["code"],
                      description=f"{src['name']} ({src['code']}) xuất hiện hai lần trong biểu (dòng thứ hai bị bỏ qua)"))
    # 10. an unknown commune name (district 8th; the file without codes)
    if di == 7 % n and n > 7:
        names = {fold(short_name(c.name)) for dd in districts for c in dd.communes}
        unknown = next(u for u in UNKNOWN_CANDIDATES if fold(u) not in names)
        r = random.Random(seed + 5)
        base = {k: (round(v * r.uniform(0.8, 0.95)) if isinstance(v, int) and not isinstance(v, bool) and k in COUNT_FIELDS else v)
                for k, v in communes[0].values.items()}
        rows.insert(3, dict(kind="commune", code=None, name=f"X. {unknown}", values=base, key="unknown"))
        P.append(dict(district=d.code, sheet="Cấp xã", unit=None, field=None, rule="unit-unknown",
                      severity="error", value=f"X. {unknown}", cell_key="unknown",
                      description=f'Tên "X. {unknown}" không có trong danh mục đơn vị hành chính'))
    # ordinals
    if style.get("group_row"):
        rows.insert(0, dict(kind="group", stt="I", code=d.code if style.get("codes", True) else None, name=d.name))
    k = 0
    for row in rows:
        if row["kind"] == "commune":
            k += 1
            row["stt"] = roman(k) if style.get("roman") else k
    # text numbers (a few cells)
    tn = {}
    rr = random.Random(seed + int(d.code))
    crow = [row for row in rows if row["kind"] == "commune"]
    for how, count in (("dots", style.get("text_numbers_dots", 0)), ("spaces", style.get("text_numbers_spaces", 0))):
        for row in rr.sample(crow, min(count, len(crow))):
            fid = "gia_dinh_tong" if how == "dots" else rr.choice(["dong_ho_tong", "cdht_thon_tong", "dvht_xa_tong"])
            if not isinstance(row["values"].get(fid), Raw):
                tn[(row.get("code") or row["name"], fid)] = how
    style["text_numbers"] = tn
    # subtotal: the sum of the rows above as written ("-" and blanks count as 0)
    if style.get("subtotal"):
        sums = {}
        for fid in COUNT_FIELDS:
            if fid.startswith(("pc_", "xmc", "dvht_huyen")):
                continue
            tot = 0
            for row in crow:
                v = row["values"].get(fid)
                if isinstance(v, Raw):
                    v = v.value
                if isinstance(v, int):
                    tot += v
            sums[fid] = tot
        rows.append(dict(kind="subtotal", name=style["subtotal"], values=sums))
        # 4. a subtotal that disagrees with its rows (the workbook with literal subtotals)
        if not style.get("subtotal_formulas"):
            sums["gia_dinh_tong"] += 100
            P.append(dict(district=d.code, sheet="Cấp xã", unit=None, field="gia_dinh_tong", rule="subtotal-mismatch",
                          severity="warning", value=sums["gia_dinh_tong"], cell_key=("subtotal", style["subtotal"]),
                          description=f'Dòng "{style["subtotal"]}" ghi tổng số hộ {sums["gia_dinh_tong"]}, tổng các dòng là {sums["gia_dinh_tong"] - 100}'))
    return rows, P


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--province", default="92", help="province code (default 92, Cần Thơ)")
    ap.add_argument("--units", help="unit list CSV (default: can-tho-2024-02-01.csv for 92, else units-2023-04-10.csv)")
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", help="output folder (default: Input/ for 92, else required)")
    ap.add_argument("--planted", help="where to write planted.json (default: scripts/make-sample/planted.json "
                                      "for the default Input/, else OUT/planted.json)")
    ap.add_argument("--keep-fods", action="store_true", help="also keep the .fods sources in OUT/fods/")
    ap.add_argument("--producer", choices=["libreoffice", "openpyxl", "xlsxwriter"],
                    help="write every workbook with this producer (default: each district's own, by position)")
    ap.add_argument("--season-problems", action="store_true",
                    help="also plant the blank answers of issue 14 (a blank count, a blank yes/no answer)")
    args = ap.parse_args(argv)

    if args.units:
        units = Path(args.units)
    elif args.province == "92" and (REPO / "units" / "can-tho-2024-02-01.csv").exists():
        units = REPO / "units" / "can-tho-2024-02-01.csv"  # the repository's copy
    else:
        units = UNITS_DIR / ("can-tho-2024-02-01.csv" if args.province == "92" else "units-2023-04-10.csv")
    if args.out:
        out = Path(args.out)
    elif args.province == "92":
        out = REPO / "Input"
    else:
        sys.exit("make_sample: --out is required for another province")
    out.mkdir(parents=True, exist_ok=True)
    default_out = out.resolve() == (REPO / "Input").resolve()
    planted_path = Path(args.planted) if args.planted else (HERE / "planted.json" if default_out else out / "planted.json")

    province_name, districts = load_units(units, args.province)
    make_values(districts, args.seed)
    # Exact edge cases: the 2nd district's households exactly 75% (= the target), the 4th's
    # hamlets exactly 80% (= the target).
    if len(districts) > 3:
        exact_ratio(districts, 1, "gia_dinh_dat", "gia_dinh_tong", Fraction(3, 4))
        exact_ratio(districts, 3, "cdht_thon_dat", "cdht_thon_tong", Fraction(4, 5))
    planted = plant_problems(districts, args.seed)
    if args.season_problems:
        planted.extend(plant_blank_answers(districts))

    # The layout decides which communes are written; then the province's "Đơn vị học tập" ratio
    # is made exactly 5/9 (55,5555...% >= 55,55%) over the values that count.
    layouts = []
    for di, d in enumerate(districts):
        style = dict(STYLES[di % len(STYLES)])
        if args.producer:
            style["producer"] = args.producer
            if args.producer == "openpyxl":
                # openpyxl saves formulas without their values: subtotals are written as numbers
                style["subtotal_formulas"] = False
        rows, p = layout_rows(di, d, districts, style, args.seed)
        layouts.append((d, style, rows))
        planted.extend(p)
    make_dvht_exact(districts, layouts)
    # recompute subtotals after the adjustment
    for d, style, rows in layouts:
        for row in rows:
            if row["kind"] == "commune" and row.get("key") == row.get("code"):
                c = next(c for c in d.communes if c.code == row["code"])
                for fid in ("dvht_xa_tong", "dvht_xa_dat"):
                    row["values"][fid] = c.values[fid]
            if row["kind"] == "commune" and str(row.get("key", "")).startswith(("wrong:", "dup:")):
                code = row["code"]
                c = next(c for dd in districts for c in dd.communes if c.code == code)
                for fid in ("dvht_xa_tong", "dvht_xa_dat"):
                    row["values"][fid] = c.values[fid]
        sub = [row for row in rows if row["kind"] == "subtotal"]
        if sub:
            crow = [row for row in rows if row["kind"] == "commune"]
            for fid in ("dvht_xa_tong", "dvht_xa_dat"):
                sub[0]["values"][fid] = sum(row["values"][fid] for row in crow)

    for p in planted:
        p["file"] = None
    written = []
    producers = {}
    for di, (d, style, rows) in enumerate(layouts):
        fname = f"mau-{args.year}-{d.code}-{slug(short_name(d.name))}.xlsx"
        title = f"{SAMPLE_MARK}: {d.name}, {province_name}, năm {args.year}"
        cs, cells_of, _ = build_commune_sheet(d, rows, province_name, args.year, style)
        dname = abbreviated(d.name, d.kind) if style.get("prefix_all") else d.name
        ds, drefs = build_district_sheet(d, province_name, args.year, style, dname, d.code)
        path = out / fname
        prod = style["producer"]
        if prod == "openpyxl":
            write_openpyxl([cs, ds], path, title)
        elif prod == "xlsxwriter":
            write_xlsxwriter([cs, ds], path, title)
        else:
            keep = None
            if args.keep_fods:
                keep = out / "fods"
                keep.mkdir(exist_ok=True)
            write_libreoffice([cs, ds], path, title, keep)
        normalize_zip(path)
        verify(path, [cs, ds])
        # "received" before the deadline, for a tool that reads the file time (git does not keep it)
        import calendar
        stamp = calendar.timegm(FIXED_DATE + (0, 0, 0))
        os.utime(path, (stamp, stamp))
        written.append(fname)
        producers[fname] = prod
        for p in planted:
            if p["district"] != d.code:
                continue
            p["file"] = fname
            if p["sheet"] == "Cấp huyện":
                p["cell"] = drefs[p["field"]]
            elif "cell_key" in p:
                key = p.pop("cell_key")
                if isinstance(key, tuple):
                    p["cell"] = cells_of[key][p["field"]]
                else:
                    p["cell"] = cells_of[key][0]["name"]
            elif p.get("rule") == "unit-missing":
                p["cell"] = None
            else:
                p["cell"] = cells_of[p["unit"]][0][p["field"]]
            if p["rule"] == "formula-without-value":
                p["value"] = next("=" + v.text for (r, c), v in cs.cells.items() if ref(r, c) == p["cell"])
        print(f"{prod:12s} {fname}", file=sys.stderr)

    planted.sort(key=lambda p: (p["file"], p["sheet"], p.get("cell") or ""))
    doc = {
        "about": f"{SAMPLE_MARK}. Planted problems of the sample workbooks made by "
                 "scripts/make-sample/make_sample.py (see docs/sample.md). 'rule' and 'severity' are "
                 "suggestions; 'cell' is null for a problem that has no cell (a commune with no row).",
        "province": args.province, "province_name": province_name, "year": args.year, "seed": args.seed,
        "units": units.name,
        "files": {f: producers[f] for f in written},
        "planted": [{k: p.get(k) for k in ("file", "sheet", "cell", "unit", "field", "rule", "severity", "value", "description")}
                    for p in planted],
    }
    planted_path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"make_sample: {len(written)} workbooks in {out}, {len(planted)} planted problems in {planted_path}", file=sys.stderr)


def make_dvht_exact(districts, layouts):
    """Make Σ dvht_dat / Σ dvht_tong over the counted commune rows and district rows exactly 5/9."""
    counted = []
    for d, style, rows in layouts:
        for row in rows:
            if row["kind"] == "commune" and row.get("key") == row.get("code"):
                counted.append(next(c for c in d.communes if c.code == row["code"]).values)
    tong = sum(v["dvht_xa_tong"] for v in counted) + sum(d.values["dvht_huyen_tong"] for d in districts)
    # make the total a multiple of 9 with the first district's own units
    districts[0].values["dvht_huyen_tong"] += (-tong) % 9
    tong += (-tong) % 9
    want = tong * 5 // 9
    have = sum(v["dvht_xa_dat"] for v in counted) + sum(d.values["dvht_huyen_dat"] for d in districts)
    delta = want - have
    pool = [d.values for d in districts]
    i = 0
    while delta != 0:
        v = pool[i % len(pool)]
        if delta > 0 and v["dvht_huyen_dat"] < v["dvht_huyen_tong"] - 3:
            v["dvht_huyen_dat"] += 1; delta -= 1
        elif delta < 0 and v["dvht_huyen_dat"] > 3:
            v["dvht_huyen_dat"] -= 1; delta += 1
        i += 1
        if i > 100000:
            raise RuntimeError("cannot make dvht exact")


if __name__ == "__main__":
    main()
