#!/bin/bash
# Bad DOCX inputs get a per-document error with the right code, verdict block, exit status 1,
# and never a crash or hang: the corpus's dev_bad_*.docx (when ../shared is present) and
# packages generated here (a 300 MiB zip bomb, 10000 entries), also mixed in one batch with a
# good file to show the batch goes on.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check FILE CODE: one document, expect error CODE
check() {
    local file=$1 code=$2 out rc
    out=$(timeout 120 "$PREPUB" check --format json "$file" 2>"$tmp/stderr")
    rc=$?
    if [ $rc -ne 1 ]; then
        echo "FAIL: $file: exit status $rc, want 1"; cat "$tmp/stderr"; fail=1; return
    fi
    if ! printf '%s' "$out" | python3 -c '
import json, sys
code = sys.argv[1]
d = json.load(sys.stdin)["documents"][0]
e = d.get("error") or {}
ok = d.get("status") == "error" and e.get("code") == code and d.get("verdict") == "block" and e.get("message")
if not ok:
    sys.exit("status=%s code=%s verdict=%s message=%r, want error %s"
             % (d.get("status"), e.get("code"), d.get("verdict"), e.get("message"), code))
' "$code"; then
        echo "FAIL: $file"; fail=1; return
    fi
    echo "ok: $(basename "$file") → $code"
}

corpus="$SRC/../shared/corpus"
if [ -d "$corpus/files" ]; then
    n=0
    for f in "$corpus"/files/dev_bad_*.docx; do
        [ -e "$f" ] || continue
        code=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["error"])' \
               "$corpus/truth.json" "$(basename "$f")")
        check "$f" "$code"
        n=$((n + 1))
    done
    [ $n -gt 0 ] || { echo "FAIL: no dev_bad_*.docx in $corpus/files"; fail=1; }
else
    echo "SKIP: $corpus absent, corpus bad inputs not checked"
fi

# generated packages
python3 - "$tmp" <<'EOF' || { echo "FAIL: could not generate test packages"; exit 1; }
import sys, zipfile
tmp = sys.argv[1]
body = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>')
# 300 MiB of zeros as the body: ~300 KiB on disk
with zipfile.ZipFile(f"{tmp}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/styles.xml", "<w:styles/>")
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        zeros = b"\0" * (1 << 20)
        for _ in range(300):
            f.write(zeros)
# a valid body among 10000 entries
with zipfile.ZipFile(f"{tmp}/entries.docx", "w", zipfile.ZIP_STORED) as z:
    z.writestr("word/document.xml", body)
    for i in range(9999):
        z.writestr(f"word/media/e{i}.xml", "")
with zipfile.ZipFile(f"{tmp}/good.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", body)
EOF
check "$tmp/bomb.docx" too_large
check "$tmp/entries.docx" too_large

# one batch: the bad ones do not stop the good one
mkdir "$tmp/batch"
cp "$tmp/bomb.docx" "$tmp/entries.docx" "$tmp/good.docx" "$tmp/batch/"
: > "$tmp/batch/empty.docx"
out=$(timeout 120 "$PREPUB" check --format json "$tmp/batch" 2>/dev/null)
rc=$?
if [ $rc -ne 1 ]; then
    echo "FAIL: batch: exit status $rc, want 1"; fail=1
elif ! printf '%s' "$out" | python3 -c '
import json, sys
docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.load(sys.stdin)["documents"]}
want = {"bomb.docx": "too_large", "entries.docx": "too_large", "empty.docx": "corrupt"}
for name, code in want.items():
    d = docs.get(name) or {}
    if d.get("status") != "error" or (d.get("error") or {}).get("code") != code:
        sys.exit("%s: %s %s, want %s" % (name, d.get("status"), d.get("error"), code))
g = docs.get("good.docx") or {}
if g.get("status") == "error":
    sys.exit("good.docx: %s" % g.get("error"))
'; then
    echo "FAIL: batch"; fail=1
else
    echo "ok: batch of bad and good DOCX"
fi

exit $fail
