#!/usr/bin/env bash
# Parallel review gives the same report as serial, in input order; "-j4" and "-j 4" both work.
set -u
cd "$SRC"
fail=0
ref=$("$PREPUB" check --format json --fixed-time "2026-01-01 09:00:00" -j 1 samples tests/data/bad 2>/dev/null)
for j in "-j4" "-j 2" "--jobs=3"; do
  # shellcheck disable=SC2086
  out=$("$PREPUB" check --format json --fixed-time "2026-01-01 09:00:00" $j samples tests/data/bad 2>/dev/null)
  if [ "$out" != "$ref" ]; then echo "FAIL: report with $j differs from -j 1"; fail=1; else echo "ok: $j"; fi
done
n=$(printf '%s' "$ref" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))')
[ "$n" -ge 10 ] || { echo "FAIL: expected every input in the report, got $n"; fail=1; }
exit $fail
