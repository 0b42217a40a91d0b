#!/usr/bin/env bash
# End-to-end load benchmark: starts Pitchgate on a fresh store, drives POST /api/messages with wrk
# (from a second process, on loopback) using a corpus of varied raw e-mails, and prints messages per
# second, latency percentiles and the servers' peak RSS.
#
#   bench/load.sh [--store sqlite|postgres] [--instances N] [--warmup 15s] [--duration 30s] [--connections 16] [--heap 512m]
#                 [--stored 1000000] [--profile out.jfr] [--jar another-build.jar --config its-config.yml]
#
# --stored N fills the (SQLite) store with N decided pitches first (bench/seed_store.py), to show that
# cost does not grow with the store.
# --profile records a JFR profile of the (first) server during the measured run; read it with
#   jfr print --events jdk.ExecutionSample out.jfr   or   jfr summary out.jfr
#
# PostgreSQL: runs under scripts/with-postgres.sh (a throwaway server) unless
# PITCHGATE_TEST_POSTGRES_URL is already set. Several instances share the one database, each on its
# own port with its own wrk. Needs: java, mvn, python3, wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/pitchgate-0.1.0-SNAPSHOT.jar config=config.yml
stored=0 store=sqlite instances=1 warmup=15s duration=30s connections=16 threads=2 heap=512m profile=
arguments=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --profile) profile=$(realpath -m "$2"); shift 2 ;;
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --config) config=$(realpath "$2"); shift 2 ;;
    --stored) stored=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$store" = postgres ] && [ -z "${PITCHGATE_TEST_POSTGRES_URL:-}" ]; then
  exec bash scripts/with-postgres.sh bash "$0" "${arguments[@]}"
fi

for tool in wrk python3 curl; do
  command -v "$tool" > /dev/null || { echo "bench/load.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done

[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus" 200

database=()
if [ "$store" = postgres ]; then
  database=(-Ddw.database.driverClass=org.postgresql.Driver -Ddw.database.url="$PITCHGATE_TEST_POSTGRES_URL")
else
  database=(-Ddw.database.url="jdbc:sqlite:$work/data/pitchgate.db")
fi

start_server() { # instance number, log file
  local port=$((18080 + 2 * $1)) admin=$((18081 + 2 * $1))
  java -Xmx"$heap" "${deep_stacks[@]}" -Ddw.auth.enabled=false -Ddw.server.applicationConnectors[0].port=$port \
    -Ddw.server.adminConnectors[0].port=$admin -Ddw.logging.level=WARN \
    "${database[@]}" -jar "$jar" server "$config" > "$2" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "localhost:$admin/healthcheck" > /dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "localhost:$admin/healthcheck" > /dev/null || { cat "$2"; exit 1; }
}

deep_stacks=()
# Started with the JVM: starting a recording later makes the JVM throw away and redo compiled code.
[ -n "$profile" ] && deep_stacks=(-XX:FlightRecorderOptions:stackdepth=${PROFILE_STACK_DEPTH:-64}
  -XX:StartFlightRecording=name=load,settings=default)

if [ "$stored" -gt 0 ]; then
  [ "$store" = sqlite ] || { echo "--stored works on the SQLite store only" >&2; exit 2; }
  start_server 1 "$work/migrate.log" # creates and migrates the store
  kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
  echo "storing $stored pitches first"
  python3 bench/seed_store.py "$work/data/pitchgate.db" "$stored"
fi

pids=()
for i in $(seq 1 "$instances"); do
  start_server "$i" "$work/server-$i.log"
  pids+=("$started_pid")
done

# A fresh JVM spends its first seconds compiling: a warm-up run, not measured, comes first.
if [ "$warmup" != 0 ]; then
  warmups=()
  for i in $(seq 1 "$instances"); do
    wrk -t "$threads" -c "$connections" -d "$warmup" -s bench/load.lua "http://localhost:$((18080 + 2 * i))" -- "$work/corpus" warmup \
      > /dev/null 2>&1 &
    warmups+=($!)
  done
  wait "${warmups[@]}"
fi

measured_from=$(date +%H:%M:%S)

# CPU seconds a process has used so far (user + system), from /proc.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$1/stat"
}

echo "store: $store, instances: $instances, connections per instance: $connections, duration: $duration"
cpu_before=()
for pid in "${pids[@]}"; do cpu_before+=("$(cpu_seconds "$pid")"); done
wrks=()
for i in $(seq 1 "$instances"); do
  port=$((18080 + 2 * i))
  wrk -t "$threads" -c "$connections" -d "$duration" --latency -s bench/load.lua "http://localhost:$port" -- "$work/corpus" measured \
    > "$work/wrk-$i.txt" 2>&1 &
  wrks+=($!)
done
wait "${wrks[@]}"

# The profile covers the measured run only, after the warm-up.
[ -n "$profile" ] && jcmd "${pids[0]}" JFR.dump name=load begin="$measured_from" filename="$profile" > /dev/null \
  && echo "profile: $profile"

total=0
for i in $(seq 1 "$instances"); do
  echo "--- instance $i"
  grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors|requests in" "$work/wrk-$i.txt"
  rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$i.txt")
  total=$(python3 -c "print(round($total + $rate, 1))")
  pid=${pids[$((i - 1))]}
  echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$pid/status)"
  # Server CPU per message: unlike messages/s, barely moved by other load on the machine.
  requests=$(awk '/requests in/ {print $1}' "$work/wrk-$i.txt")
  cpu=$(python3 -c "print(round($(cpu_seconds "$pid") - ${cpu_before[$((i - 1))]}, 2))")
  echo "server CPU: $cpu s, $(python3 -c "print(round(1000 * $cpu / max(1, $requests), 2))") ms per message"
done
echo "total: $total messages/s"
