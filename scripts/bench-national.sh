#!/usr/bin/env bash
# The national benchmark (issue 19): the whole pipeline over the whole country, next to a plain
# Python script on the same input in the same run.
#
#   scripts/bench-national.sh [RUNS]        # RUNS repetitions, 3 if not given
#   XHHT=/path/to/xhht scripts/bench-national.sh 5   # a binary already built (no build)
#
# Builds xhht in release mode in its own build path (.build-bench, as `make release` builds it),
# generates the input once into a temporary folder (scripts/make-national-input.py: 700 district
# workbooks, 10,598 communes), then each repetition runs, one after the other:
#   cold    xhht run with a fresh Output/ (and so a fresh store)
#   rerun   xhht run again, nothing changed
#   peer    scripts/national-peer.py (openpyxl read-only, docxtpl, Jinja2)
# and prints the medians of wall time, CPU time (user + sys) and peak RSS from
# `/usr/bin/time -f "%e %U %S %M"`, with report.json's size. Every run is a whole process, so
# start-up counts as it does for a user. A benchmark, not a test: docs/benchmarks.md has the
# figures and the machine they were measured on.
set -euo pipefail
runs="${1:-3}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${XHHT:-}" ]; then
  (cd "$repo" && swift build -c release --static-swift-stdlib --product xhht --build-path .build-bench \
     2>&1 | grep -E "error|warning:" >&2 || true)
  XHHT="$repo/.build-bench/release/xhht"
fi
[ -x "$XHHT" ] || { echo "bench-national: $XHHT is not an executable" >&2; exit 1; }
python3 -c 'import docxtpl, openpyxl' 2>/dev/null \
  || { echo "bench-national: the peer needs docxtpl and openpyxl: scripts/setup.sh --bench" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$repo/scripts/make-national-input.py" "$work/input" >&2
timings="$work/timings.tsv"

# measure NAME COMMAND...: one timed run in the input folder, appended to the timings.
measure() {
  local name="$1"; shift
  local status=0
  (cd "$work/input" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$name.log" 2>&1) || status=$?
  # xhht exits 1 when the report has warnings, 2 when some files were refused (README "Exit codes").
  if [ "$status" -gt 2 ]; then
    echo "bench-national: $name exited $status; its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1
  fi
  printf '%s\t%s\t%s\n' "$name" "$(tail -1 "$work/time")" "$status" >>"$timings"
}

for i in $(seq "$runs"); do
  rm -rf "$work/input/Output"
  measure cold "$XHHT" run --date 2024-12-05 -q
  measure rerun "$XHHT" run --date 2024-12-05 -q
  rm -rf "$work/input/peer"
  measure peer python3 "$repo/scripts/national-peer.py" .
  echo "bench-national: repetition $i of $runs done" >&2
done

report="$work/input/Output/2024/report.json"
python3 - "$timings" "$runs" "$report" "$XHHT" <<'EOF'
import os, statistics, sys
timings, runs, report, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = {}
for line in open(timings):
    name, figures, status = line.rstrip("\n").split("\t")
    wall, user, system, rss = figures.split()
    rows.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss) / 1024, status))
print(f"xhht: {binary}; {runs} repetitions, alternating; medians (min wall in brackets)\n")
print("| | wall | CPU (user+sys) | peak RSS | exit |")
print("|---|---:|---:|---:|---|")
for name in ("cold", "rerun", "peer"):
    r = rows[name]
    wall = statistics.median(x[0] for x in r)
    print(f"| {name} | {wall:.2f} s ({min(x[0] for x in r):.2f}) | {statistics.median(x[1] for x in r):.2f} s "
          f"| {statistics.median(x[2] for x in r):.0f} MiB | {','.join(sorted(set(x[3] for x in r)))} |")
cold, peer = (statistics.median(x[0] for x in rows[n]) for n in ("cold", "peer"))
cold_cpu, peer_cpu = (statistics.median(x[1] for x in rows[n]) for n in ("cold", "peer"))
print(f"\ncold run against the peer: {peer / cold:.2f}x by wall time, {peer_cpu / cold_cpu:.2f}x by CPU time")
if os.path.exists(report):
    print(f"report.json: {os.path.getsize(report):,} bytes")
EOF
