#!/usr/bin/env bash
# Rules-stages throughput on a large plain text, side by side with ripgrep running equivalent
# patterns (resident ID, mobile, bank card) on the same file, counting every match
# (--count-matches, not matching lines). Prints MB/s and the ratio. Not a timed assertion.
# prepub does more than ripgrep here: validation (checksums), context words, exclusions, names and
# addresses, masking and a JSON report — the "stage" rows subtract a run with rules that find
# nothing (reading, decoding, hashing, report), so they are the rules stages alone.
#   bash bench/privacy.sh [SIZE_MB]      (default 50)
# The text is the corpus's .txt documents (notices, 公示 lists, replies, penalty decisions) repeated
# to SIZE_MB, or $BENCH_TEXT if set. Only rules/privacy.rules is loaded, so the time is the privacy
# stage plus reading and the JSON report.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-50}
PREPUB=${PREPUB:-build/prepub}
[ -x "$PREPUB" ] || { echo "build first (cmake --build build)" >&2; exit 2; }
command -v rg >/dev/null || { echo "ripgrep (rg) is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

text=${BENCH_TEXT:-}
if [ -z "$text" ]; then
  text=$work/big.txt
  src=(../shared/corpus/files/*.txt)
  [ -e "${src[0]}" ] || { echo "no corpus .txt files under ../shared/corpus/files" >&2; exit 2; }
  # an ASCII first line: libmagic takes UTF-8 text that starts with byte 0xE9 (重…) for a DOS .COM
  # program when the file is large (noted for the format table)
  { echo "prepub privacy benchmark"; cat "${src[@]}"; } > "$work/one.txt"
  one=$(stat -c %s "$work/one.txt")
  reps=$(( SIZE_MB * 1024 * 1024 / one + 1 ))
  for _ in $(seq "$reps"); do cat "$work/one.txt"; done > "$text"
fi
# once DOCX extraction is merged, the shared long report (a real-looking document) is used instead
long=../shared/bench/long_report.docx
if [ -z "${BENCH_TEXT:-}" ] && [ -f "$long" ] && command -v python3 >/dev/null &&
   "$PREPUB" extract --format json "$long" > "$work/long.json" 2>/dev/null; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("prepub privacy benchmark"); print("\n".join(p["text"] for p in d["parts"]))' \
    "$work/long.json" > "$work/one_long.txt" 2>/dev/null || true
  if [ -s "$work/one_long.txt" ] && [ "$(stat -c %s "$work/one_long.txt")" -gt 10000 ]; then
    one=$(stat -c %s "$work/one_long.txt")
    for _ in $(seq $(( SIZE_MB * 1024 * 1024 / one + 1 ))); do cat "$work/one_long.txt"; done > "$text"
    echo "text: long_report.docx as extracted, repeated"
  fi
fi
bytes=$(stat -c %s "$text")
mb=$(echo "$bytes / 1048576" | bc -l)
mkdir -p "$work/rules" && cp rules/privacy.rules "$work/rules/"
# baseline: the same run with a rule set that finds nothing (reading, hashing, decoding, report)
mkdir -p "$work/none" && printf '[quality.none]\ncategory = quality\nseverity = info\nterms = 不会出现的词语\n' > "$work/none/none.rules"

# seconds of a command, best of 3. BENCH_CLOCK=cpu (default): user + system CPU seconds — on a
# shared machine wall time mostly measures the neighbours, and both prepub and ripgrep search the
# one file on one thread; BENCH_CLOCK=wall: elapsed seconds.
best() {
  local best="" t=$work/time
  for _ in 1 2 3; do
    /usr/bin/time -o "$t" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
    local d
    if [ "${BENCH_CLOCK:-cpu}" = wall ]; then d=$(tail -1 "$t" | awk '{print $1}')
    else d=$(tail -1 "$t" | awk '{print $2 + $3}'); fi
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc -l)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
row() { printf '%-52s %7.2f s %8.1f MB/s\n' "$1" "$2" "$(echo "$mb / $2" | bc -l)"; }

printf 'text: %s (%.1f MB); clock: %s seconds, best of 3\n' "$text" "$mb" "${BENCH_CLOCK:-cpu}"
findings=$("$PREPUB" check --format json --rules "$work/rules" "$text" | grep -c '"rule" : "privacy\.' || true)
echo "privacy findings: $findings"
t_all=$(best "$PREPUB" check --format json --rules "$work/rules" "$text")
t_none=$(best "$PREPUB" check --format json --rules "$work/none" "$text")
row "prepub check --format json (privacy rules only)" "$t_all"
row "prepub check --format text (privacy rules only)" "$(best "$PREPUB" check --format text --rules "$work/rules" "$text")"
row "  baseline: same run, rules that find nothing" "$t_none"
row "  privacy stage + its findings' report (difference)" "$(echo "$t_all - $t_none" | bc -l)"
t_full=$(best "$PREPUB" check --format json --rules rules "$text")
row "prepub check --format json (all bundled rules)" "$t_full"
t_stages=$(echo "$t_full - $t_none" | bc -l)
row "  rules stages: privacy+secrets+disclosure+hidden" "$t_stages"

# ripgrep: the same look-arounds, no validation, no context, no masking
ID='(?<![0-9A-Za-z])[1-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9A-Za-z])'
MOB='(?<![0-9A-Za-z])1[3-9][0-9](?:[ -]?[0-9]){8}(?![0-9A-Za-z])'
CARD='(?<![0-9A-Za-z])[1-9](?:[ -]?[0-9]){15,18}(?![0-9A-Za-z])'
echo "ripgrep matches (ID|mobile|bank card): $(rg -P --count-matches "$ID|$MOB|$CARD" "$text" || echo 0)"
row "rg -P --count-matches (ID)" "$(best rg -P --count-matches "$ID" "$text")"
row "rg -P --count-matches (mobile)" "$(best rg -P --count-matches "$MOB" "$text")"
row "rg -P --count-matches (bank card)" "$(best rg -P --count-matches "$CARD" "$text")"
t_rg=$(best rg -P --count-matches "$ID|$MOB|$CARD" "$text")
row "rg -P --count-matches (ID|mobile|bank card, one pass)" "$t_rg"
row "rg --count-matches (Rust regex: [0-9]{11,19})" "$(best rg --count-matches '[0-9]{11,19}' "$text")"
printf 'ratio: privacy stage at %.2f× ripgrep'"'"'s one-pass throughput; all rules stages at %.2f× (target ≥ 0.5)\n' \
  "$(echo "$t_rg / ($t_all - $t_none)" | bc -l)" "$(echo "$t_rg / $t_stages" | bc -l)"


# a sparse text: published notices with almost no personal data (the usual case), same size
sparse=$work/sparse.txt
seeds=(../shared/corpus/files/seed_*.txt ../shared/corpus/files/*notice*.txt)
if [ -e "${seeds[0]}" ] && [ -z "${BENCH_TEXT:-}" ]; then
  { echo "prepub privacy benchmark (sparse)"; cat "${seeds[@]}"; } > "$work/one_sparse.txt"
  one=$(stat -c %s "$work/one_sparse.txt")
  for _ in $(seq $(( SIZE_MB * 1024 * 1024 / one + 1 ))); do cat "$work/one_sparse.txt"; done > "$sparse"
  mb=$(echo "$(stat -c %s "$sparse") / 1048576" | bc -l)
  printf '\nsparse text: %.1f MB, privacy findings: %s\n' "$mb" \
    "$("$PREPUB" check --format json --rules "$work/rules" "$sparse" | grep -c '"rule" : "privacy\.' || true)"
  t_all=$(best "$PREPUB" check --format json --rules "$work/rules" "$sparse")
  t_none=$(best "$PREPUB" check --format json --rules "$work/none" "$sparse")
  row "prepub check --format json (privacy rules only)" "$t_all"
  row "  baseline: same run, rules that find nothing" "$t_none"
  row "  privacy stage (difference)" "$(echo "$t_all - $t_none" | bc -l)"
  row "rg -P --count-matches (ID|mobile|bank card, one pass)" "$(best rg -P --count-matches "$ID|$MOB|$CARD" "$sparse")"
fi
