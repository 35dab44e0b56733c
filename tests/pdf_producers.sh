#!/usr/bin/env bash
# PDFs from the producers offices publish with (tests/data/pdf_producers, made by
# scripts/make_pdf_producers.py: Chromium, LibreOffice, cairo, a scan with an OCR layer; ruled,
# borderless, zebra, merged-cell, narrow, sideways, two-column, page-spanning tables). For each PDF,
# `prepub check --format json --reveal` must report every "TYPE<TAB>VALUE" of its .expect file with
# that type, none of its "!<TAB>VALUE" look-alikes (USCC codes, document numbers, office numbers,
# dates), and no personal finding that is not expected (the corpus scores precision the same way).
set -u
DIR="$SRC/tests/data/pdf_producers"
python3 - "$PREPUB" "$DIR" <<'PY'
import glob, json, os, subprocess, sys, unicodedata
binary, folder = sys.argv[1], sys.argv[2]

def norm(s):
    return "".join(c for c in unicodedata.normalize("NFKC", s or "") if not c.isspace() and c not in "-—")

def covers(found, want):  # the finding holds the value and not much more (as score.py counts)
    f, w = norm(found), norm(want)
    return bool(f) and w in f and len(f) <= len(w) + max(2, len(w) // 4)

pdfs = sorted(glob.glob(os.path.join(folder, "*.pdf")))
if not pdfs:
    print("FAIL: no PDFs in", folder); sys.exit(1)
fail = total = 0
for pdf in pdfs:
    name = os.path.basename(pdf)
    want, nots = [], []
    for line in open(pdf[:-4] + ".expect", encoding="utf-8"):
        kind, _, value = line.rstrip("\n").partition("\t")
        (nots if kind == "!" else want).append((kind, value))
    out = subprocess.run([binary, "check", "--format", "json", "--reveal", pdf], capture_output=True, text=True)
    doc = json.loads(out.stdout)["documents"][0]
    found = [f for f in doc.get("findings") or [] if f.get("category") == "privacy" and f.get("severity") in ("block", "review")]
    bad = []
    for kind, value in want:
        total += 1
        if not any(f.get("type") == kind and covers(f.get("text", ""), value) for f in found):
            near = [f"{f.get('type')}:{f.get('text')}" for f in found if norm(value)[:6] in norm(f.get("text", ""))]
            bad.append(f"missed {kind} {value}" + (f" (found {', '.join(near)})" if near else ""))
    for _, value in nots:
        for f in found:
            if norm(value) in norm(f.get("text", "")) or norm(f.get("text", "")) == norm(value):
                bad.append(f"reported look-alike {value} as {f.get('type')} {f.get('text')!r}")
    for f in found:
        if not any(covers(f.get("text", ""), v) or (norm(f.get("text", "")) in norm(v) and
                   len(norm(f.get("text", ""))) >= 0.6 * len(norm(v))) for _, v in want):
            bad.append(f"unexpected {f.get('type')} {f.get('text')!r} (page {f.get('page')}, line {f.get('line')})")
    if doc.get("status") != "ok":
        bad.append(f"status {doc.get('status')} {doc.get('error')}")
    fail += len(bad) > 0
    print(f"{'FAIL' if bad else 'ok'}: {name}: {len(want)} identifiers, {len(nots)} look-alikes")
    for b in sorted(set(bad)):
        print("   ", b)
print(f"{len(pdfs) - fail}/{len(pdfs)} PDFs right, {total} identifiers expected")
sys.exit(1 if fail else 0)
PY
