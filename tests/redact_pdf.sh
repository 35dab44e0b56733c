#!/usr/bin/env bash
# PDF → PDF masked copies through the whole pipeline (prepub redact):
#  1. tests/data/redact_pdf/gongshi.pdf: the copy opens (pdfinfo), the ID number and mobile are
#     gone from its text, the unmasked words are still searchable, the author and the link are gone,
#     and the copy itself passes the failed-redaction check (no text under a box).
#  2. residue: for every corpus PDF with labelled identifiers, the copy holds none of them
#     (pdftotext, whitespace ignored): ID, phone, card, e-mail and passport numbers. Labelled
#     names, addresses and plates left in the text are only counted (privacy-stage recall).
set -u
data="$SRC/tests/data/redact_pdf"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for tool in pdfinfo pdftotext; do
  command -v $tool >/dev/null || { echo "SKIP: $tool not installed (poppler-utils)"; exit 0; }
done
if ! "$PREPUB" extract "$data/gongshi.pdf" >/dev/null 2>&1; then
  echo "SKIP: this build of prepub cannot read PDF yet"
  exit 0
fi
squash() { tr -d ' \t\r\n\f\v'; }

# ---- 1. the sample ----
out="$tmp/gongshi.pdf"
if ! "$PREPUB" redact "$data/gongshi.pdf" -o "$out" 2>"$tmp/err"; then
  echo "FAIL: prepub redact gongshi.pdf: $(cat "$tmp/err")"
  exit 1
fi
info=$(pdfinfo "$out" 2>&1) || { echo "FAIL: pdfinfo rejects the copy: $info"; fail=1; }
case "$info" in *王小明*) echo "FAIL: the copy keeps the author"; fail=1 ;; esac
text=$(pdftotext -q "$out" - | squash)
for raw in 11010519491231002X 13911112222; do
  case "$text" in *"$raw"*) echo "FAIL: $raw still in the copy's text"; fail=1 ;; esac
done
for kept in 已核实 监督电话12345 某某镇人民政府; do
  case "$text" in *"$kept"*) ;; *) echo "FAIL: '$kept' lost from the copy's text"; fail=1 ;; esac
done
if pdfinfo -url "$out" >/dev/null 2>&1 && pdfinfo -url "$out" | grep -q example.org; then
  echo "FAIL: the copy keeps the link"
  fail=1
fi
report=$("$PREPUB" check --format json "$out" 2>/dev/null)
case "$report" in *text_under_box*) echo "FAIL: the copy has text under a box"; fail=1 ;; esac

# ---- 2. residue on the corpus ----
corpus="$SRC/../shared/corpus"
if [ -f "$corpus/truth.json" ] && command -v python3 >/dev/null; then
  python3 - "$corpus/truth.json" >"$tmp/values" <<'EOF'
import json, sys
ids = {"cn_id", "mobile", "landline", "bank_card", "email", "passport", "permit"}
for name, t in sorted(json.load(open(sys.argv[1])).items()):
    if name.endswith(".pdf") and not t.get("error"):
        for p in t.get("pii", []):
            v = "".join(p["text"].split())
            print(name, "id" if p["type"] in ids else "other", v, sep="\t")
EOF
  others=0
  for f in $(cut -f1 "$tmp/values" | sort -u); do
    copy="$tmp/copy-$f"
    if ! "$PREPUB" redact "$corpus/files/$f" -o "$copy" 2>"$tmp/err"; then
      echo "FAIL: prepub redact $f: $(cat "$tmp/err")"
      fail=1
      continue
    fi
    pdfinfo "$copy" >/dev/null 2>&1 || { echo "FAIL: pdfinfo rejects the copy of $f"; fail=1; }
    text=$(pdftotext -q "$copy" - | squash)
    while IFS=$'\t' read -r file kind value; do
      [ "$file" = "$f" ] || continue
      case "$text" in
        *"$value"*)
          if [ "$kind" = id ]; then
            echo "FAIL: $f: a labelled identifier (${value:0:4}…) is still in the copy"
            fail=1
          else
            others=$((others + 1))
          fi
          ;;
      esac
    done <"$tmp/values"
  done
  echo "residue: $others labelled names/addresses/plates left in corpus PDF copies"
else
  echo "SKIP: residue (no shared corpus)"
fi
exit $fail
