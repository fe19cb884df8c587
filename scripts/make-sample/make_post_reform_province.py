#!/usr/bin/env python3
"""A province after the reform of 1 July 2025, made for tests: one workbook per commune.

    python3 make_post_reform_province.py --units units/communes-2025-07-01.csv --province 92 \
        --year 2026 --seed 7 --out /tmp/p/Input

Every commune of the province in the list (communes-2025-07-01.csv: no district columns) gets
its own workbook, `<code>.xlsx`, with one sheet "Cấp xã" holding one row: the commune itself,
with invented values (seeded, so the same arguments make the same files) for every column of
the default form, the commune's own universal-education and literacy columns included
(pc_mam_non_xa, pc_tieu_hoc_xa, pc_thcs_xa, xmc_xa: docs/default-form.md). Values are
INVENTED; the names and codes are the official list's.

Beside the folder it writes expected.json: for each indicator of the default catalogue that
applies without districts, the province's numerator and denominator as summed here, for the
test to compare with indicators.csv.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import unicodedata
from pathlib import Path

import openpyxl

# (field id, header written in the workbook: one of the field's aliases in pipeline.yml)
COLUMNS = [
    ("cdht_xa_muc", "Mức độ CĐHT cấp xã"),
    ("gia_dinh_tong", "Tổng số hộ gia đình"),
    ("gia_dinh_dat", "Số hộ đạt GĐHT"),
    ("dong_ho_tong", "Tổng số dòng họ"),
    ("dong_ho_dat", "Số dòng họ đạt DHHT"),
    ("cdht_thon_tong", "Tổng số thôn, ấp, tổ dân phố"),
    ("cdht_thon_dat", "Số thôn, ấp, tổ dân phố đạt CĐHT"),
    ("dvht_xa_tong", "Tổng số cơ quan, đơn vị"),
    ("dvht_xa_dat", "Số đơn vị đạt ĐVHT"),
    ("cong_dan_tong", "Tổng số người được đánh giá"),
    ("cong_dan_dat", "Số người đạt CDHT"),
    ("tthtcd_co", "Có TTHTCĐ"),
    ("tthtcd_cntt", "TTHTCĐ ứng dụng CNTT"),
    ("ld_tong", "Tổng số người trong độ tuổi lao động"),
    ("ld_cntt", "Có năng lực CNTT"),
    ("ld_ky_nang", "Có kỹ năng sống"),
    ("pc_mam_non_xa", "PCGD mầm non"),
    ("pc_tieu_hoc_xa", "PCGD tiểu học"),
    ("pc_thcs_xa", "PCGD THCS"),
    ("xmc_xa", "XMC"),
]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def values(rng: random.Random) -> dict:
    def part(whole: int, low: float) -> int:
        return int(whole * rng.uniform(low, 1.0))

    v = {"cdht_xa_muc": rng.choice([0, 1, 1, 2, 2])}
    v["gia_dinh_tong"] = rng.randint(1500, 9000); v["gia_dinh_dat"] = part(v["gia_dinh_tong"], 0.6)
    v["dong_ho_tong"] = rng.randint(20, 300); v["dong_ho_dat"] = part(v["dong_ho_tong"], 0.5)
    v["cdht_thon_tong"] = rng.randint(5, 25); v["cdht_thon_dat"] = part(v["cdht_thon_tong"], 0.6)
    v["dvht_xa_tong"] = rng.randint(5, 40); v["dvht_xa_dat"] = part(v["dvht_xa_tong"], 0.5)
    v["cong_dan_tong"] = rng.randint(3000, 20000); v["cong_dan_dat"] = part(v["cong_dan_tong"], 0.3)
    v["tthtcd_co"] = rng.random() < 0.9
    v["tthtcd_cntt"] = v["tthtcd_co"] and rng.random() < 0.8
    v["ld_tong"] = rng.randint(5000, 30000)
    v["ld_cntt"] = part(v["ld_tong"], 0.7); v["ld_ky_nang"] = part(v["ld_tong"], 0.7)
    v["pc_mam_non_xa"] = rng.random() < 0.95
    v["pc_tieu_hoc_xa"] = rng.choice([2, 3, 3, 3])
    v["pc_thcs_xa"] = rng.choice([1, 2, 2, 3])
    v["xmc_xa"] = rng.choice([1, 2, 2, 2])
    return v


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", required=True, help="communes-2025-07-01.csv")
    ap.add_argument("--province", required=True)
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="the Input folder to fill")
    args = ap.parse_args(argv)

    with open(args.units, encoding="utf-8-sig", newline="") as f:
        communes = [r for r in csv.DictReader(f) if r["province_code"].zfill(2) == args.province.zfill(2)]
    if not communes:
        raise SystemExit(f"no commune of province {args.province} in {args.units}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    rows = []
    for c in communes:
        v = values(rng)
        rows.append(v)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Cấp xã"
        ws.append([nfc(f"BIỂU TỔNG HỢP XÃ HỘI HỌC TẬP NĂM {args.year} (SỐ LIỆU MINH HỌA)")])
        ws.append(["STT", "Mã đơn vị", "Tên đơn vị"] + [h for _, h in COLUMNS])
        cells = []
        for fid, _ in COLUMNS:
            x = v[fid]
            cells.append(("Có" if x else "Không") if fid in ("tthtcd_co", "tthtcd_cntt")
                         else ("Đạt" if x else "Chưa đạt") if fid == "pc_mam_non_xa" else x)
        ws.append([1, c["commune_code"].zfill(5), nfc(c["commune_name"])] + cells)
        wb.save(out / f"{c['commune_code'].zfill(5)}.xlsx")

    def total(fid):
        return sum(int(r[fid]) for r in rows)

    n = len(rows)
    expected = {
        "cdht_xa": [sum(r["cdht_xa_muc"] >= 1 for r in rows), n],
        "cdht_thon": [total("cdht_thon_dat"), total("cdht_thon_tong")],
        "gia_dinh": [total("gia_dinh_dat"), total("gia_dinh_tong")],
        "dong_ho": [total("dong_ho_dat"), total("dong_ho_tong")],
        "dvht": [total("dvht_xa_dat"), total("dvht_xa_tong")],
        "cong_dan": [total("cong_dan_dat"), total("cong_dan_tong")],
        "tthtcd_cntt": [sum(bool(r["tthtcd_cntt"]) for r in rows if r["tthtcd_co"]), sum(bool(r["tthtcd_co"]) for r in rows)],
        "ld_cntt": [total("ld_cntt"), total("ld_tong")],
        "ld_ky_nang": [total("ld_ky_nang"), total("ld_tong")],
        "pc_mam_non_xa": [sum(bool(r["pc_mam_non_xa"]) for r in rows), n],
        "pc_tieu_hoc_3_xa": [sum(r["pc_tieu_hoc_xa"] >= 3 for r in rows), n],
        "pc_thcs_2_xa": [sum(r["pc_thcs_xa"] >= 2 for r in rows), n],
        "xmc_2_xa": [sum(r["xmc_xa"] >= 2 for r in rows), n],
    }
    (out.parent / "expected.json").write_text(json.dumps({"communes": n, "indicators": expected}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
