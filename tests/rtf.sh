#!/bin/bash
# RTF on the command line: a GBK RTF saved under a .doc name (as Word and WPS do) is read by content,
# and RTF written by LibreOffice from the corpus DOCX drafts gives the same findings as the DOCX
# (comments, deleted text, hidden text, metadata, text boxes, 公示 tables). The LibreOffice part needs
# soffice and ../shared; it is skipped without them.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 申请人：张三 身份证号：110105194912310021 (GBK bytes), a table row, and 此件公开发布
printf '%s' "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 " \
  "\\'c9\\'ea\\'c7\\'eb\\'c8\\'cb\\'a3\\'ba\\'d5\\'c5\\'c8\\'fd \\'c9\\'ed\\'b7\\'dd\\'d6\\'a4\\'ba\\'c5\\'a3\\'ba110105194912310021\\par " \
  "\\trowd\\cellx2000\\cellx4000\\intbl \\'d0\\'d5\\'c3\\'fb\\cell \\'c1\\'aa\\'cf\\'b5\\'b5\\'e7\\'bb\\'b0\\cell\\row " \
  "\\intbl \\'c0\\'ee\\'cb\\'c4\\cell 13912345678\\cell\\row " \
  "\\'a3\\'a8\\'b4\\'cb\\'bc\\'fe\\'b9\\'ab\\'bf\\'aa\\'b7\\'a2\\'b2\\'bc\\'a3\\'a9\\par}" > "$tmp/申请.doc"
json=$("$PREPUB" check --format json --reveal "$tmp/申请.doc")
python3 - "$json" <<'PY' || fail=1
import json, sys
d = json.loads(sys.argv[1])["documents"][0]
got = {(f["type"], f.get("text")) for f in d["findings"]}
want = {("cn_id", "110105194912310021"), ("person_name", "张三"), ("person_name", "李四"), ("mobile", "13912345678")}
ok = d["format"] == "rtf" and d["disclosure"]["attribute"] == "proactive" and want <= got
print("OK: RTF under a .doc name" if ok else f"FAIL: RTF under a .doc name: format={d['format']} {d['disclosure']} missing={want - got}")
sys.exit(0 if ok else 1)
PY

corpus="$SRC/../shared/corpus/files"
if command -v soffice >/dev/null 2>&1 && [ -d "$corpus" ]; then
    mkdir -p "$tmp/lo"
    for f in dev_002_gongshi.docx dev_029_hidden.docx dev_033_textbox.docx dev_034_header.docx; do
        cp "$corpus/$f" "$tmp/lo/"
    done
    (cd "$tmp/lo" && HOME="$tmp" timeout 300 soffice --headless --convert-to rtf ./*.docx >/dev/null 2>&1)
    for f in "$tmp"/lo/*.docx; do
        r=${f%.docx}.rtf
        if [ ! -s "$r" ]; then echo "FAIL: LibreOffice wrote no RTF for $(basename "$f")"; fail=1; continue; fi
        "$PREPUB" check --format json --reveal "$f" > "$f.json"
        "$PREPUB" check --format json --reveal "$r" > "$r.json"
        python3 - "$f.json" "$r.json" <<'PY' || fail=1
import json, sys
def load(p):
    d = json.load(open(p))["documents"][0]
    return d, {(f["type"], (f.get("text") or "").strip()) for f in d["findings"]}
(a, fa), (b, fb) = load(sys.argv[1]), load(sys.argv[2])
name = sys.argv[2].rsplit("/", 1)[1]
ok = b["format"] == "rtf" and fa == fb and a["verdict"] == b["verdict"]
print(f"OK: {name} finds what the DOCX finds" if ok else f"FAIL: {name}: only DOCX {fa - fb}; only RTF {fb - fa}")
sys.exit(0 if ok else 1)
PY
    done
else
    echo "SKIP: LibreOffice RTF comparison (soffice or ../shared missing)"
fi
exit $fail
