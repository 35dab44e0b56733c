#!/usr/bin/env bash
# Residue: for every corpus file with labelled identifiers, the masked copy written by
# `check --redact-dir` is a valid file of its format (pdfinfo / a zip with its body / text), and no
# labelled value can be found in it — by pdftotext, in any XML part of the DOCX, or in the text.
set -u
corpus="$SRC/../shared/corpus"
[ -f "$corpus/truth.json" ] || { echo "SKIP: $corpus not present"; exit 0; }
command -v pdftotext >/dev/null || { echo "SKIP: pdftotext not installed"; exit 0; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$PREPUB" check --format json --redact-dir "$out" "$corpus/files" > "$out/report.json" 2>/dev/null
rc=$?
[ $rc -le 1 ] || { echo "FAIL: prepub exited $rc"; exit 1; }
python3 - "$corpus" "$out" <<'PY'
import json, os, subprocess, sys, unicodedata, zipfile
corpus, out = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(corpus, "truth.json"), encoding="utf-8"))
report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
docs = {os.path.basename(d["path"]): d for d in report["documents"]}
norm = lambda s: "".join(c for c in unicodedata.normalize("NFKC", s) if not c.isspace() and c not in "-—")
fail = checked = 0
for name, t in sorted(truth.items()):
    if not t.get("pii") or name.endswith(".doc"):
        continue
    d = docs.get(name)
    copy = os.path.join(out, name)
    if d is None or d.get("status") != "ok":
        print(f"FAIL: {name}: not reviewed"); fail += 1; continue
    if not os.path.exists(copy):
        print(f"FAIL: {name}: no masked copy ({d.get('redact_error')})"); fail += 1; continue
    if name.endswith(".pdf"):
        if subprocess.run(["pdfinfo", copy], capture_output=True).returncode != 0:
            print(f"FAIL: {name}: copy does not pass pdfinfo"); fail += 1; continue
        text = subprocess.run(["pdftotext", copy, "-"], capture_output=True).stdout.decode("utf-8", "replace")
    elif name.endswith(".docx"):
        try:
            with zipfile.ZipFile(copy) as z:
                if "word/document.xml" not in z.namelist() or z.testzip() is not None:
                    raise zipfile.BadZipFile("no body or bad entry")
                text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels")))
        except zipfile.BadZipFile as e:
            print(f"FAIL: {name}: copy is not a valid DOCX: {e}"); fail += 1; continue
    else:
        raw = open(copy, "rb").read()
        for enc in ("utf-8-sig", "utf-16", "gb18030"):
            try:
                text = raw.decode(enc); break
            except UnicodeDecodeError:
                continue
    flat = norm(text)
    checked += 1
    for item in t["pii"]:
        if norm(item["text"]) in flat:
            print(f"FAIL: {name}: {item['type']} value still in the masked copy ({item['part']})"); fail += 1
print(f"{checked} masked copies checked, {fail} problems")
sys.exit(1 if fail or checked == 0 else 0)
PY
