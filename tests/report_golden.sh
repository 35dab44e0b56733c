#!/usr/bin/env bash
# Golden reports: the text, JSON and HTML reports of the sample drafts in tests/data/report must match
# tests/data/report/expected.{txt,json,html} byte for byte, except the rule-set fingerprint, which
# changes whenever a rule file does and is replaced by <规则集指纹> before comparing. Findings are
# NOT normalised: a change in what the stages find shows up here on purpose.
#
# After a change that is meant to alter the reports (a new stage or rule merged, a report layout
# change), look at the diff this prints, then regenerate and commit the goldens:
#     UPDATE_GOLDEN=1 bash tests/report_golden.sh          (PREPUB defaults to build/prepub)
set -u
SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
PREPUB=${PREPUB:-$SRC/build/prepub}
# GOLDEN_INPUTS_DIR / GOLDEN_DIR let tests/samples_golden.sh reuse this script for samples/
DATA=${GOLDEN_INPUTS_DIR:-$SRC/tests/data/report}
GOLDEN=${GOLDEN_DIR:-$SRC/tests/data/report}
if [ -n "${GOLDEN_INPUTS_DIR:-}" ]; then
    mapfile -t INPUTS < <(cd "$DATA" && ls)
else
    INPUTS=(clean.txt marking.txt privacy.txt review.txt quality.txt empty.docx)
fi
WHEN="2026-01-01 09:00:00"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$DATA" || exit 1

run() { # format → stdout; relative paths so the reports do not depend on the checkout's location
    "$PREPUB" check --format "$1" --fixed-time "$WHEN" --rules "$SRC/rules" -j 2 "${INPUTS[@]}" 2>"$tmp/stderr"
}

run json >"$tmp/raw.json"
rc=$?
fp=$(sed -n 's/^  "rules" : "\([0-9a-f]\{64\}\)",\{0,1\}$/\1/p' "$tmp/raw.json")
if [ -z "$fp" ]; then
    echo "FAIL: no rule-set fingerprint in the JSON report (tool.rules)"
    exit 1
fi
if [ "$rc" -ne 1 ]; then
    echo "FAIL: exit status $rc, expected 1 (the samples include blocked and unreadable drafts)"
    cat "$tmp/stderr"
    exit 1
fi

fail=0
for ext in txt json html; do
    case $ext in txt) format=text ;; *) format=$ext ;; esac
    run "$format" | sed -e "s/$fp/<规则集指纹>/g" -e "s/${fp:0:12}/<规则集指纹>/g" >"$tmp/out.$ext"
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        mkdir -p "$GOLDEN"
        cp "$tmp/out.$ext" "$GOLDEN/expected.$ext"
        echo "updated $GOLDEN/expected.$ext"
    elif ! diff -u "$GOLDEN/expected.$ext" "$tmp/out.$ext"; then
        echo "FAIL: $format report differs from $GOLDEN/expected.$ext (UPDATE_GOLDEN=1 to accept)"
        fail=1
    fi
done
# privacy.txt holds a resident ID and a mobile number: no report may show them (no --reveal here)
for raw in 11010519491231002X 13812345678; do
    if grep -l "$raw" "$tmp"/out.*; then
        echo "FAIL: raw identifier $raw printed in a report without --reveal"
        fail=1
    fi
done
# the fixed time is what makes the goldens reproducible: it must be the one printed
if ! grep -q "$WHEN" "$tmp/out.txt" || ! grep -q "\"time\" : \"$WHEN\"" "$tmp/out.json"; then
    echo "FAIL: --fixed-time is not the review time printed"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "OK: golden text, JSON and HTML reports"
exit "$fail"
