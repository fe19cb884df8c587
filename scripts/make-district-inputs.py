#!/usr/bin/env python3
"""A multi-file input for measuring runs over many workbooks (docs/performance.md, "Many
files"): one workbook per district of the 2023 national list, each holding that district's
communes in the form of scripts/make-bench-districts.py (sheet "Cấp xã", merged title and
header, text numbers and levels), and a pipeline.yml for the whole country beside them.

    python3 scripts/make-district-inputs.py /tmp/many-500 500      # the first 500 districts
    cd /tmp/many-500 && xhht run --date 2024-12-05

OUTDIR gets Input/ (the workbooks, named huyen-<code>.xlsx), units/ (the national list),
Templates/ (a copy of the repository's) and pipeline.yml (the repository's, with
agency.unitCode "VN", paths.units the national list and no lineage). Until the national
benchmark's generator lands, this is the many-files input of the incremental-run figures.
"""
import csv
import os
import re
import runpy
import shutil
import sys
import tempfile

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/many-districts"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
units = next((p for p in ("/work/shared/domain/units/units-2023-04-10.csv",
                          os.path.join(repo, "../shared/domain/units/units-2023-04-10.csv")) if os.path.exists(p)), None)
if units is None:
    sys.exit("make-district-inputs: units-2023-04-10.csv not found")

rows = list(csv.DictReader(open(units, encoding="utf-8")))
districts = []
for row in rows:
    if not districts or districts[-1][0] != row["district_code"]:
        districts.append((row["district_code"], []))
    districts[-1][1].append(row)
districts = districts[:count]

os.makedirs(os.path.join(out, "Input"), exist_ok=True)
os.makedirs(os.path.join(out, "units"), exist_ok=True)
shutil.copy(units, os.path.join(out, "units", "units-2023-04-10.csv"))
if not os.path.exists(os.path.join(out, "Templates")):
    shutil.copytree(os.path.join(repo, "Templates"), os.path.join(out, "Templates"))

with open(os.path.join(repo, "pipeline.yml"), encoding="utf-8") as f:
    config = f.read()
config = re.sub(r'unitCode: "92"', 'unitCode: "VN"', config)
config = re.sub(r"units: units/can-tho-2024-02-01.csv", "units: units/units-2023-04-10.csv", config)
config = re.sub(r"  lineage:\n(    - .*\n)+", "  lineage: []\n", config)
with open(os.path.join(out, "pipeline.yml"), "w", encoding="utf-8") as f:
    f.write(config)

# make-bench-districts.py writes the first N communes of a list: give it each district's.
generator = os.path.join(here, "make-bench-districts.py")
with tempfile.TemporaryDirectory() as tmp:
    for code, communes in districts:
        listing = os.path.join(tmp, f"{code}.csv")
        with open(listing, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(communes[0].keys()))
            writer.writeheader()
            writer.writerows(communes)
        sys.argv = [generator, os.path.join(out, "Input", f"huyen-{code}.xlsx"), str(len(communes)), listing]
        runpy.run_path(generator, run_name="__main__")
print(f"{out}: {len(districts)} workbooks, {sum(len(c) for _, c in districts)} communes")
