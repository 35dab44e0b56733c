#!/usr/bin/env bash
# Word 97–2003 .doc through the CLI: the parts `prepub extract` shows for the LibreOffice-written
# fixtures (tests/data/doc) and the corpus .doc files, the hidden content `check` reports, and no
# crash or hang on damaged copies — truncated at many lengths and with bytes flipped — checked in
# one batch run per kind (the ASan build runs this script too).
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
data="$SRC/tests/data/doc"

parts() { # file → sorted unique part names, space-separated
  "$PREPUB" extract --format json "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["format"] == "doc", d["format"]
print(" ".join(sorted({p["part"] for p in d["parts"]})))'
}
expect_parts() { # file want
  local got
  got=$(parts "$1" 2>&1)
  if [ "$got" != "$2" ]; then echo "FAIL: parts of $(basename "$1"): got '$got', want '$2'"; fail=1
  else echo "ok: parts of $(basename "$1")"; fi
}
expect_parts "$data/full.doc" "body comment footer footnote header hidden_text metadata textbox tracked_change"
expect_parts "$data/plain.doc" "body metadata"

# check: hidden content of full.doc is reported with its kinds; the plain notice passes
got=$("$PREPUB" check --format json "$data/full.doc" "$data/plain.doc" | python3 -c '
import json, sys
r = json.load(sys.stdin)
a, b = r["documents"]
hidden = sorted({f["type"] for f in a["findings"] if f["category"] == "hidden"})
print(a["format"], a["verdict"], ",".join(hidden), b["verdict"], b["disclosure"]["attribute"])')
want="doc block comment,hidden_text,metadata,tracked_change pass proactive"
if [ "$got" != "$want" ]; then echo "FAIL: check: got '$got', want '$want'"; fail=1; else echo "ok: check reports hidden content"; fi

# damaged copies: every document is reviewed or refused as corrupt/too_large/no_text; the run survives
mkdir "$tmp/trunc" "$tmp/flip"
sources=("$data/full.doc" "$data/plain.doc")
for f in "$SRC"/../shared/corpus/files/*.doc "$SRC"/../shared/corpus-real/files/*.doc; do
  [ -f "$f" ] && sources+=("$f")
done
python3 - "$tmp" "${sources[@]}" <<'PY'
import os, random, sys
tmp, files = sys.argv[1], sys.argv[2:]
rng = random.Random(2003)
for i, f in enumerate(files):
    data = open(f, "rb").read()
    n = len(data)
    cuts = sorted(set(list(range(0, min(n, 2048), 97)) + [rng.randrange(n) for _ in range(40)] + [n - 1, n - 512]))
    for c in cuts:
        if 0 <= c < n:
            open(os.path.join(tmp, "trunc", f"{i}_{c}.doc"), "wb").write(data[:c])
    for k in range(60):
        b = bytearray(data)
        for _ in range(1 + k % 6):
            b[rng.randrange(8, n)] ^= rng.randrange(1, 256)
        open(os.path.join(tmp, "flip", f"{i}_{k}.doc"), "wb").write(bytes(b))
PY
for kind in trunc flip; do
  timeout 300 "$PREPUB" check --format json -j 2 "$tmp/$kind" > "$tmp/$kind.json" 2>/dev/null
  rc=$?
  if [ $rc -gt 1 ]; then echo "FAIL: $kind: prepub exited $rc"; fail=1; continue; fi
  got=$(python3 - "$tmp/$kind.json" "$kind" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bad = []
for d in r["documents"]:
    code = d.get("error", {}).get("code")
    allowed = {"corrupt", "too_large", "no_text", "unsupported", "encrypted"} if sys.argv[2] == "flip" else {"corrupt"}
    if d["status"] == "error" and code not in allowed:
        bad.append(f'{d["path"]}: {code}')
    if d["status"] == "error" and d["verdict"] != "block":
        bad.append(f'{d["path"]}: error without block')
print(len(r["documents"]), "; ".join(bad[:5]))
PY
)
  case "$got" in
    *" "?*) echo "FAIL: $kind: $got"; fail=1 ;;
    *) echo "ok: $kind: $got documents, no crash, only expected errors" ;;
  esac
done
exit $fail
