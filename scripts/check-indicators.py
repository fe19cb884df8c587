#!/usr/bin/env python3
"""An independent computation of indicators.csv from the district workbooks (no Swift code).

    python3 scripts/check-indicators.py                       # Input/ (Cần Thơ 2024) -> stdout
    python3 scripts/check-indicators.py --input /tmp/khanh-hoa \\
        --units ../shared/domain/units/units-2023-04-10.csv --out /tmp/khanh-hoa-indicators.csv

Reads every *.xlsx of the input folder with openpyxl (data_only: cached formula values),
applies the default form and catalogue of docs/default-form.md and the rules of docs/sample.md
("What the independent computation counts"), and writes the indicators in the format of
DESIGN.md: unit_code,unit_name,level,indicator,numerator,denominator,rate_percent,
target_percent,met (UTF-8 with BOM). What it left out, and why, goes to stderr (or --findings);
--planted checks that every planted problem of planted.json was found.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
# the repository's copy (a fresh clone has no ../shared), else the shared one
DEFAULT_UNITS = next((p for p in (REPO / "units" / "can-tho-2024-02-01.csv",
                                  REPO.parent / "shared" / "domain" / "units" / "can-tho-2024-02-01.csv") if p.exists()),
                     REPO / "units" / "can-tho-2024-02-01.csv")

# docs/default-form.md ------------------------------------------------------------------------
COMMUNE_FIELDS = {  # id -> (type, max level, header path)
    "cdht_xa_muc": ("level", 2, "Cộng đồng học tập cấp xã > Mức độ công nhận"),
    "gia_dinh_tong": ("count", None, "Gia đình học tập > Tổng số hộ"),
    "gia_dinh_dat": ("count", None, "Gia đình học tập > Số hộ đạt"),
    "dong_ho_tong": ("count", None, "Dòng họ học tập > Tổng số dòng họ"),
    "dong_ho_dat": ("count", None, "Dòng họ học tập > Số dòng họ đạt"),
    "cdht_thon_tong": ("count", None, "Cộng đồng học tập cấp thôn > Tổng số thôn, ấp, tổ dân phố"),
    "cdht_thon_dat": ("count", None, "Cộng đồng học tập cấp thôn > Số được công nhận"),
    "dvht_xa_tong": ("count", None, "Đơn vị học tập > Tổng số đơn vị"),
    "dvht_xa_dat": ("count", None, "Đơn vị học tập > Số được công nhận"),
    "cong_dan_tong": ("count", None, "Công dân học tập > Số người được đánh giá"),
    "cong_dan_dat": ("count", None, "Công dân học tập > Số đạt"),
    "tthtcd_co": ("yesno", None, "Trung tâm học tập cộng đồng > Có trung tâm"),
    "tthtcd_cntt": ("yesno", None, "Trung tâm học tập cộng đồng > Ứng dụng CNTT"),
    "ld_tong": ("count", None, "Người trong độ tuổi lao động > Tổng số"),
    "ld_cntt": ("count", None, "Người trong độ tuổi lao động > Có năng lực CNTT"),
    "ld_ky_nang": ("count", None, "Người trong độ tuổi lao động > Có kỹ năng sống"),
}
DISTRICT_FIELDS = {
    "pc_mam_non": ("yesno", None, "Phổ cập giáo dục mầm non"),
    "pc_tieu_hoc": ("level", 3, "Phổ cập giáo dục tiểu học"),
    "pc_thcs": ("level", 3, "Phổ cập giáo dục THCS"),
    "xmc": ("level", 2, "Xóa mù chữ"),
    "dvht_huyen_tong": ("count", None, "Đơn vị học tập cấp huyện > Tổng số đơn vị"),
    "dvht_huyen_dat": ("count", None, "Đơn vị học tập cấp huyện > Số được công nhận"),
}
PART_OF = {"gia_dinh_dat": "gia_dinh_tong", "dong_ho_dat": "dong_ho_tong", "cdht_thon_dat": "cdht_thon_tong",
           "dvht_xa_dat": "dvht_xa_tong", "cong_dan_dat": "cong_dan_tong", "ld_cntt": "ld_tong",
           "ld_ky_nang": "ld_tong", "dvht_huyen_dat": "dvht_huyen_tong"}
# (id, kind, level it is computed from, definition, target %)
INDICATORS = [
    ("cdht_xa", "share", "commune", ("cdht_xa_muc", lambda v: v >= 1), "80"),
    ("cdht_thon", "ratio", "commune", ("cdht_thon_dat", "cdht_thon_tong"), "80"),
    ("gia_dinh", "ratio", "commune", ("gia_dinh_dat", "gia_dinh_tong"), "75"),
    ("dong_ho", "ratio", "commune", ("dong_ho_dat", "dong_ho_tong"), "70"),
    ("dvht", "ratio", "commune+district", ("dvht_xa_dat", "dvht_xa_tong", "dvht_huyen_dat", "dvht_huyen_tong"), "55.55"),
    ("cong_dan", "ratio", "commune", ("cong_dan_dat", "cong_dan_tong"), "40"),
    ("tthtcd_cntt", "share", "commune", None, "90"),
    ("ld_cntt", "ratio", "commune", ("ld_cntt", "ld_tong"), "90"),
    ("ld_ky_nang", "ratio", "commune", ("ld_ky_nang", "ld_tong"), "90"),
    ("pc_mam_non", "share", "district", ("pc_mam_non", lambda v: v is True), "100"),
    ("pc_tieu_hoc_3", "share", "district", ("pc_tieu_hoc", lambda v: v >= 3), "100"),
    ("pc_thcs_2", "share", "district", ("pc_thcs", lambda v: v >= 2), "100"),
    ("pc_thcs_3", "share", "district", ("pc_thcs", lambda v: v >= 3), "66"),
    ("xmc_2", "share", "district", ("xmc", lambda v: v >= 2), "100"),
]


def fold(s: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFD", str(s)):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append("d" if ch in "đĐ" else ch.lower())
    return " ".join("".join(out).split())


def fold_path(p: str) -> str:
    return " > ".join(fold(x) for x in p.split(">"))


# Unit registry -------------------------------------------------------------------------------
TYPE_WORDS = ["thanh pho", "thi tran", "thi xa", "phuong", "quan", "huyen", "xa", "tinh"]
ABBREV = {"tp": "thanh pho", "tt": "thi tran", "tx": "thi xa", "p": "phuong", "q": "quan", "h": "huyen", "x": "xa"}


def expand(name: str) -> str:
    """Folded name with an abbreviated type word spelled out: 'P. Cái Khế' -> 'phuong cai khe'."""
    f = fold(name)
    m = re.match(r"^(tp|tt|tx|p|q|h|x)\s*\.\s*(.*)$", f)
    if m:
        f = ABBREV[m.group(1)] + " " + m.group(2)
    return " ".join(f.split())


def short(folded: str) -> str:
    for w in TYPE_WORDS:
        if folded.startswith(w + " "):
            return folded[len(w) + 1:]
    return folded


class Registry:
    def __init__(self, path: Path):
        self.communes = {}   # code -> (name, district code)
        self.districts = {}  # code -> (name, province code)
        self.provinces = {}
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.provinces[r["province_code"]] = r["province_name"]
                self.districts[r["district_code"]] = (r["district_name"], r["province_code"])
                self.communes[r["commune_code"]] = (r["commune_name"], r["district_code"])

    def _by_name(self, table, name, scope):
        full = expand(name)
        cands = [c for c, (n, parent) in table.items() if scope(parent) and fold(n) == full]
        if not cands:
            cands = [c for c, (n, parent) in table.items() if scope(parent) and short(fold(n)) == short(full)]
        if len(cands) > 1:  # folding made two names equal: compare with the diacritics
            exact = [c for c in cands if unicodedata.normalize("NFC", table[c][0]).endswith(
                unicodedata.normalize("NFC", str(name)).split(". ", 1)[-1].strip())]
            cands = exact
        return cands[0] if len(cands) == 1 else None

    def commune(self, code, name, province, district):
        """By code; else by name among the workbook's district's communes, then the province's."""
        if code is not None:
            code = str(code).strip()
            if code.isdigit() and len(code) < 5:
                code = code.zfill(5)
            return code if code in self.communes else None
        return (self._by_name(self.communes, name, lambda d: d == district)
                or self._by_name(self.communes, name, lambda d: self.districts[d][1] == province))

    def district(self, code, name, province=None):
        """By code; else by name, within the province when it is known (names repeat across provinces)."""
        if code is not None:
            code = str(code).strip()
            if code.isdigit() and len(code) < 3:
                code = code.zfill(3)
            return code if code in self.districts else None
        return self._by_name(self.districts, name, lambda p: province is None or p == province)


# Values --------------------------------------------------------------------------------------
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
MISSING = object()


class Bad(Exception):
    def __init__(self, msg, rule="not-a-number"):
        super().__init__(msg)
        self.rule = rule


def parse(value, kind, max_level, field_id):
    """-> value, MISSING, or raises Bad(reason)."""
    if value is None:
        return MISSING
    if isinstance(value, str):
        s = " ".join(value.split())
        if s in ("", "-", "x", "X"):
            return MISSING if kind != "yesno" or s in ("", "-") else True
    if kind == "count":
        if isinstance(value, bool):
            raise Bad("not a count", "not-a-number")
        if isinstance(value, (int, float)):
            if value != int(value):
                raise Bad(f"not a whole number: {value}", "fractional-count")
            n = int(value)
        else:
            if "%" in s:
                raise Bad(f"a percentage in a count column: {s}", "percent-in-count")
            if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", s) or re.fullmatch(r"-?\d{1,3}(,\d{3})+", s):
                n = int(re.sub(r"[.,]", "", s))
            elif re.fullmatch(r"-?\d+", s):
                n = int(s)
            else:
                raise Bad(f"not a number: {s!r}")
        if n < 0:
            raise Bad(f"negative count: {n}", "negative-count")
        return n
    if kind == "level":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != int(value):
                raise Bad(f"not a level: {value}", "level-not-recognised")
            n = int(value)
        else:
            f = fold(s)
            m = re.fullmatch(r"(?:muc do|muc)?\s*([0-9]+|[ivx]+)", f)
            if field_id == "cdht_xa_muc" and f in ("kha", "tot"):
                n = 1 if f == "kha" else 2
            elif m:
                t = m.group(1)
                n = int(t) if t.isdigit() else ROMAN.get(t.upper(), -1)
            else:
                raise Bad(f"not a level: {s!r}", "level-not-recognised")
        if not 0 <= n <= max_level:
            raise Bad(f"level {n} out of range 0-{max_level}", "level-out-of-range")
        return n
    if kind == "yesno":
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            if value in (0, 1):
                return value == 1
            raise Bad(f"not yes/no: {value}", "yes-no-not-recognised")
        f = fold(s)
        if f in ("co", "dat", "x", "1"):
            return True
        if f in ("khong", "chua dat", "0"):
            return False
        raise Bad(f"not yes/no: {s!r}", "yes-no-not-recognised")
    raise AssertionError(kind)


# Sheets --------------------------------------------------------------------------------------
def grid(ws):
    """Cell values with merged ranges filled from their top-left cell (for the header only)."""
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[(c.row, c.column)] = c.value
    merged = {}
    for rng in ws.merged_cells.ranges:
        v = cells.get((rng.min_row, rng.min_col))
        for r in range(rng.min_row, rng.max_row + 1):
            for cc in range(rng.min_col, rng.max_col + 1):
                merged[(r, cc)] = (v, (rng.min_row, rng.min_col))
    return cells, merged


def read_table(ws, fields):
    cells, merged = grid(ws)
    header = None
    for r in range(1, 31):
        if any(isinstance(v, str) and fold(v) == "ten don vi" for (rr, _), v in cells.items() if rr == r):
            header = r
            break
    if header is None:
        raise Bad("no header row with 'Tên đơn vị' in the first 30 rows")
    max_c = max(c for (_, c) in cells)
    aliases = {fold_path(p): fid for fid, (_, _, p) in fields.items()}
    cols, ident = {}, {}
    for c in range(1, max_c + 1):
        top = merged.get((header, c), (cells.get((header, c)), None))[0]
        below_m = merged.get((header + 1, c))
        below = cells.get((header + 1, c))
        if below_m and below_m[1][0] == header:  # merged down from the header row: a single header
            below = None
        parts = [fold(x) for x in (top, below) if isinstance(x, str) and x.strip()]
        path = " > ".join(parts)
        if path in ("stt", "ma don vi", "ten don vi"):
            ident[path] = c
        elif path in aliases:
            cols[aliases[path]] = c
    missing = set(fields) - set(cols)
    if missing:
        raise Bad(f"columns not found: {sorted(missing)}")
    rows = []
    started = False
    last_r = max(r for (r, _) in cells)
    for r in range(header + 2, last_r + 1):
        if not any((r, c) in cells for c in range(1, max_c + 1)):
            if started:
                break  # the table ends at its first empty row (a signature block may follow)
            continue
        started = True
        rows.append((r, {k: cells.get((r, c)) for k, c in ident.items()},
                      {fid: (cells.get((r, c)), f"{openpyxl.utils.get_column_letter(c)}{r}") for fid, c in cols.items()}))
    return rows, ident


def is_subtotal(name):
    f = fold(name or "")
    return f.startswith(("cong", "tong cong", "tong so"))


# Main ----------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", default=str(REPO / "Input"))
    ap.add_argument("--units", default=str(DEFAULT_UNITS))
    ap.add_argument("--province", help="province code (default: the province of the workbooks' districts)")
    ap.add_argument("--out", default="-", help="CSV path, or - for stdout (default)")
    ap.add_argument("--findings", help="write what was left out, and why, to this JSON file (default: stderr)")
    ap.add_argument("--planted", help="planted.json: check that every planted problem was found")
    ap.add_argument("--compare", help="another indicators.csv (the pipeline's): report every row that differs "
                                      "in numerator, denominator, rate or met, keyed by unit_code and indicator; exit 1 if any")
    args = ap.parse_args(argv)

    reg = Registry(Path(args.units))
    findings = []

    def find(file, sheet, cell, rule, msg, unit=None, field=None):
        findings.append(dict(file=file, sheet=sheet, cell=cell, rule=rule, unit=unit, field=field, message=msg))

    commune_vals = {}   # code -> {field: value or None}
    district_vals = {}  # code -> {field: value or None}
    seen_at = {}
    province = args.province
    files = sorted(p for p in Path(args.input).glob("*.xlsx") if not p.name.startswith("~$"))
    for path in files:
        fn = path.name
        wb = openpyxl.load_workbook(path, data_only=True)
        wbf = openpyxl.load_workbook(path, data_only=False)  # to tell a formula with no cached value
        sheets = {fold(n): wb[n] for n in wb.sheetnames}
        if "cap huyen" not in sheets or "cap xa" not in sheets:
            find(fn, None, None, "missing_sheet", "no 'Cấp xã' or 'Cấp huyện' sheet")
            continue
        # the district
        try:
            drows, dident = read_table(sheets["cap huyen"], DISTRICT_FIELDS)
        except Bad as e:
            find(fn, "Cấp huyện", None, "unreadable", str(e))
            continue
        dcode = None
        for r, ident, vals in drows:
            code = ident.get("ma don vi")
            dcode = reg.district(code, ident.get("ten don vi"), args.province or province)
            if dcode is None:
                find(fn, "Cấp huyện", f"C{r}", "unit-unknown", f"unknown district {ident}")
                continue
            if province is None:
                province = reg.districts[dcode][1]
            dv = {}
            for fid, (raw, cell) in vals.items():
                kind, mx, _ = DISTRICT_FIELDS[fid]
                try:
                    v = parse(raw, kind, mx, fid)
                    dv[fid] = None if v is MISSING else v
                    if v is MISSING:
                        find(fn, "Cấp huyện", cell, "required-missing", f"{fid} missing", dcode, fid)
                except Bad as e:
                    dv[fid] = None
                    find(fn, "Cấp huyện", cell, e.rule, f"{fid}: {e}", dcode, fid)
            check_parts(dv, vals, fn, "Cấp huyện", dcode, find)
            district_vals[dcode] = dv
            break
        if dcode is None:
            continue
        # the communes
        try:
            rows, ident_cols = read_table(sheets["cap xa"], COMMUNE_FIELDS)
            formulas = wbf[sheets["cap xa"].title]
        except Bad as e:
            find(fn, "Cấp xã", None, "unreadable", str(e))
            continue
        name_col = openpyxl.utils.get_column_letter(ident_cols["ten don vi"])
        for r, ident, vals in rows:
            name = ident.get("ten don vi")
            has_values = any(v is not None for v, _ in vals.values())
            if is_subtotal(name):
                continue
            if not has_values and reg.district(ident.get("ma don vi"), name, province):
                continue  # a group row: the district's name over its communes
            code = reg.commune(ident.get("ma don vi"), name, province, dcode)
            where = f"{name_col}{r}"
            if code is None:
                find(fn, "Cấp xã", where, "unit-unknown", f"unknown commune {name!r}")
                continue
            if reg.communes[code][1] != dcode:
                find(fn, "Cấp xã", where, "wrong-district", f"{code} belongs to district {reg.communes[code][1]}, not {dcode}", code)
                continue
            if code in seen_at:
                find(fn, "Cấp xã", where, "duplicate-unit", f"{code} already reported at {seen_at[code]}", code)
                continue
            seen_at[code] = f"{fn} {where}"
            cv = {}
            for fid, (raw, cell) in vals.items():
                kind, mx, _ = COMMUNE_FIELDS[fid]
                if raw is None and isinstance(formulas[cell].value, str) and formulas[cell].value.startswith("="):
                    cv[fid] = None
                    find(fn, "Cấp xã", cell, "formula-without-value", f"{fid}: formula {formulas[cell].value} has no cached value", code, fid)
                    continue
                try:
                    v = parse(raw, kind, mx, fid)
                    cv[fid] = None if v is MISSING else v
                    if v is MISSING:
                        find(fn, "Cấp xã", cell, "required-missing", f"{fid} missing", code, fid)
                except Bad as e:
                    cv[fid] = None
                    find(fn, "Cấp xã", cell, e.rule, f"{fid}: {e}", code, fid)
            check_parts(cv, vals, fn, "Cấp xã", code, find)
            commune_vals[code] = cv
        check_subtotals(rows, ident_cols, fn, find)

    if province is None:
        sys.exit("check-indicators: no district found in the input")
    districts = sorted(d for d, (_, p) in reg.districts.items() if p == province)
    communes = sorted(c for c, (_, d) in reg.communes.items() if d in districts)
    for c in communes:
        if c not in commune_vals:
            find(None, "Cấp xã", None, "unit-missing", f"{c} {reg.communes[c][0]} sent no row", c)

    out_rows = []
    prov_acc = {i[0]: [0, 0, 0] for i in INDICATORS}
    district_rows, commune_rows = [], []
    for d in districts:
        acc = {i[0]: [0, 0, 0] for i in INDICATORS}
        for c in (c for c in communes if reg.communes[c][1] == d):
            cacc = {}
            for ind in INDICATORS:
                if ind[2] == "district":
                    continue
                cacc[ind[0]] = contribution(ind, commune_vals.get(c), None)
                for j in range(3):
                    acc[ind[0]][j] += cacc[ind[0]][j]
            for ind in INDICATORS:
                if ind[0] in cacc:
                    commune_rows.append(row(c, reg.communes[c][0], "commune", ind, cacc[ind[0]]))
        dv = district_vals.get(d)
        for ind in INDICATORS:
            if ind[2] != "commune":
                for j, v in enumerate(contribution(ind, None, dv)):
                    acc[ind[0]][j] += v
            district_rows.append(row(d, reg.districts[d][0], "district", ind, acc[ind[0]]))
            for j in range(3):
                prov_acc[ind[0]][j] += acc[ind[0]][j]
    for ind in INDICATORS:
        out_rows.append(row(province, reg.provinces[province], "province", ind, prov_acc[ind[0]]))
    out_rows += district_rows + commune_rows

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["unit_code", "unit_name", "level", "indicator", "numerator", "denominator", "rate_percent", "target_percent", "met"])
    w.writerows(out_rows)
    text = "\ufeff" + buf.getvalue()
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")

    if args.findings:
        Path(args.findings).write_text(json.dumps(findings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        for f in findings:
            print(f"check-indicators: {f['rule']:18s} {f['file']} {f['sheet']} {f['cell']}: {f['message']}", file=sys.stderr)
    if args.compare:
        differences = compare(out_rows, Path(args.compare))
        for d in differences:
            print(f"check-indicators: differs: {d}", file=sys.stderr)
        print(f"check-indicators: {len(differences)} differences with {args.compare}", file=sys.stderr)
        if differences:
            sys.exit(1)
    if args.planted:
        planted = json.loads(Path(args.planted).read_text(encoding="utf-8"))["planted"]
        missed = [p for p in planted if not any(matches(p, f) for f in findings)]
        for p in missed:
            print(f"check-indicators: planted problem NOT found: {p}", file=sys.stderr)
        print(f"check-indicators: {len(planted) - len(missed)}/{len(planted)} planted problems found, "
              f"{len(findings)} findings", file=sys.stderr)
        if missed:
            sys.exit(1)


def compare(rows, path: Path):
    """Differences between our rows and another indicators.csv: values compared as numbers."""
    def key_rows(rs):
        return {(r[0], r[3]): r for r in rs}
    with open(path, newline="", encoding="utf-8-sig") as f:
        theirs = key_rows([[c.strip() for c in r] for r in list(csv.reader(f))[1:] if r])
    ours = key_rows([[str(c) for c in r] for r in rows])
    out = []
    for k in sorted(set(ours) | set(theirs)):
        a, b = ours.get(k), theirs.get(k)
        if a is None or b is None:
            out.append(f"{k}: only in {'theirs' if a is None else 'ours'}")
            continue
        for i, name in ((4, "numerator"), (5, "denominator"), (6, "rate_percent"), (7, "target_percent"), (8, "met")):
            x, y = a[i], b[i]
            try:
                same = (x == y) or (x != "" and y != "" and Fraction(x) == Fraction(y))
            except ValueError:
                same = False
            if not same:
                out.append(f"{k} {name}: ours {x!r}, theirs {y!r}")
    return out


def matches(p, f):
    if p["cell"] is None:
        return f["rule"] == "unit-missing" and f["unit"] == p["unit"]
    return (f["file"], f["sheet"], f["cell"], f["rule"]) == (p["file"], p["sheet"], p["cell"], p["rule"])


def check_parts(vals, raw, fn, sheet, unit, find):
    """A part above its whole: both values are left out (the pair is not trusted)."""
    for part, whole in PART_OF.items():
        if part in vals and whole in vals and vals[part] is not None and vals[whole] is not None \
                and vals[part] > vals[whole]:
            find(fn, sheet, raw[part][1], "numerator-above-denominator", f"{part} {vals[part]} > {whole} {vals[whole]}", unit, part)
            vals.setdefault("_bad_pairs", set()).add((part, whole))


def check_subtotals(rows, ident_cols, fn, find):
    """A subtotal row is compared with the sum of the rows above it (as written)."""
    start = 0
    for i, (r, ident, vals) in enumerate(rows):
        if not is_subtotal(ident.get("ten don vi")):
            continue
        for fid, (raw, cell) in vals.items():
            if COMMUNE_FIELDS[fid][0] != "count" or raw is None:
                continue
            total = 0
            for _, id2, v2 in rows[start:i]:
                x = v2[fid][0]
                try:
                    n = parse(x, "count", None, fid)
                    total += 0 if n is MISSING else n
                except Bad:
                    if isinstance(x, (int, float)) and not isinstance(x, bool):
                        total += int(x)
            try:
                written = parse(raw, "count", None, fid)
            except Bad:
                written = raw
            if written != total:
                find(fn, "Cấp xã", cell, "subtotal-mismatch", f"subtotal {fid} {written} != sum of rows {total}", None, fid)
        start = i + 1


def contribution(ind, cv, dv):
    """(numerator, denominator, reported) of one commune (cv) or one district's own row (dv).
    reported is 0 when the unit gave no usable value: such a unit is left out, never counted as 0/0."""
    iid, kind, level, defn, _ = ind
    vals = cv if cv is not None else dv
    if vals is None:
        return (0, 0, 0)
    bad = vals.get("_bad_pairs", set())
    if iid == "tthtcd_cntt":
        if vals.get("tthtcd_co") is True and vals.get("tthtcd_cntt") is not None:
            return (1 if vals["tthtcd_cntt"] else 0, 1, 1)
        # A commune that reported having no centre is outside the share: 0 of 0, not missing.
        return (0, 0, 1) if vals.get("tthtcd_co") is False else (0, 0, 0)
    if kind == "share":
        fid, cond = defn
        v = vals.get(fid)
        return (0, 0, 0) if v is None else (1 if cond(v) else 0, 1, 1)
    pairs = [(defn[0], defn[1])]
    if iid == "dvht":
        pairs = [(defn[0], defn[1])] if cv is not None else [(defn[2], defn[3])]
    n = m = k = 0
    for num, den in pairs:
        if num not in vals:
            continue
        a, b = vals.get(num), vals.get(den)
        if a is None or b is None or (num, den) in bad:
            continue
        n += a
        m += b
        k = 1
    return (n, m, k)


def row(code, name, level, ind, acc):
    iid, _, _, _, target = ind
    n, m, k = acc
    if k == 0:
        # Nothing below the unit reported this indicator: missing, not 0/0.
        return [code, name, level, iid, "", "", "", target, ""]
    if m == 0:
        rate = met = ""
    else:
        q = Fraction(n * 100, m)
        rate = str((Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
        met = "1" if q >= Fraction(target) else "0"
    return [code, name, level, iid, n, m, rate, target, met]


if __name__ == "__main__":
    main()
