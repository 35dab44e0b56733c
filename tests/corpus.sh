#!/usr/bin/env bash
# Corpus thresholds: the labelled corpus and the real Word/PDF files, scored by shared/corpus/score.py.
# Raise a bound when a feature lands; never lower one to make a change pass.
set -u
corpus="$SRC/../shared/corpus"
real="$SRC/../shared/corpus-real"
if [ ! -f "$corpus/score.py" ]; then
  echo "SKIP: $corpus not present"
  exit 0
fi
fail=0
run() {
  echo "== score.py $*"
  if ! python3 "$corpus/score.py" "$@" --bin "$PREPUB"; then
    fail=1
  fi
}
bounds=(--min errors=1.0 --min recall=0.97 --min precision=0.95 --min disclosure=1.0 --min secrets=1.0
        --min no_false_block=1.0 --min no_false_hidden=1.0 --min verdict=0.97 --min hidden=1.0 --min extraction=1.0)
run "$corpus" --skip .doc "${bounds[@]}"
# the same bounds with the legacy Word .doc files read (word97.c)
run "$corpus" "${bounds[@]}"
[ -d "$real" ] && run "$real" --min extraction=1.0 --min hidden=1.0 --min errors=1.0
exit $fail
