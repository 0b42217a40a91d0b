#!/usr/bin/env bash
# Whether two builds screen alike: starts each (on a fresh SQLite store, with the JVM options of
# README's start command), posts the same e-mails to both (the benchmark corpus, the labelled set's
# .eml files, and with --corpus the .eml files under a folder, such as real mail), and compares the
# answers without ids and times: queue, score, language, fit, every reason and its detail. For speed
# work, which must not change a decision.
#
#   bench/same_answers.sh OTHER.jar [OTHER-config.yml] [--corpus FOLDER] [--other-java-option OPTION]
#
# against target/pitchgate-*.jar and config.yml. --other-java-option (repeatable) is given to the
# other build's JVM after the start command's, so that it can undo one of them
# (-XX:TieredStopAtLevel=4: the optimising compiler, as before the start command left it out).
# --corpus takes every .eml file in the folder's subfolders too (scripts/fetch-spamassassin.sh's
# groups), an mbox "From " first line removed.
# Prints the differences (none: "same answers for N e-mails") and exits 1 when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
[ $# -ge 1 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
other_jar=$(realpath "$1")
shift
other_config=$(realpath config.yml)
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then other_config=$(realpath "$1"); shift; fi
extra_corpus= other_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) extra_corpus=$(realpath "$2"); shift 2 ;;
    --other-java-option) other_options+=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
this_jar=target/pitchgate-0.1.0-SNAPSHOT.jar
[ -f "$this_jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus" 200 > /dev/null
cp src/test/resources/labeled/*/*/*.eml "$work/corpus/" 2>/dev/null || true
if [ -n "$extra_corpus" ]; then
  python3 - "$extra_corpus" "$work/corpus" <<'PY'
import glob, os, sys
source, corpus = sys.argv[1:]
for path in sorted(glob.glob(os.path.join(source, '**', '*.eml'), recursive=True)):
    raw = open(path, 'rb').read()
    if raw.startswith(b'From '):
        raw = raw[raw.find(b'\n') + 1:]
    name = os.path.relpath(path, source).replace(os.sep, '_')
    open(os.path.join(corpus, 'extra_' + name), 'wb').write(raw)
PY
fi

start() { # name jar config port [JVM options...]
  local name=$1 jar=$2 config=$3 port=$4
  shift 4
  start_server "$jar" "$config" "$port" "$work/$name.log" -Xmx256m "${RECOMMENDED_JVM_OPTIONS[@]}" "$@" \
    -Ddw.database.url="jdbc:sqlite:$work/$name/pitchgate.db"
}
start other "$other_jar" "$other_config" 18480 "${other_options[@]}"
start this "$this_jar" config.yml 18580

python3 - "$work/corpus" <<'PY'
import difflib, glob, json, os, sys, urllib.error, urllib.request

IGNORED = {"id", "pitchId", "receivedAt", "decidedAt", "links", "href"}

def without_ids(value):
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value

def answers(port):
    out = {}
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.eml"))):
        request = urllib.request.Request(f"http://localhost:{port}/api/messages", data=open(path, "rb").read(),
                                         headers={"Content-Type": "message/rfc822"})
        try:
            out[os.path.basename(path)] = without_ids(json.loads(urllib.request.urlopen(request).read()))
        except urllib.error.HTTPError as e:
            out[os.path.basename(path)] = {"status": e.code, "error": e.read().decode(errors="replace")}
    return out

other, this = answers(18480), answers(18580)
differing = [name for name in other if other[name] != this.get(name)]
for name in differing:
    a = json.dumps(other[name], indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    b = json.dumps(this[name], indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    print(f"--- {name}")
    print("\n".join(difflib.unified_diff(a, b, "other build", "this build", lineterm="")))
print(f"same answers for {len(other) - len(differing)} of {len(other)} e-mails")
sys.exit(1 if differing else 0)
PY
