#!/usr/bin/env bash
# Whether two builds screen alike: starts each (on a fresh SQLite store), posts the same e-mails to
# both (the benchmark corpus and the labelled set's .eml files), and compares the answers without
# ids and times: queue, score, language, fit, every reason and its detail. For speed work, which
# must not change a decision.
#
#   bench/same_answers.sh OTHER.jar [OTHER-config.yml]     # against target/pitchgate-*.jar and config.yml
#
# Prints the differences (none: "same answers for N e-mails") and exits 1 when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
other_jar=$(realpath "$1")
other_config=$(realpath "${2:-config.yml}")
this_jar=target/pitchgate-0.1.0-SNAPSHOT.jar
[ -f "$this_jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus" 200 > /dev/null
cp src/test/resources/labeled/*/*/*.eml "$work/corpus/" 2>/dev/null || true

start() { # name jar config port
  start_server "$2" "$3" "$4" "$work/$1.log" -Xmx256m -Ddw.database.url="jdbc:sqlite:$work/$1/pitchgate.db"
}
start other "$other_jar" "$other_config" 18480
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
