#!/usr/bin/env bash
# Reports must not leak what they found: over the labelled corpus, no text, JSON or HTML report made
# without --reveal may contain any personal identifier listed in truth.json ("pii") for that
# document — as written, without its whitespace, or in NFKC form (full-width digits). As a check
# that this test can fail, the --reveal JSON must show at least one of them once the privacy stage
# reports findings.
set -u
SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
PREPUB=${PREPUB:-$SRC/build/prepub}
CORPUS=$SRC/../shared/corpus
if [ ! -d "$CORPUS/files" ] || [ ! -f "$CORPUS/truth.json" ]; then
    echo "SKIP: labelled corpus not found at $CORPUS"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for format in text json html; do
    "$PREPUB" check --rules "$SRC/rules" --format "$format" "$CORPUS/files" >"$tmp/report.$format" 2>/dev/null
    rc=$?
    [ $rc -le 1 ] || { echo "FAIL: prepub check --format $format exited $rc"; exit 1; }
done
"$PREPUB" check --rules "$SRC/rules" --format json --reveal "$CORPUS/files" >"$tmp/reveal.json" 2>/dev/null

python3 - "$CORPUS/truth.json" "$tmp" <<'PY'
import html, json, os, re, sys, unicodedata

truth = json.load(open(sys.argv[1], encoding="utf-8"))
tmp = sys.argv[2]
SEP = re.compile(r"[\s⏎│]+")  # whitespace, and how reports show line and cell breaks

def forms(value):
    """The forms of a labelled value to look for: as is, and (when long enough not to match by
    accident across words) without whitespace and NFKC-normalised."""
    out = {value}
    flat = re.sub(r"\s+", "", value)
    if len(flat) >= 5:
        out |= {flat, unicodedata.normalize("NFKC", flat)}
    return {f for f in out if f.strip()}

def leaks(name, text):
    """Labelled values of document `name` found in text."""
    flat = SEP.sub("", text)
    nfkc = unicodedata.normalize("NFKC", flat)
    found = []
    for item in truth.get(name, {}).get("pii", []):
        value = item.get("text") or ""
        for f in forms(value):
            if f in text or (len(f) >= 5 and (f in flat or f in nfkc)):
                found.append(f"{item.get('type')} {value!r}")
                break
    return found

def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)

report = json.load(open(os.path.join(tmp, "report.json"), encoding="utf-8"))
names = [os.path.basename(d["path"]) for d in report["documents"]]
labelled = sum(len(truth.get(n, {}).get("pii", [])) for n in names)
problems = []

# JSON: per document
for d in report["documents"]:
    name = os.path.basename(d["path"])
    for leak in leaks(name, "\n".join(strings(d))):
        problems.append(f"json {name}: {leak}")

# text: a document starts at its "[verdict] path  (" line
text = open(os.path.join(tmp, "report.text"), encoding="utf-8").read()
heads = list(re.finditer(r"^\[(?:可发布|需人工复核|不得发布)\] (.+?)  \(", text, re.M))
if len(heads) != len(names):
    problems.append(f"text report: {len(heads)} documents, JSON has {len(names)}")
for i, m in enumerate(heads):
    seg = text[m.start(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
    name = os.path.basename(m.group(1))
    for leak in leaks(name, seg):
        problems.append(f"text {name}: {leak}")

# HTML: a document is its <section class="doc">, in input order; the summary before them too
page = open(os.path.join(tmp, "report.html"), encoding="utf-8").read()
parts = re.split(r'<section class="doc" id="doc-\d+">', page)
if len(parts) - 1 != len(names):
    problems.append(f"html report: {len(parts) - 1} documents, JSON has {len(names)}")
plain = lambda s: html.unescape(re.sub(r"<[^>]*>", " ", s))
for name in names:
    for leak in leaks(name, plain(parts[0])):
        problems.append(f"html summary: {name}: {leak}")
for name, seg in zip(names, parts[1:]):
    for leak in leaks(name, plain(seg)):
        problems.append(f"html {name}: {leak}")

for p in problems[:40]:
    print("FAIL: leaked without --reveal:", p)
if problems:
    print(f"{len(problems)} leak(s)")
    sys.exit(1)
print(f"OK: no leak of {labelled} labelled values in text, JSON and HTML reports of {len(names)} documents")

# sanity: with --reveal the raw values are there
revealed = json.load(open(os.path.join(tmp, "reveal.json"), encoding="utf-8"))
privacy = shown = 0
for d in revealed["documents"]:
    name = os.path.basename(d["path"])
    found = [f for f in d.get("findings", []) if f.get("category") == "privacy"]
    privacy += len(found)
    shown += len(leaks(name, "\n".join(f.get("text", "") for f in found)))
if privacy == 0:
    print("SKIP (sanity half): no privacy findings yet, so --reveal cannot show a labelled value")
elif shown == 0:
    print(f"FAIL: {privacy} privacy findings with --reveal, but none shows a labelled value: this test could not see a leak")
    sys.exit(1)
else:
    print(f"OK: --reveal shows {shown} labelled values")
PY
