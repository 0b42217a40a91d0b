#!/usr/bin/env bash
# Whether two builds decide alike, offline: runs `evaluate --no-learned --decisions` of each jar on
# both development sets, the four other profiles and, with --corpus, a folder of real mail (such as
# scripts/fetch-spamassassin.sh's), and compares the files, which hold every figure unrounded, the
# language read and every reason's detail. Quicker than bench/same_answers.sh (no server, no store),
# for speed work on analysis, which must not change a decision. A jar's files are kept under
# ~/.cache/pitchgate/same-decisions by the jar's checksum, so the base build runs once.
#
#   bench/same_decisions.sh BASE.jar [NEW.jar] [--corpus FOLDER]
#
# NEW.jar defaults to target/pitchgate-*.jar. Prints the differing lines and exits 1 when any differ.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
base=$(realpath "$1"); shift
new=$(realpath target/pitchgate-0.1.0-SNAPSHOT.jar)
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then new=$(realpath "$1"); shift; fi
corpus=
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
devset=src/test/resources/devset
sets=("heldout:$devset/heldout:" "train:$devset/train:")
for profile in "$devset"/other-spaces/*.yml; do
  name=$(basename "$profile" .yml)
  sets+=("$name:$devset/other-spaces/$name:$profile")
done
[ -n "$corpus" ] && sets+=("corpus-$(basename "$corpus"):$corpus:")

decide() { # jar: prints the folder holding its decision files
  local jar=$1 out
  out=${XDG_CACHE_HOME:-$HOME/.cache}/pitchgate/same-decisions/$(sha256sum "$jar" | cut -c1-16)
  mkdir -p "$out"
  for set in "${sets[@]}"; do
    IFS=: read -r name folder spaces <<< "$set"
    [ -s "$out/$name.tsv" ] && continue
    java -XX:TieredStopAtLevel=1 -jar "$jar" evaluate config.yml "$folder" --no-learned \
      ${spaces:+--spaces "$spaces"} --decisions "$out/$name.tmp" > /dev/null 2>&1 || true
    [ -s "$out/$name.tmp" ] || { echo "evaluate failed with $jar on $folder" >&2; exit 1; }
    mv "$out/$name.tmp" "$out/$name.tsv"
  done
  echo "$out"
}
base_out=$(decide "$base")
new_out=$(decide "$new")
differ=0 total=0
for set in "${sets[@]}"; do
  name=${set%%:*}
  lines=$(($(wc -l < "$base_out/$name.tsv") - 1))
  total=$((total + lines))
  if ! cmp -s "$base_out/$name.tsv" "$new_out/$name.tsv"; then
    differ=1
    echo "== $name: differs"
    diff "$base_out/$name.tsv" "$new_out/$name.tsv" | head -20 || true
  fi
done
[ "$differ" = 0 ] && echo "same decisions for $total examples (${#sets[@]} sets)"
exit "$differ"
