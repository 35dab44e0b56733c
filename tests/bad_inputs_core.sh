#!/usr/bin/env bash
# Bad inputs handled by the core: each gets its own error code, verdict block, the batch goes on,
# exit status 1, and nothing crashes. Table: file → expected error code.
set -u
cd "$SRC/tests/data/bad"
fail=0
expect() { # file code
  local out
  out=$("$PREPUB" check --format json "$1" 2>/dev/null)
  local rc=$?
  local got
  got=$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin)["documents"][0]; print(d["status"], d.get("error",{}).get("code"), d["verdict"])' 2>&1)
  if [ "$rc" != 1 ] || [ "$got" != "error $2 block" ]; then
    echo "FAIL: $1: exit $rc, got '$got', want 'error $2 block'"; fail=1
  else
    echo "ok: $1 → $2"
  fi
}
expect image_named.pdf unsupported
expect empty.txt corrupt
expect random.bin unsupported
expect truncated.pdf corrupt
expect truncated.docx corrupt
expect /nonexistent/draft.docx io
mkfifo_dir=$(mktemp -d); mkfifo "$mkfifo_dir/pipe.txt"
expect "$mkfifo_dir/pipe.txt" io
rm -rf "$mkfifo_dir"

# the batch goes on past bad inputs: one report with every document, good ones reviewed
out=$("$PREPUB" check --format json image_named.pdf "$SRC/samples/notice_clean.txt" empty.txt 2>/dev/null)
n=$(printf '%s' "$out" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["documents"]), r["summary"]["error"], r["documents"][1]["status"])')
if [ "$n" != "3 2 ok" ]; then echo "FAIL: batch with bad inputs: $n"; fail=1; else echo "ok: batch continues"; fi

# a bad option is a run failure (exit 2) with one line on stderr
err=$("$PREPUB" check --no-such-option x 2>&1 >/dev/null); rc=$?
if [ $rc != 2 ] || [ "$(printf '%s\n' "$err" | wc -l)" != 1 ]; then echo "FAIL: bad option: rc=$rc err=$err"; fail=1; else echo "ok: bad option exits 2"; fi
exit $fail
