#!/usr/bin/env bash
# Loading the national unit list (UnitRegistry(contentsOf:)), then Folding.fold and UnitName of
# every unit name in it: median wall times, and (with --callgrind) instructions under valgrind,
# which the machine's load does not change. Runs Benchmarks/Pipeline's PipelineBench --registry-only.
#
#   scripts/bench-registry.sh [repetitions] [--callgrind] [--units units.csv]
#       # default: 5 runs of ../shared/domain/units/units-2023-04-10.csv
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
reps=5 callgrind=no units=()
while [ $# -gt 0 ]; do
    case "$1" in
        --callgrind) callgrind=yes ;;
        --units) units=(--units "$2"); shift ;;
        *) reps="$1" ;;
    esac
    shift
done
swift build -c release --package-path "$repo/Benchmarks/Pipeline" --product PipelineBench >&2
bin="$repo/Benchmarks/Pipeline/.build/release/PipelineBench"
"$bin" --registry-only "$reps" "${units[@]}"
if [ "$callgrind" = yes ]; then
    tmp="$(mktemp -d)"
    out="$tmp/callgrind.out"
    # valgrind 3.19 cannot read the DWARF 5 that Swift writes: run a copy without debug info.
    strip --strip-debug -o "$tmp/PipelineBench" "$bin"
    count="$("$tmp/PipelineBench" --registry-only 1 "${units[@]}" | sed -nE '1s/.*: ([0-9]+) units.*/\1/p')"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$tmp/PipelineBench" --registry-only 1 "${units[@]}" >/dev/null 2>&1
    echo "instructions (callgrind, one run; $out):"
    callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E 'PipelineBench[0-9]+stage(Registry|Fold|UnitNames)' \
        | sed -E 's/^ *([0-9,]+).*PipelineBench[0-9]+(stage(Registry|Fold|UnitNames)).*/\2 \1/' | sort -u \
        | while read -r stage n; do
            per=""
            [ "$stage" = stageRegistry ] || per="$(printf '  (%d per name)' $(( ${n//,/} / count )))"
            echo "  $stage $n$per"
        done
fi
