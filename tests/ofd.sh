#!/usr/bin/env bash
# OFD through the command line, on the fixtures of tests/data/ofd (scripts/make_ofd_fixtures.py):
#  - findings, disclosure attribute and verdict of each fixture; the parts `prepub extract` shows;
#  - --redact-dir on an OFD says that no masked copy is written, and writes none;
#  - a package without DocBody is `error: corrupt` with a Chinese message naming it;
#  - truncations and byte flips of every fixture (deflated and stored, so flips also land in the XML)
#    never crash: every document comes back ok or as a per-document error. Run under ASan by the suite.
set -u
: "${PREPUB:?PREPUB must name the prepub binary}" "${SRC:?SRC must name the source root}"
DATA=$SRC/tests/data/ofd
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

"$PREPUB" check --format json --reveal "$DATA/gongshi.ofd" "$DATA/notice.ofd" "$DATA/clean.ofd" >"$tmp/report.json" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL: check exit status $rc, want 1"; cat "$tmp/err"; fail=1; }
python3 - "$tmp/report.json" <<'PY' || fail=1
import json, sys
docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.load(open(sys.argv[1]))["documents"]}
bad = 0
def want(cond, what):
    global bad
    print(("ok: " if cond else "FAIL: ") + what)
    bad += not cond
def types(d):
    out = {}
    for f in d["findings"]:
        out[f["type"]] = out.get(f["type"], 0) + 1
    return out
g, n, c = docs["gongshi.ofd"], docs["notice.ofd"], docs["clean.ofd"]
t = types(g)
want(g["format"] == "ofd" and g["status"] == "ok", "gongshi.ofd read as ofd")
want(g["verdict"] == "block" and g["disclosure"]["attribute"] == "proactive", "gongshi.ofd: block, proactive")
want(t.get("cn_id") == 6 and t.get("mobile") == 6, f"gongshi.ofd: 6 IDs and 6 mobiles in the table ({t})")
want(t.get("person_name") == 6, "gongshi.ofd: 6 names typed by the 姓名 column")
want(any(f["type"] == "cn_id" and f["page"] == 2 and f["line"] == 2 for f in g["findings"]),
     "gongshi.ofd: page and line of a value on page 2")
want(not any(f.get("text") == "12345" for f in g["findings"]), "gongshi.ofd: the hotline is not personal")
t = types(n)
want(n["verdict"] == "block" and n["disclosure"]["attribute"] == "proactive", "notice.ofd: block, proactive")
for k in ("metadata", "annotation", "attachment"):
    want(any(f["type"] == k and f["category"] == "hidden" for f in n["findings"]), f"notice.ofd: hidden {k}")
want(any(f["type"] == "annotation" and "OFD" in f["message"] for f in n["findings"]), "notice.ofd: the message names OFD")
want(any(f["type"] == "mobile" and f["part"] == "attachment" for f in n["findings"]), "notice.ofd: mobile in the attachment")
want(any(f["type"] == "mobile" and f["part"] == "annotation" and f["page"] == 1 for f in n["findings"]),
     "notice.ofd: mobile in the annotation, page 1")
want(any("电子签章" in x for x in n.get("notes", [])), "notice.ofd: the signature is noted")
want(c["verdict"] == "pass" and not c["findings"], f"clean.ofd passes ({c['findings']})")
sys.exit(1 if bad else 0)
PY

# extract: parts, pages, the table row
"$PREPUB" extract --format json "$DATA/notice.ofd" >"$tmp/extract.json" || { echo "FAIL: extract"; fail=1; }
python3 - "$tmp/extract.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
parts = [(p["part"], p.get("page")) for p in d["parts"]]
ok = d["format"] == "ofd" and ("body", 1) in parts and ("body", 2) in parts and ("annotation", 1) in parts \
     and any(p[0] == "attachment" for p in parts) and any(p[0] == "metadata" for p in parts)
print(("ok" if ok else "FAIL") + f": extract parts {parts}")
sys.exit(0 if ok else 1)
PY
if "$PREPUB" extract "$DATA/gongshi.ofd" | grep -qP '^\s*\d+\s+1\t张建国\t110105196503121235\t13812345678\t'; then
    echo "ok: extract shows the table row with tab-separated cells"
else
    echo "FAIL: table row not found in extract"; fail=1
fi

# --redact-dir: no masked copy for OFD, said clearly
mkdir "$tmp/red"
"$PREPUB" check --format json --redact-dir "$tmp/red" "$DATA/gongshi.ofd" >"$tmp/red.json" 2>"$tmp/red.err"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["documents"][0]; e=d.get("redact_error") or ""; sys.exit(0 if "OFD" in e and "未写入" in e else 1)' "$tmp/red.json" &&
    [ -z "$(ls -A "$tmp/red")" ]; then
    echo "ok: --redact-dir on OFD: no copy, said so"
else
    echo "FAIL: --redact-dir on OFD: $(cat "$tmp/red.err")"; ls -A "$tmp/red"; fail=1
fi

# bad packages, truncations and byte flips
python3 - "$DATA" "$tmp/bad" <<'PY' || { echo "FAIL: could not generate bad packages"; exit 1; }
import io, os, random, sys, zipfile
data, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
with zipfile.ZipFile(os.path.join(out, "no_docbody.ofd"), "w") as z:
    z.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>')
rnd = random.Random(33190)
for name in sorted(os.listdir(data)):
    if not name.endswith(".ofd"):
        continue
    raw = open(os.path.join(data, name), "rb").read()
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    for kind, blob in (("z", raw), ("s", stored.getvalue())):
        stem = name[:-4] + "_" + kind
        for k in range(12):
            cut = rnd.randrange(1, len(blob))
            open(os.path.join(out, f"{stem}_cut{k}.ofd"), "wb").write(blob[:cut])
        for k in range(40):
            b = bytearray(blob)
            for _ in range(rnd.choice((1, 2, 8))):
                b[rnd.randrange(len(b))] = rnd.randrange(256)
            open(os.path.join(out, f"{stem}_flip{k}.ofd"), "wb").write(bytes(b))
PY
"$PREPUB" check --format json -j 2 "$tmp/bad" >"$tmp/bad.json" 2>"$tmp/bad.err"
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    echo "FAIL: check of damaged packages: exit status $rc"; tail -20 "$tmp/bad.err"; fail=1
else
    python3 - "$tmp/bad.json" <<'PY' || fail=1
import json, sys
docs = json.load(open(sys.argv[1]))["documents"]
bad = [d["path"] for d in docs if d["status"] not in ("ok", "error") or
       (d["status"] == "error" and (d["verdict"] != "block" or not d["error"].get("message")))]
nb = [d for d in docs if d["path"].endswith("no_docbody.ofd")][0]
ok = not bad and nb["status"] == "error" and nb["error"]["code"] == "corrupt" and "DocBody" in nb["error"]["message"]
errs = sum(d["status"] == "error" for d in docs)
print(("ok" if ok else "FAIL") + f": {len(docs)} damaged packages, {errs} errors, none crashed; no DocBody → corrupt"
      + (f" {bad} {nb}" if not ok else ""))
sys.exit(0 if ok else 1)
PY
fi
exit $fail
