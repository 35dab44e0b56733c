#!/usr/bin/env bash
# Rule directories on the command line: a malformed rule file stops the run with exit 2 and names
# file:line on stderr; --rules DIRs load in order (later ids replace earlier); an office's own
# directory adds term lists without recompiling.
set -u
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # description, condition result
  if [ "$2" -ne 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

printf '某某县人民政府\n2025年3月12日\n（此件公开发布）\n' >"$tmp/x.txt"
mkdir -p "$tmp/bad"
printf '# 坏的规则文件\n[secrets.x]\ncategory = secret\nseverity = block\npattern = (秘密\n' >"$tmp/bad/bad.rules"

"$PREPUB" check --rules "$tmp/bad" "$tmp/x.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ]; check "bad rule file exits 2 (got $rc)" $?
grep -q "$tmp/bad/bad.rules:2:" "$tmp/err"; check "stderr names file:line ($(head -c 300 "$tmp/err"))" $?
[ ! -s "$tmp/out" ]; check "no report on stdout when the rules are bad" $?

printf '[secrets.x]\ncategory = secret\nseverity = block\nscope = somewhere\npattern = a\n' >"$tmp/bad/bad.rules"
"$PREPUB" check --rules "$SRC/rules" --rules "$tmp/bad" "$tmp/x.txt" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q "$tmp/bad/bad.rules:1:.*scope" "$tmp/err"; check "bad stage setting in a second --rules dir exits 2 with file:line" $?

"$PREPUB" check --rules "$tmp/nonexistent" "$tmp/x.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ]; check "missing rules dir exits 2" $?

# bundled rules by default: the document passes
"$PREPUB" check --format json "$tmp/x.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && grep -q '"attribute" *: *"proactive"' "$tmp/out"; check "default rules: proactive document passes (rc $rc)" $?

# an office's term list added on top of the bundled rules
printf '某某县人民政府\n蓝鲸工程进展顺利。\n2025年3月12日\n（此件公开发布）\n' >"$tmp/y.txt"
"$PREPUB" check --format json --rules "$SRC/rules" --rules "$SRC/tests/data/secrets/office" "$tmp/y.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q '"rule" *: *"secrets.terms_office"' "$tmp/out"; check "office term list blocks (rc $rc)" $?
# a leaked password is reported masked: the raw value only with --reveal
printf '某某县人民政府\n系统登录密码：Abc@2023xyz\n2025年3月12日\n（此件公开发布）\n' >"$tmp/z.txt"
"$PREPUB" check --format json "$tmp/z.txt" >"$tmp/out" 2>/dev/null
grep -q 'secrets.password' "$tmp/out" && ! grep -q 'Abc@2023xyz' "$tmp/out"; check "credential masked without --reveal" $?
"$PREPUB" check --format json --reveal "$tmp/z.txt" >"$tmp/out" 2>/dev/null
grep -q 'Abc@2023xyz' "$tmp/out"; check "credential shown with --reveal" $?

exit $fail
