#!/usr/bin/env bash
# PDF reader against the shared corpus (skipped when ../shared is absent):
#  - bad PDFs get their error codes through `prepub check` (encrypted, no_text, corrupt, unsupported);
#    the owner-password-only PDF is read;
#  - in the 公示 tables (narrow columns that wrap IDs, bank cards, addresses), every personal value
#    of truth.json comes out whole inside one table cell of `prepub extract --format json`;
#  - the GBK-through-WinAnsi PDF of corpus-real reads as Chinese.
set -u
CORPUS="$SRC/../shared/corpus"
if [ ! -d "$CORPUS/files" ]; then echo "SKIP: $CORPUS absent"; exit 0; fi
fail=0
expect() { # file code
  local got
  got=$("$PREPUB" check --format json "$CORPUS/files/$1" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin)["documents"][0]; print(d.get("error",{}).get("code") or d["status"])' 2>&1)
  if [ "$got" != "$2" ]; then echo "FAIL: $1: got '$got', want '$2'"; fail=1; else echo "ok: $1 → $2"; fi
}
expect dev_075_encrypted_userpw.pdf encrypted
expect dev_074_scanned_image.pdf no_text
expect dev_bad_truncated.pdf corrupt
expect dev_bad_image.pdf unsupported
expect dev_075_encrypted_ownerpw.pdf ok

python3 - "$PREPUB" "$CORPUS" <<'PY' || fail=1
import json, os, re, subprocess, sys
binary, corpus = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(corpus, 'truth.json')))
total = bad = 0
for name, v in sorted(truth.items()):
    if not name.endswith('.pdf') or not re.search('gongshi|fakeredact', name):
        continue
    out = subprocess.run([binary, 'extract', '--format', 'json', os.path.join(corpus, 'files', name)],
                         capture_output=True, text=True).stdout
    cells = [re.sub(r'\s', '', c) for p in json.loads(out)['parts'] for line in p['text'].split('\n')
             for c in line.split('\t')]
    for pii in v.get('pii', []):
        total += 1
        val = re.sub(r'\s', '', pii['text'])
        if not any(val in c for c in cells):
            bad += 1
            print(f'FAIL: {name}: {pii["type"]} not whole in one cell')
print(f'{"ok" if not bad else "FAIL"}: {total - bad}/{total} table values whole in one cell')
sys.exit(1 if bad or not total else 0)
PY

GBK="$SRC/../shared/corpus-real/files/simfang_gbk.pdf"
if [ -f "$GBK" ]; then
  if "$PREPUB" extract "$GBK" | grep -q "全世界无产者，联合起来"; then echo "ok: GBK through WinAnsi re-decoded"
  else echo "FAIL: simfang_gbk.pdf not re-decoded"; fail=1; fi
fi
exit $fail
