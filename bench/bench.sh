#!/usr/bin/env bash
# Whole-process benchmarks on the shared documents, side by side with the peers named in
# shared/notes/performance.md. Prints wall seconds (median of N runs) and peak RSS. Never used as a
# timed assertion: run it by hand and compare ratios measured in one run.
#   bash bench/bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}
BENCH=../shared/bench
PREPUB=${PREPUB:-build/prepub}
[ -x "$PREPUB" ] || { echo "build first: bash scripts/bootstrap.sh" >&2; exit 2; }
[ -d "$BENCH" ] || { echo "no $BENCH" >&2; exit 2; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# Wall and CPU (user + system) seconds, both medians: on a shared machine the wall clock mostly
# measures the neighbours, CPU seconds what the program itself costs (prepub may use two threads
# on a PDF, so compare its wall time with the peers' too).
measure() { # label, command... → "label  median_wall_s  median_cpu_s  peak_MiB"
  local label=$1; shift
  local times=() cpus=() rss=0
  for _ in $(seq "$N"); do
    local out
    /usr/bin/time -o "$tmp" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp")
    times+=("$(echo "$out" | awk '{print $1}')")
    cpus+=("$(echo "$out" | awk '{print $2 + $3}')")
    local r; r=$(echo "$out" | awk '{print $4}'); [ "$r" -gt "$rss" ] && rss=$r
  done
  local med cmed
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  cmed=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf '%-44s %8.3f s wall %8.3f s cpu %8.1f MiB\n' "$label" "$med" "$cmed" "$(echo "$rss/1024" | bc -l)"
}

echo "== long_report.pdf ($(pdfinfo $BENCH/long_report.pdf 2>/dev/null | awk '/^Pages/{print $2}') pages)"
command -v pdftotext >/dev/null && measure "pdftotext (poppler)" pdftotext "$BENCH/long_report.pdf" -
measure "prepub extract" "$PREPUB" extract "$BENCH/long_report.pdf"
measure "prepub check --format json" "$PREPUB" check --format json "$BENCH/long_report.pdf"
measure "prepub check -j1 --format json" "$PREPUB" check -j1 --format json "$BENCH/long_report.pdf"

echo "== long_report.docx"
command -v docx2txt >/dev/null && measure "docx2txt (Perl)" docx2txt "$BENCH/long_report.docx" -
measure "prepub extract" "$PREPUB" extract "$BENCH/long_report.docx"
measure "prepub check --format json" "$PREPUB" check --format json "$BENCH/long_report.docx"
