#!/usr/bin/env bash
# Inputs that once crashed or hung prepub (found by mutating corpus files: byte flips, truncations,
# copied chunks). Each must now give a report — a finding or a per-document error — with exit
# status 0 or 1, within a time bound, under both the release and the sanitizer build.
#   rtf_raw_bytes.rtf            raw 8-bit bytes in RTF text made a part invalid UTF-8 → heap overflow in
#                                the line model
#   txt_open_bracket_at_end.txt  an open bracket near the end of a part: the quality stage's excerpt
#                                walked past the text
# and, rebuilt from the shared corpus when it is present, a PDF with 13 bytes changed whose damaged
# font made poppler print "some font thing failed" 3,912 times: stderr must hold at most one line.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
fail=0
for f in "$SRC"/tests/data/fuzz/*; do
    timeout 120 "$PREPUB" check --format json "$f" >/dev/null 2>&1
    rc=$?
    if [ $rc -gt 1 ]; then
        echo "FAIL: $(basename "$f"): exit status $rc"; fail=1
    else
        echo "ok: $(basename "$f") (exit $rc)"
    fi
done
seed="$SRC/../shared/corpus/files/seed_002.pdf"
if [ -f "$seed" ]; then
    tmp=$(mktemp -d)
    python3 - "$seed" "$tmp/damaged_font.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
# cmp -l positions (1-based) and new byte values (octal) of the fuzzer's case
for pos, val in [(2786, 0o22), (87707, 0o305), (126677, 0o51), (127989, 0o127), (143386, 0o311), (157365, 0o205),
                 (182665, 0o63), (186289, 0o104), (190046, 0o220), (204955, 0o334), (248614, 0o17), (279559, 0o100),
                 (291221, 0o206)]:
    data[pos - 1] = val
open(sys.argv[2], "wb").write(data)
PY
    timeout 120 "$PREPUB" check --format json "$tmp/damaged_font.pdf" >/dev/null 2>"$tmp/err"
    rc=$?
    lines=$(wc -l < "$tmp/err")
    if [ $rc -gt 1 ] || [ "$lines" -gt 1 ]; then
        echo "FAIL: damaged_font.pdf: exit $rc, $lines lines on stderr"; head -3 "$tmp/err"; fail=1
    else
        echo "ok: damaged_font.pdf (exit $rc, $lines lines on stderr)"
    fi
    rm -rf "$tmp"
fi
exit $fail
