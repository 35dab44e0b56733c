#!/usr/bin/env bash
# Golden reports of the disclosure and secrets stages: each tests/data/disclosure/NAME.txt is
# checked with the bundled rules, and the attribute, marking, reason and the disclosure/secret
# findings (rule, type, severity, masked, part, line) are compared with NAME.expected beside it.
# Only these stages' output is compared, so other stages may change without touching the goldens.
# Regenerate after a deliberate change: UPDATE=1 PREPUB=build/prepub SRC=. bash tests/disclosure.sh
set -u
dir="$SRC/tests/data/disclosure"
fail=0
project() {
  python3 -c '
import json, sys
d = json.load(sys.stdin)["documents"][0]
disc = d.get("disclosure") or {}
print("attribute:", disc.get("attribute"))
print("marking:", disc.get("marking"))
print("reason:", disc.get("reason"))
print("verdict-of-these:", max([f["severity"] for f in d.get("findings", []) if f["category"] in ("disclosure", "secret")] or ["pass"], key=["pass", "info", "review", "block"].index))
for f in d.get("findings", []):
    if f["category"] in ("disclosure", "secret"):
        print("finding:", f["rule"], f["type"], f["severity"], f.get("masked"), f.get("part"), f.get("line"))
'
}
for input in "$dir"/*.txt; do
  name=$(basename "$input" .txt)
  got=$("$PREPUB" check --format json --fixed-time 2025-01-01T00:00:00Z "$input" 2>/dev/null | project)
  if [ "${UPDATE:-}" = 1 ]; then
    printf '%s\n' "$got" >"$dir/$name.expected"
    echo "updated: $name"
    continue
  fi
  if diff -u "$dir/$name.expected" <(printf '%s\n' "$got"); then
    echo "ok: $name"
  else
    echo "FAIL: $name (diff above: - expected, + got)"
    fail=1
  fi
  # no raw credential in a report without --reveal
  if "$PREPUB" check --format json "$input" 2>/dev/null | grep -q 'Yun@2025pass!\|LTAI5tQ8ZbXvN3r2Kp7mWj9c'; then
    echo "FAIL: $name: raw credential in the report without --reveal"
    fail=1
  fi
done
exit $fail
