#!/usr/bin/env python3
"""Read benchmark: xhht against python-calamine, fastexcel and openpyxl, side by side.

    python3 scripts/bench-read.py [XHHT] [--reps 5] [--rows 100000] [--readers xhht,calamine,...]
                                  [--scaling] [--callgrind] [--json OUT.json]

XHHT defaults to .build/release/xhht (`make bench` builds it first). The 1,000,000-cell
workbook (100,000 rows x 10 columns, mixed numbers and short shared strings) is written
once by scripts/make-big-workbook.py and cached in .build-bench/workbooks/ (git-ignored).

Every reader runs as a whole separate process (interpreter start-up and imports count, as
they do for a user), the readers alternate within each repetition (the order rotates), and
the table shows medians: wall time, CPU time (user+sys), cells/s (cells / median wall) and
peak RSS (the child's ru_maxrss from os.wait4). The machine is noisy: compare figures from
one run, never across runs.

    xhht       XHHT cells --summary FILE
    calamine   CalamineWorkbook.from_path(p).get_sheet_by_index(0).to_python()     (pip: python-calamine)
    fastexcel  fastexcel.read_excel(p).load_sheet(0, header_row=None)              (pip: fastexcel)
    openpyxl   load_workbook(p, read_only=True), every value of every row          (pip: openpyxl)

--scaling  runs xhht on 10k, 100k and 1M-row variants (a fixed pool of 1,000 unit names, so
           only the sheet grows) and on 10k/100k-row variants with a name per row (the shared
           string table grows with the rows): peak RSS must stay flat in the first series.
--callgrind counts xhht's instructions once under valgrind (noise-free) and lists the top
           functions (callgrind_annotate).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(ROOT, ".build-bench", "workbooks")
COLS = 10

PY_READERS = {
    "calamine": """
import sys, json
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(json.dumps({"cells": len(rows) * (len(rows[0]) if rows else 0)}))  # shape: no extra pass
""",
    "fastexcel": """
import sys, json
import fastexcel
df = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=None)
print(json.dumps({"cells": df.height * df.width}))
""",
    "openpyxl": """
import sys, json
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None:
                n += 1
wb.close()
print(json.dumps({"cells": n}))
""",
}
ORDER = ["xhht", "calamine", "fastexcel", "openpyxl"]


def workbook(rows, pool=0):
    os.makedirs(CACHE, exist_ok=True)
    name = "big-%dx10%s.xlsx" % (rows, "-pool%d" % pool if pool else "")
    path = os.path.join(CACHE, name)
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "make-big-workbook.py"), path,
                        "--rows", str(rows), "--pool", str(pool)], check=True)
    return path


def command(reader, xhht, path):
    if reader == "xhht":
        return [xhht, "cells", "--summary", path]
    return [sys.executable, "-c", PY_READERS[reader], path]


def run(cmd):
    """Runs one whole process; returns wall s, cpu s, peak RSS MiB, exit status, stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024.0,
                "status": p.returncode, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def cells_reported(reader, stdout):
    """The non-empty cell count the reader printed (xhht's summary is read loosely)."""
    if reader != "xhht":
        try:
            return json.loads(stdout.strip().splitlines()[-1])["cells"]
        except Exception:
            return None
    try:  # a JSON summary: {"cells": N, ...} or {"cells": {"total": N, ...}}
        o = json.loads(stdout)
        c = o.get("cells")
        if isinstance(c, int):
            return c
        if isinstance(c, dict):
            return c.get("total", sum(v for v in c.values() if isinstance(v, int)))
    except Exception:
        pass
    m = re.search(r"cells\D{0,20}?(\d[\d,_ ]*)", stdout, re.I) or \
        re.search(r"(\d[\d,_]*)\s*cells", stdout, re.I)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


def mib(x):
    return "%.0f MiB" % x


def bench(readers, xhht, path, cells, reps):
    results = {r: [] for r in readers}
    check = {}
    for rep in range(reps):
        order = readers[rep % len(readers):] + readers[:rep % len(readers)]
        for r in order:
            res = run(command(r, xhht, path))
            if res["status"] != 0:
                sys.exit("%s failed (exit %d):\n%s%s" % (r, res["status"], res["stdout"][-2000:],
                                                         res["stderr"][-2000:]))
            check[r] = cells_reported(r, res["stdout"])
            results[r].append(res)
            print("  rep %d %-9s %6.2f s  %s" % (rep + 1, r, res["wall"], mib(res["rss"])),
                  file=sys.stderr, flush=True)
    rows = {}
    for r in readers:
        w = statistics.median(x["wall"] for x in results[r])
        rows[r] = {"wall_s": w,
                   "wall_min_s": min(x["wall"] for x in results[r]),
                   "cpu_s": statistics.median(x["cpu"] for x in results[r]),
                   "rss_mib": statistics.median(x["rss"] for x in results[r]),
                   "cells_per_s": cells / w,
                   "cells_reported": check[r]}
    return rows


def callgrind(xhht, path, top=20):
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "callgrind.out")
        # Valgrind 3.19 gives up on the DWARF of Swift 6.3 binaries ("Possibly corrupted
        # debuginfo file"): profile a copy without debug info (the symbol table stays).
        binary = os.path.join(d, "xhht")
        shutil.copy(xhht, binary)
        if shutil.which("objcopy"):
            subprocess.run(["objcopy", "--strip-debug", binary], check=True)
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                            binary, "cells", "--summary", path],
                           capture_output=True, text=True)
        m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
        total = int(m.group(1)) if m else None
        ann = ""
        if shutil.which("callgrind_annotate") and os.path.exists(out):
            a = subprocess.run(["callgrind_annotate", "--inclusive=no", out],
                               capture_output=True, text=True)
            lines = [l for l in a.stdout.splitlines() if re.match(r"\s*[\d,]+ \(", l)]
            ann = "\n".join(l.rstrip()[:160] for l in lines[1:top + 1])
        return total, ann


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("xhht", nargs="?", default=os.path.join(ROOT, ".build", "release", "xhht"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--readers", default=",".join(ORDER))
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    readers = [r.strip() for r in a.readers.split(",") if r.strip()]
    for r in readers:
        if r not in ORDER:
            sys.exit("unknown reader %r (known: %s)" % (r, ", ".join(ORDER)))
    if "xhht" in readers and not os.access(a.xhht, os.X_OK):
        sys.exit("no xhht binary at %s: build it (swift build -c release --product xhht) "
                 "or pass its path" % a.xhht)
    for r in readers:
        if r != "xhht":
            mod = {"calamine": "python_calamine"}.get(r, r)
            if subprocess.run([sys.executable, "-c", "import " + mod]).returncode != 0:
                sys.exit("%s is not installed: pip install %s" % (
                    r, {"calamine": "python-calamine"}.get(r, r)))

    path = workbook(a.rows)
    cells = a.rows * COLS
    report = {"machine": machine(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
              "file": os.path.relpath(path, ROOT), "cells": cells, "reps": a.reps,
              "xhht": os.path.relpath(os.path.abspath(a.xhht), ROOT)}
    print("%s: %d cells (%d rows x %d), %.1f MB; %s; %d reps, readers alternate" % (
        report["file"], cells, a.rows, COLS, os.path.getsize(path) / 1e6, report["machine"], a.reps))
    rows = bench(readers, a.xhht, path, cells, a.reps)
    report["readers"] = rows
    print()
    print("| reader | median wall | min wall | median CPU | cells/s | peak RSS | cells read |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in readers:
        x = rows[r]
        print("| %s | %.3f s | %.3f s | %.3f s | %s | %s | %s |" % (
            r, x["wall_s"], x["wall_min_s"], x["cpu_s"], "{:,.0f}".format(x["cells_per_s"]),
            mib(x["rss_mib"]), x["cells_reported"] if x["cells_reported"] is not None else "?"))
    if "xhht" in rows:
        print()
        x = rows["xhht"]
        for r in readers:
            if r == "xhht":
                continue
            y = rows[r]
            print("xhht vs %-9s  throughput %.2fx   peak RSS %.2fx (1/%.1f)" % (
                r, y["wall_s"] / x["wall_s"], x["rss_mib"] / y["rss_mib"], y["rss_mib"] / x["rss_mib"]))
        if "calamine" in rows:
            c = rows["calamine"]
            ok = c["wall_s"] / x["wall_s"] >= 2 and x["rss_mib"] < c["rss_mib"] / 4
            print("target (>= 2x python-calamine's throughput at < 1/4 of its peak RSS): %s"
                  % ("MET" if ok else "NOT MET"))
        for r in readers:
            got = rows[r]["cells_reported"]
            if got is not None and got != cells:
                print("warning: %s reported %s cells, expected %d" % (r, got, cells))

    if a.scaling and "xhht" in readers:
        print()
        print("Memory against rows (xhht, median of 3 each):")
        print()
        print("| rows | cells | shared strings | median wall | peak RSS |")
        print("|---:|---:|---|---:|---:|")
        report["scaling"] = []
        for rows_n, pool in [(10_000, 1000), (100_000, 1000), (1_000_000, 1000),
                             (10_000, 0), (100_000, 0)]:
            p = workbook(rows_n, pool)
            rs = [run(command("xhht", a.xhht, p)) for _ in range(3)]
            if any(x["status"] != 0 for x in rs):
                sys.exit("xhht failed on %s" % p)
            w = statistics.median(x["wall"] for x in rs)
            m = statistics.median(x["rss"] for x in rs)
            label = "fixed ~1.0k" if pool else "one a row (~%dk)" % (rows_n // 1000 + 1)
            print("| %s | %s | %s | %.3f s | %s |" % ("{:,}".format(rows_n), "{:,}".format(rows_n * COLS),
                                                      label, w, mib(m)))
            report["scaling"].append({"rows": rows_n, "pool": pool, "wall_s": w, "rss_mib": m})

    if a.callgrind and "xhht" in readers:
        print()
        cg = callgrind(a.xhht, path)
        if cg is None:
            print("callgrind: valgrind is not installed")
        else:
            total, ann = cg
            report["callgrind_ir"] = total
            print("callgrind: %s instructions for %d cells (%.0f per cell)" % (
                "{:,}".format(total) if total else "?", cells, (total or 0) / cells))
            if ann:
                print("top functions (self instructions):")
                print(ann)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=2)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores" % (cpu, os.cpu_count() or 0)


if __name__ == "__main__":
    main()
