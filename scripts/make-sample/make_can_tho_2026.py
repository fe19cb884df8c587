#!/usr/bin/env python3
"""The second sample: the new Cần Thơ (92) after the reform of 1 July 2025, with its history.

    python3 scripts/make-sample/make_can_tho_2026.py --out samples/can-tho-2026

ALL VALUES ARE INVENTED (seeded: the same command makes the same workbooks); the names and
codes are the official lists'. Two eras:

- 2023 and 2024, before the reform: the workbooks of the three provinces that merged into the
  new Cần Thơ (Cần Thơ 92, Hậu Giang 93, Sóc Trăng 94), one per district, from
  samples/can-tho-2026/units/former-provinces-2025-03-01.csv (the three provinces' rows of the
  list of 1 March 2025; used for both years to keep the sample small), made by make_sample.py
  (with its planted mistakes: the Department sees findings, as in real workbooks);
- 2025 and 2026, after it: one workbook per commune of the 103 communes of
  units/communes-2025-07-01.csv, made by make_post_reform_province.py.

It writes OUT/Input-<year>/ for each year and OUT/expected.json: for each year, the city's
numerator and denominator of each indicator, computed here without xhht (scripts/check-indicators.py
per former province, summed; the post-reform generator's own sums), for a test to compare with
the 2026 review's trends.csv.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OLD_YEARS = (2023, 2024)
NEW_YEARS = (2025, 2026)
FORMER = ("92", "93", "94")


def run(args: list[str]) -> None:
    done = subprocess.run([sys.executable] + args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args[:1])} failed:\n{done.stderr}")


def city_sums(csv_path: Path, unit: str) -> dict[str, list[int]]:
    import csv
    out: dict[str, list[int]] = {}
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["unit_code"] == unit and row["numerator"] and row["denominator"]:
                out[row["indicator"]] = [int(row["numerator"]), int(row["denominator"])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(REPO / "samples/can-tho-2026"))
    args = ap.parse_args()
    out = Path(args.out)
    former_list = out / "units/former-provinces-2025-03-01.csv"
    if not former_list.exists():
        former_list = REPO / "samples/can-tho-2026/units/former-provinces-2025-03-01.csv"
    expected: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for year in OLD_YEARS:
            folder = out / f"Input-{year}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            sums: dict[str, list[int]] = {}
            for province in FORMER:
                made = scratch / f"{year}-{province}"
                run([str(HERE / "make_sample.py"), "--province", province, "--units", str(former_list), "--year", str(year),
                     "--seed", str(year * 100 + int(province)), "--producer", "openpyxl", "--out", str(made),
                     "--planted", str(scratch / f"planted-{year}-{province}.json")])
                truth = scratch / f"truth-{year}-{province}.csv"
                run([str(REPO / "scripts/check-indicators.py"), "--input", str(made), "--units", str(former_list),
                     "--province", province, "--out", str(truth), "--findings", str(scratch / f"findings-{year}-{province}.json")])
                for indicator, (n, d) in city_sums(truth, province).items():
                    s = sums.setdefault(indicator, [0, 0])
                    s[0] += n
                    s[1] += d
                for xlsx in made.glob("*.xlsx"):
                    shutil.copy(xlsx, folder / xlsx.name)
            expected[str(year)] = sums
        for year in NEW_YEARS:
            made = scratch / f"new-{year}" / "Input"
            run([str(HERE / "make_post_reform_province.py"), "--units", str(REPO / "units/communes-2025-07-01.csv"),
                 "--province", "92", "--year", str(year), "--seed", str(year), "--out", str(made)])
            folder = out / f"Input-{year}"
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(made, folder)
            expected[str(year)] = json.loads((made.parent / "expected.json").read_text(encoding="utf-8"))["indicators"]
    (out / "expected.json").write_text(json.dumps({"note": "SỐ LIỆU MINH HỌA (invented)", "city": "92", "years": expected},
                                                  indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
