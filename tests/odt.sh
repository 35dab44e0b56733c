#!/bin/bash
# ODT on the command line: ODT written by LibreOffice from the corpus DOCX drafts gives the same
# findings (type, value) and verdict as the DOCX (comments, deleted text, hidden text, metadata,
# text boxes, headers, 公示 tables); truncated and byte-flipped copies never crash prepub. Needs
# soffice and ../shared; skipped without them.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

corpus="$SRC/../shared/corpus/files"
if ! command -v soffice >/dev/null 2>&1 || [ ! -d "$corpus" ]; then
    echo "SKIP: LibreOffice ODT comparison (soffice or ../shared missing)"
    exit 0
fi
mkdir -p "$tmp/lo"
for f in dev_002_gongshi.docx dev_029_hidden.docx dev_030_gongshi_fw.docx dev_033_textbox.docx dev_034_header.docx; do
    cp "$corpus/$f" "$tmp/lo/"
done
(cd "$tmp/lo" && HOME="$tmp" timeout 300 soffice --headless --convert-to odt ./*.docx >/dev/null 2>&1)
for f in "$tmp"/lo/*.docx; do
    o=${f%.docx}.odt
    if [ ! -s "$o" ]; then echo "FAIL: LibreOffice wrote no ODT for $(basename "$f")"; fail=1; continue; fi
    "$PREPUB" check --format json --reveal "$f" > "$f.json"
    "$PREPUB" check --format json --reveal "$o" > "$o.json"
    python3 - "$f.json" "$o.json" <<'PY' || fail=1
import json, sys
def load(p):
    d = json.load(open(p))["documents"][0]
    return d, {(f["type"], (f.get("text") or "").strip()) for f in d["findings"]}
(a, fa), (b, fb) = load(sys.argv[1]), load(sys.argv[2])
name = sys.argv[2].rsplit("/", 1)[1].removesuffix(".json")
ok = b["format"] == "odt" and b["status"] == "ok" and fa == fb and a["verdict"] == b["verdict"]
print(f"OK: {name} finds what the DOCX finds" if ok else
      f"FAIL: {name}: {b['status']} {b.get('error')} verdicts {a['verdict']}/{b['verdict']}; only DOCX {fa - fb}; only ODT {fb - fa}")
sys.exit(0 if ok else 1)
PY
done

# Damaged copies: every kind of cut and flipped bytes must end in a report (status ok or error),
# never a crash or a hang. Exit 1 (blocked/unreadable) is expected; 2 or a signal is not.
src="$tmp/lo/dev_029_hidden.odt"
if [ -s "$src" ]; then
    size=$(stat -c %s "$src")
    n=0
    for cut in 0 1 2 30 38 100 500 1000 $((size / 3)) $((size / 2)) $((size - 200)) $((size - 22)) $((size - 1)); do
        [ "$cut" -ge 0 ] && [ "$cut" -lt "$size" ] || continue
        head -c "$cut" "$src" > "$tmp/cut.odt"
        timeout 30 "$PREPUB" check --format json "$tmp/cut.odt" > "$tmp/out.json" 2>/dev/null
        rc=$?
        if [ $rc -gt 1 ]; then echo "FAIL: ODT cut at $cut bytes: exit $rc"; fail=1; fi
        n=$((n + 1))
    done
    for seed in $(seq 1 40); do
        python3 - "$src" "$tmp/flip.odt" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read())
r = random.Random(int(sys.argv[3]))
for _ in range(r.choice([1, 4, 16])):
    data[r.randrange(len(data))] = r.randrange(256)
open(sys.argv[2], "wb").write(bytes(data))
PY
        timeout 30 "$PREPUB" check --format json "$tmp/flip.odt" > "$tmp/out.json" 2>/dev/null
        rc=$?
        if [ $rc -gt 1 ]; then echo "FAIL: ODT with flipped bytes (seed $seed): exit $rc"; fail=1; fi
        n=$((n + 1))
    done
    [ $fail -eq 0 ] && echo "OK: $n damaged ODT copies end in a report"
fi
exit $fail
