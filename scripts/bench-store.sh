#!/usr/bin/env bash
# Benchmark of the SQLite store: imports 10,000 commune rows x 16 fields (160,000 facts) and
# prints medians of wall and CPU time (see Benchmarks/StoreImport/main.swift for what is measured).
#
#   scripts/bench-store.sh [repetitions]        # default 5
#
# Builds Benchmarks/Pipeline's StoreBench (release, in Benchmarks/Pipeline/.build, git-ignored):
# that package links the repository's module folders whole, so the benchmark compiles the
# Storage module and what it depends on (Core, Intake and below), the same code the product runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --package-path "$repo/Benchmarks/Pipeline" --product StoreBench >&2
"$repo/Benchmarks/Pipeline/.build/release/StoreBench" "$@"
