#!/usr/bin/env bash
# Crash safety of the HTTP intake: drives COUNT pitches (raw e-mails, distinct Message-IDs) at a server
# on a fresh SQLite store, SIGKILLs it once KILL_AT of them are acknowledged, restarts it, waits for
# the recovery sweeper, then checks that every acknowledged pitch is stored once and decided once;
# resends every pitch (acknowledged or not) and checks that nothing is duplicated and all are decided.
#
#   scripts/crash-test.sh [COUNT (3000)] [KILL_AT (COUNT/2)]
#
# Builds the jar first if target/ has none. Exits 1 on any violation. KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3000}
KILL_AT=${2:-$((COUNT / 2))}
JAR=target/pitchgate-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
TMP=$(mktemp -d /tmp/pitchgate-crash.XXXXXX)
SERVER=
cleanup() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
export PITCHGATE_DATA=$TMP PITCHGATE_PORT=$(free_port) PITCHGATE_ADMIN_PORT=$(free_port)
URL=http://127.0.0.1:$PITCHGATE_PORT
# A pitch claimed by the killed server is taken up again once its lease runs out: short here, 5 min in config.yml.
JAVA_OPTS=(-Xmx512m -Ddw.intake.processingLease=10s -Ddw.intake.recoveryInterval=2s -Ddw.logging.level=WARN)

KEY=$(java -Ddw.logging.level=WARN -jar "$JAR" new-key config.yml --role admin --name crash-test 2>/dev/null | grep '^pgk_')

start() {
  java "${JAVA_OPTS[@]}" -jar "$JAR" server config.yml >>"$TMP/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$URL/api/queues/forward")" = 200 ]; then
      return 0
    fi
    sleep 0.5
  done
  echo "the server did not start; see $TMP/server-$1.log" >&2; KEEP=1; exit 1
}

wait_decided() {
  for _ in $(seq 1 180); do
    left=$(python3 scripts/crash_load.py count-undecided "$TMP/pitchgate.db")
    [ "$left" = 0 ] && return 0
    sleep 1
  done
  echo "still $left undecided pitch(es) after 3 minutes" >&2
}

echo "== pitchgate crash test: $COUNT pitches, SIGKILL after $KILL_AT acknowledgements ($TMP)"
start 1
python3 scripts/crash_load.py send "$URL" "$KEY" "$COUNT" "$KILL_AT" "$SERVER" "$TMP/state.json"
wait "$SERVER" 2>/dev/null || true
echo "server killed (exit status 137 expected); undecided in the store: $(python3 scripts/crash_load.py count-undecided "$TMP/pitchgate.db")"
start 2
wait_decided
status=0
python3 scripts/crash_load.py verify "$TMP/pitchgate.db" "$TMP/state.json" "after the crash" || status=1
python3 scripts/crash_load.py resend "$URL" "$KEY" "$TMP/state.json" || status=1
wait_decided
python3 scripts/crash_load.py verify "$TMP/pitchgate.db" "$TMP/state.json" "after resending all" || status=1
rows=$(sqlite3 "$TMP/pitchgate.db" "SELECT count(*) FROM pitches")
[ "$rows" = "$COUNT" ] || { echo "VIOLATION: $rows pitches stored for $COUNT sent"; status=1; }
echo "== $([ $status = 0 ] && echo PASSED || echo FAILED): $COUNT sent, $rows stored, each decided once"
exit $status
