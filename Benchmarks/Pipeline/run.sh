#!/usr/bin/env bash
# The pipeline benchmark (see main.swift): per-stage medians of wall time, then (with
# --callgrind) each stage's instruction count under valgrind, which the machine's load does
# not change.
#
#   Benchmarks/Pipeline/run.sh [WORKBOOK.xlsx] [repetitions] [--callgrind]
#       # default: /tmp/bench-districts.xlsx, made by scripts/make-bench-districts.py if missing; 5 runs
#
# Builds in Benchmarks/Pipeline/.build (git-ignored), release.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
workbook="${1:-/tmp/bench-districts.xlsx}"
reps="${2:-5}"
[ -f "$workbook" ] || python3 "$repo/scripts/make-bench-districts.py" "$workbook" >&2
swift build -c release --package-path "$here" --product PipelineBench >&2
bin="$here/.build/release/PipelineBench"
"$bin" "$workbook" "$reps"
if [ "${3:-}" = "--callgrind" ]; then
    tmp="$(mktemp -d)"
    out="$tmp/callgrind.out"
    # valgrind 3.19 cannot read the DWARF 5 that Swift writes: run a copy without debug info
    # (the symbol table, which callgrind needs for function names, stays).
    strip --strip-debug -o "$tmp/PipelineBench" "$bin"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$tmp/PipelineBench" "$workbook" 1 >/dev/null 2>&1
    echo "instructions (callgrind, one run each; $out):"
    callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E 'PipelineBench[0-9]+stage(Registry|Read|Normalize|Validate|Store|Load)' \
        | sed -E 's/^ *([0-9,]+).*PipelineBench[0-9]+(stage(Registry|Read|Normalize|Validate|Store|Load)).*/  \2 \1/' | sort -u
fi
