#!/usr/bin/env bash
# hooks/pre-commit in a scratch repository of drafts: a clean draft commits, an unreadable one is
# refused, the hook reviews what is staged (not the working file), and ignores other files.
set -u
SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
PREPUB=${PREPUB:-$SRC/build/prepub}
DATA=$SRC/tests/data/report
command -v git >/dev/null || { echo "SKIP: git not installed"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

export PREPUB PREPUB_ARGS="--rules $SRC/rules"
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp # no user or system git settings
repo=$tmp/drafts
git init -q "$repo" && cd "$repo" || exit 1
git config user.name "测试" && git config user.email "test@example.invalid" && git config commit.gpgsign false
install -m 755 "$SRC/hooks/pre-commit" "$(git rev-parse --git-path hooks)/pre-commit"

commit() { # MESSAGE → exit status of git commit; output in $tmp/out
    git commit -q -m "$1" >"$tmp/out" 2>&1
}
head_count() { git rev-list --count HEAD 2>/dev/null || echo 0; }

# 1. a clean draft (in a directory with a Chinese name and a space) commits
mkdir -p "通知 草稿"
cp "$DATA/clean.txt" "通知 草稿/春节安全.txt"
git add "通知 草稿/春节安全.txt"
commit "clean draft" || fail "clean draft refused: $(cat "$tmp/out")"
grep -q '可发布' "$tmp/out" || fail "hook printed no report for the clean draft: $(cat "$tmp/out")"
grep -q '通知 草稿/春节安全.txt' "$tmp/out" || fail "report does not name the draft by its repository path"
[ "$(head_count)" = 1 ] || fail "expected 1 commit"

# 2. an unreadable draft (empty .docx: blocked whatever the stages find) is refused
: >"批复.docx"
git add "批复.docx"
if commit "broken draft"; then
    fail "commit of an unreadable .docx was not refused"
fi
grep -q '不得发布' "$tmp/out" || fail "no report shown when refusing: $(cat "$tmp/out")"
grep -q '提交已被阻止' "$tmp/out" || fail "refusal not explained"
[ "$(head_count)" = 1 ] || fail "a refused commit was made"
git rm -q --cached "批复.docx" && rm "批复.docx"

# 2b. ODT drafts are reviewed too (a truncated .odt: unreadable, refused)
printf 'PK\003\004\024\000\000\000\000\000' >"征求意见.odt"
git add "征求意见.odt"
if commit "broken odt"; then
    fail "commit of an unreadable .odt was not refused"
fi
grep -q '征求意见.odt' "$tmp/out" || fail "hook did not review the .odt: $(cat "$tmp/out")"
[ "$(head_count)" = 1 ] || fail "a refused commit was made"
git rm -q --cached "征求意见.odt" && rm "征求意见.odt"

# 2c. legacy Word drafts are reviewed too (a truncated OLE file named .doc: unreadable, refused)
printf '\320\317\021\340\241\261\032\341' >"旧稿.doc"
git add "旧稿.doc"
if commit "broken doc"; then
    fail "commit of an unreadable .doc was not refused"
fi
grep -q '旧稿.doc' "$tmp/out" || fail "hook did not review the .doc: $(cat "$tmp/out")"
[ "$(head_count)" = 1 ] || fail "a refused commit was made"
git rm -q --cached "旧稿.doc" && rm "旧稿.doc"

# 3. the staged content is what counts: staged empty, working copy fine → refused
: >"公告.txt"
git add "公告.txt"
cp "$DATA/clean.txt" "公告.txt"
commit "staged empty" && fail "hook reviewed the working file instead of the staged (empty) one"
# staged fine, working copy emptied afterwards → commits
git add "公告.txt"
: >"公告.txt"
commit "staged clean" || fail "hook reviewed the working file instead of the staged (clean) one: $(cat "$tmp/out")"
[ "$(head_count)" = 2 ] || fail "expected 2 commits"
git checkout -q -- "公告.txt"

# 4. files that are not drafts are not reviewed (the hook does not even need prepub for them)
echo "说明" >README.md
git add README.md
PREPUB=$tmp/no-such-prepub commit "readme" || fail "a commit without drafts needs prepub: $(cat "$tmp/out")"
# ...but drafts without prepub are refused rather than let through unreviewed
cp "$DATA/clean.txt" "第二份.TXT"
git add "第二份.TXT"
PREPUB=$tmp/no-such-prepub commit "no prepub" && fail "drafts committed although prepub is missing"
grep -q '找不到 prepub' "$tmp/out" || fail "missing prepub not explained: $(cat "$tmp/out")"
commit "second draft (upper-case extension)" || fail "clean .TXT refused: $(cat "$tmp/out")"
grep -q '第二份.TXT' "$tmp/out" || fail "upper-case .TXT not reviewed"

# 5. OFD drafts are reviewed too: a clean one commits, the 公示 with unmasked IDs is refused
cp "$SRC/tests/data/ofd/clean.ofd" "公告.OFD"
git add "公告.OFD"
commit "clean ofd" || fail "clean .OFD refused: $(cat "$tmp/out")"
grep -q '公告.OFD' "$tmp/out" || fail "the .OFD draft was not reviewed"
cp "$SRC/tests/data/ofd/gongshi.ofd" "公示.ofd"
git add "公示.ofd"
commit "gongshi ofd" && fail "an OFD with unmasked IDs was committed"
grep -q '不得发布' "$tmp/out" || fail "no report shown when refusing the OFD: $(cat "$tmp/out")"
git rm -q --cached "公示.ofd" && rm "公示.ofd"

# 6. deleting a draft needs no review
git rm -q "通知 草稿/春节安全.txt"
PREPUB=$tmp/no-such-prepub commit "delete" || fail "deleting a draft was refused: $(cat "$tmp/out")"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "OK: pre-commit hook"
