#!/usr/bin/env bash
# PDF redaction and x-ray cost per page on the first pages of the shared long report. Prints
# figures only; never a timed assertion.
#   bash bench/redact_pdf.sh [PAGES]      (default 50; needs a build in build/ and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-50}
SRC_PDF=../shared/bench/long_report.pdf
[ -f "$SRC_PDF" ] || { echo "no $SRC_PDF" >&2; exit 2; }
[ -x build/tests/test_redact_pdf ] || { echo "build first (cmake --build build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== x-ray (text under box) on the first $PAGES pages of long_report.pdf"
PP_BENCH_PDF=$SRC_PDF PP_BENCH_PAGES=$PAGES build/tests/test_xray

# the redactor copies every page of its input: cut the first pages out first
pdfseparate -f 1 -l "$PAGES" "$SRC_PDF" "$tmp/p%d.pdf"
pdfunite $(for i in $(seq 1 "$PAGES"); do echo "$tmp/p$i.pdf"; done) "$tmp/first.pdf"
rm -f "$tmp"/p*.pdf
echo "== PDF → PDF masked copy (150 dpi page images + invisible text layer), $PAGES pages"
PP_BENCH_PDF=$tmp/first.pdf PP_BENCH_PAGES=$PAGES /usr/bin/time -f "whole run: %e s, peak %M KiB" build/tests/test_redact_pdf

PREPUB=${PREPUB:-build/prepub}
if [ -x "$PREPUB" ] && "$PREPUB" redact "$tmp/first.pdf" -o "$tmp/out.pdf" >/dev/null 2>&1; then
  echo "== prepub redact (extract + stages + redact + re-check), $PAGES pages"
  /usr/bin/time -f "%e s, peak %M KiB" "$PREPUB" redact "$tmp/first.pdf" -o "$tmp/out2.pdf" >/dev/null
fi
