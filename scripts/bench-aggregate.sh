#!/usr/bin/env bash
# Benchmark of the aggregation and the report model: the full default catalogue for a national
# roll-up of the 2023 list (63 provinces, 705 districts, 10,598 communes) over 6 years of
# history (see Benchmarks/Aggregate/main.swift for what is measured), medians of wall time.
#
#   scripts/bench-aggregate.sh [units.csv] [repetitions]
#       # default ../shared/domain/units/units-2023-04-10.csv (or /work/shared/...), 5 runs
#
# Builds Benchmarks/Pipeline's AggregateBench (release, in Benchmarks/Pipeline/.build, git-ignored):
# that package links the repository's module folders whole (Aggregate, Model, Config, Units, Core;
# Render for the CSV and JSON writers), the same code the product runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
units="${1:-}"
if [ -z "$units" ]; then
    for c in "${XHHT_SHARED:-}/domain/units" "$repo/../shared/domain/units" /work/shared/domain/units; do
        if [ -f "$c/units-2023-04-10.csv" ]; then units="$c/units-2023-04-10.csv"; break; fi
    done
fi
[ -n "$units" ] || { echo "bench-aggregate: units-2023-04-10.csv not found; pass its path" >&2; exit 2; }
swift build -c release --package-path "$repo/Benchmarks/Pipeline" --product AggregateBench >&2
"$repo/Benchmarks/Pipeline/.build/release/AggregateBench" "$units" "${2:-5}"
