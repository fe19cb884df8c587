#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them for a while.
#
#   Fuzz/run.sh [TARGET ...] [-t SECONDS]
#
#   TARGET   sheet     (xhht-fuzz-sheet: bytes -> Workbook(bytes:) -> every sheet streamed)
#            sheetxml  (xhht-fuzz-sheetxml: bytes = one worksheet part -> the sheet parser alone)
#            default: both, one after the other (2 cores are shared: one fuzzer at a time)
#   -t N     seconds per target (default 600)
#
# Environment: MAX_LEN (default 16384 for sheet, 8192 for sheetxml), RSS_LIMIT_MB (2048),
# TIMEOUT (per input, seconds: 10), JOBS (1; more runs workers logging to fuzz-N.log), FUZZ_ARGS (more libFuzzer flags),
# NO_BUILD=1 (reuse the last build).
#
# The committed seeds (Fuzz/corpus/<kind>/) are read, never written: the growing corpus is
# .build-fuzz/corpus/<target>/ and crash/timeout/oom reproducers land in
# .build-fuzz/artifacts/<target>/ (both git-ignored). Reproduce one with
#   .build-fuzz/release/xhht-fuzz-sheet .build-fuzz/artifacts/sheet/crash-<sha1>
# The exit status is non-zero when any target found a crash, a leak, a timeout or an OOM.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=600
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    -t) secs="$2"; shift 2 ;;
    sheet|sheetxml) targets+=("$1"); shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (targets: sheet, sheetxml; -t SECONDS)" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(sheet sheetxml)

status=0
for t in "${targets[@]}"; do
  case "$t" in
    sheet)    product=xhht-fuzz-sheet;    seeds=Fuzz/corpus/workbook;  len=${MAX_LEN:-16384} ;;
    sheetxml) product=xhht-fuzz-sheetxml; seeds=Fuzz/corpus/sheet-xml; len=${MAX_LEN:-8192} ;;
  esac
  if [ "${NO_BUILD:-0}" != 1 ]; then
    echo "== building $product" >&2
    XHHT_FUZZ=1 swift build -c release --scratch-path .build-fuzz --sanitize fuzzer \
      -Xswiftc -sanitize=fuzzer,address --product "$product" >&2
  fi
  bin=.build-fuzz/release/$product
  work=.build-fuzz/corpus/$t
  art=.build-fuzz/artifacts/$t
  mkdir -p "$work" "$art"
  echo "== fuzzing $product for ${secs}s (max_len $len, corpus $work + $seeds)" >&2
  jobs=""
  # -jobs=N runs N workers in the background, logging to fuzz-<n>.log: only when asked for.
  [ "${JOBS:-1}" -gt 1 ] && jobs="-jobs=$JOBS -workers=$JOBS"
  set +e
  # A small quarantine and no malloc fill: 2-3x more executions a second, same detection.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=16:max_malloc_fill_size=0:malloc_context_size=8} \
  "$bin" -max_total_time="$secs" -max_len="$len" -rss_limit_mb="${RSS_LIMIT_MB:-2048}" \
    -timeout="${TIMEOUT:-10}" $jobs \
    -dict=Fuzz/ooxml.dict -artifact_prefix="$art/" -print_final_stats=1 \
    ${FUZZ_ARGS:-} "$work" "$seeds"
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    echo "== $product stopped with status $rc: reproducers in $art/" >&2
    ls -l "$art" >&2 || true
    status=1
  fi
done
exit $status
