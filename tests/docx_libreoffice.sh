#!/bin/bash
# DOCX masked copies open in LibreOffice, and what LibreOffice shows of them holds none of what the
# copy must drop (deleted text, hidden text, comments). Needs soffice (libreoffice-writer-nogui);
# skipped without it. The package under test is tests/data/redact_docx/full zipped as it is, plus
# the corpus DOCX files when ../shared is present.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
if ! command -v soffice >/dev/null 2>&1; then
    echo "SKIP: soffice not installed (apt-get install libreoffice-writer-nogui to run this test)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

python3 - "$SRC/tests/data/redact_docx/full" "$tmp/in/fixture.docx" <<'EOF' || exit 1
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(dst), exist_ok=True)
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in sorted(os.walk(src)):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, src))
EOF
corpus="$SRC/../shared/corpus/files"
for f in dev_029_hidden.docx dev_030_gongshi_fw.docx dev_033_textbox.docx dev_034_header.docx; do
    [ -f "$corpus/$f" ] && cp "$corpus/$f" "$tmp/in/"
done

mkdir "$tmp/out"
for f in "$tmp"/in/*.docx; do
    name=$(basename "$f")
    if ! "$PREPUB" redact "$f" -o "$tmp/out/$name" 2>"$tmp/err"; then
        # a copy that still holds a privacy block is refused by design; anything else is a failure
        if ! grep -q "复查" "$tmp/err"; then
            echo "FAIL: prepub redact $name: $(cat "$tmp/err")"; fail=1
        fi
    fi
done
ls "$tmp"/out/*.docx >/dev/null 2>&1 || { echo "FAIL: no masked copy written"; exit 1; }

(cd "$tmp/out" && timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
    --convert-to txt:Text ./*.docx >"$tmp/soffice.log" 2>&1)
for f in "$tmp"/out/*.docx; do
    txt="${f%.docx}.txt"
    if [ ! -s "$txt" ]; then
        echo "FAIL: LibreOffice could not open $(basename "$f")"; cat "$tmp/soffice.log"; fail=1; continue
    fi
    echo "ok: LibreOffice opens $(basename "$f")"
done
# what the fixture's copy must not show: a deletion, hidden text, a comment, a deleted table row
txt="$tmp/out/fixture.txt"
if [ -s "$txt" ]; then
    for s in 510107199302090701 6275702934343380864 18676602844 删除的行; do
        if grep -q "$s" "$txt"; then echo "FAIL: LibreOffice shows dropped text $s"; fail=1; fi
    done
    for s in 另行通知 保留行 改过格式的文字; do
        if ! grep -q "$s" "$txt"; then echo "FAIL: LibreOffice lost kept text $s"; fail=1; fi
    done
fi
exit $fail
