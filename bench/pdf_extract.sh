#!/usr/bin/env bash
# PDF text extraction side by side: prepub extract (two page workers, and one) vs pdftotext on the
# shared 729-page benchmark. Wall seconds (median of N runs) and peak RSS. By hand only, never a
# timed test; the machine is shared, so compare ratios from one run.
#   bash bench/pdf_extract.sh [N] [FILE.pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
PDF=${2:-../shared/bench/long_report.pdf}
PREPUB=${PREPUB:-build/prepub}
[ -x "$PREPUB" ] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 2; }
[ -f "$PDF" ] || { echo "no $PDF" >&2; exit 2; }

measure() { # label, command... → "label  median_s  user_s  peak_MiB"
  local label=$1; shift
  local times=() users=() rss=0
  for _ in $(seq "$N"); do
    local tf e u r
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f "%e %U %M" "$@" >/dev/null 2>/dev/null
    read -r e u r < <(tail -1 "$tf")
    rm -f "$tf"
    times+=("$e"); users+=("$u")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
  printf '%-34s %8.2f s wall %8.2f s user %8.1f MiB\n' "$label" "$(med "${times[@]}")" "$(med "${users[@]}")" \
    "$(awk -v r="$rss" 'BEGIN{print r/1024}')"
}

echo "== $(basename "$PDF") ($(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages/{print $2}') pages, median of $N)"
command -v pdftotext >/dev/null && measure "pdftotext" pdftotext "$PDF" /dev/null
command -v pdftotext >/dev/null && measure "pdftotext -layout" pdftotext -layout "$PDF" /dev/null
measure "prepub extract" "$PREPUB" extract "$PDF"
measure "prepub extract (1 page worker)" env PREPUB_PDF_THREADS=1 "$PREPUB" extract "$PDF"
