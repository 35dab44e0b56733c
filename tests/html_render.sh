#!/usr/bin/env bash
# The HTML sign-off report as a reviewer gets it: it parses as well-formed HTML (every non-void tag
# closed in order, nothing loaded from outside, no scripts), and headless Chromium prints it to an A4
# PDF with a page per document after the summary, whose text carries the verdict words and the
# sign-off block; a PNG screenshot is kept for a person to look at (KEEP=DIR keeps both files).
# Needs Debian's chromium (and fonts-noto-cjk for Chinese glyphs) and poppler-utils (pdfinfo, pdftotext).
set -u
SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
PREPUB=${PREPUB:-$SRC/build/prepub}
DATA=$SRC/tests/data/report
INPUTS=(clean.txt marking.txt privacy.txt review.txt empty.docx)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$DATA" && "$PREPUB" check --format html --fixed-time "2026-01-01 09:00:00" -o "$tmp/report.html" "${INPUTS[@]}" 2>/dev/null)
[ -s "$tmp/report.html" ] || fail "no HTML report written"

# ---- well-formed, self-contained ----
python3 - "$tmp/report.html" <<'PY' || exit 1
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "frame", "audio", "video", "source", "base"}

class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.seen, self.doctype = [], [], set(), False

    def err(self, msg):
        line, col = self.getpos()
        self.errors.append(f"line {line}:{col}: {msg}")

    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag in FORBIDDEN:
            self.err(f"<{tag}> not allowed in a self-contained report")
        for name, value in attrs:
            if name == "src" or name.startswith("on"):
                self.err(f"attribute {name} on <{tag}>")
            if name == "href" and not (value or "").startswith("#"):
                self.err(f"link out of the report: {value}")
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.err(f"self-closing non-void <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.err(f"end tag for void element </{tag}>")
            return
        if not self.stack:
            self.err(f"</{tag}> with nothing open")
            return
        top, pos = self.stack.pop()
        if top != tag:
            self.err(f"</{tag}> closes <{top}> opened at line {pos[0]}")

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            for bad in ("@import", "url(", "http:", "https:"):
                if bad in data:
                    self.err(f"external resource in CSS: {bad}")

p = Strict()
text = open(sys.argv[1], encoding="utf-8").read()
p.feed(text)
p.close()
if not p.doctype:
    p.errors.append("missing <!DOCTYPE html>")
for t in ("html", "head", "meta", "title", "style", "body"):
    if t not in p.seen:
        p.errors.append(f"no <{t}>")
for tag, pos in p.stack:
    p.errors.append(f"<{tag}> opened at line {pos[0]} never closed")
if '<meta charset="utf-8">' not in text:
    p.errors.append("no <meta charset=\"utf-8\">")
for e in p.errors[:20]:
    print("FAIL: HTML:", e)
sys.exit(1 if p.errors else 0)
PY
echo "OK: HTML parses, tags balanced, nothing external"

# ---- rendered by Chromium ----
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium not installed (apt-get install -y chromium fonts-noto-cjk poppler-utils)"
    exit 0
fi
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null || fail "pdfinfo/pdftotext missing (apt-get install -y poppler-utils)"

if command -v fc-list >/dev/null && ! fc-list :lang=zh family | grep -q .; then
    echo "NOTE: no Chinese font installed (apt-get install -y fonts-noto-cjk): Chinese text renders as boxes"
fi

chrome() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --disable-crash-reporter \
        --no-pdf-header-footer --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" "file://$tmp/report.html" \
        >"$tmp/chromium.log" 2>&1
}
chrome --print-to-pdf="$tmp/report.pdf"
[ -s "$tmp/report.pdf" ] || { tail -5 "$tmp/chromium.log"; fail "Chromium wrote no PDF"; }
pages=$(pdfinfo "$tmp/report.pdf" | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 1 ] || fail "PDF has no pages"
# the summary, then each document from a new page
[ "$pages" -ge $((1 + ${#INPUTS[@]})) ] || fail "PDF has $pages pages, expected a page break before each of ${#INPUTS[@]} documents"
pdfinfo "$tmp/report.pdf" | grep -q '^Page size:.*(A4)' || fail "PDF pages are not A4: $(pdfinfo "$tmp/report.pdf" | grep 'Page size')"
pdftotext "$tmp/report.pdf" "$tmp/report.txt"
for word in 不得发布 可发布 审查概况 初审 复审 终审 审核人 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855; do
    grep -q -- "$word" "$tmp/report.txt" || fail "rendered PDF lacks the text \"$word\""
done
echo "OK: Chromium printed $pages A4 pages"

chrome --screenshot="$tmp/report.png" --window-size=1200,1600
[ -s "$tmp/report.png" ] || fail "Chromium wrote no screenshot"
[ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "screenshot is not a PNG"
echo "OK: screenshot $(wc -c <"$tmp/report.png") bytes"

if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP" && cp "$tmp/report.html" "$tmp/report.pdf" "$tmp/report.png" "$KEEP"/
    echo "kept in $KEEP"
fi
