#!/usr/bin/env bash
# End-to-end load benchmark: starts Pitchgate on a fresh store, drives POST /api/messages with wrk
# (from a second process, on loopback) using a corpus of varied raw e-mails, and prints messages per
# second, latency percentiles, the servers' CPU and bytes written to storage per message, and their
# peak RSS.
#
#   bench/load.sh [--store sqlite|postgres] [--instances N] [--warmup 15s] [--duration 30s] [--connections 16] [--heap 512m]
#                 [--runs 3] [--rate 50] [--stored 1000000] [--profile out.jfr] [--jar another-build.jar --config its-config.yml]
#                 [--corpus folder-of-eml-files] [--java-option -XX:+PrintCompilation ...] [--plain-jvm]
#
# --runs N measures N times on the same (warm) server and prints each run and the medians.
# --rate R sends about R messages per second in all (each connection paced by wrk's delay(), the
# pause calibrated by two 10 s runs first): the latency at a given load, rather than at the most the
# server can take.
# --stored N fills the (SQLite) store with N decided pitches first (bench/seed_store.py), to show that
# cost does not grow with the store.
# --java-option passes an option to the servers' JVMs (repeat it for several), after those README's
# start command gives (-XX:+UseParallelGC -XX:+UseTransparentHugePages -XX:TieredStopAtLevel=1, and
# MALLOC_ARENA_MAX=4 in the environment: see docs/benchmarks.md); --plain-jvm leaves those out
# (to measure a build from before they were recommended as it was run then).
# --corpus sends the .eml files of a folder instead of the generated corpus (bench/make_corpus.py).
# --profile records a JFR profile of the (first) server during the measured run; read it with
#   jfr print --events jdk.ExecutionSample out.jfr   or   jfr summary out.jfr
#
# PostgreSQL: runs under scripts/with-postgres.sh (a throwaway server) unless
# PITCHGATE_TEST_POSTGRES_URL is already set. Several instances share the one database, each on its
# own port with its own wrk. Needs: java, mvn, python3, wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

jar=target/pitchgate-0.1.0-SNAPSHOT.jar config=config.yml runs=1 rate=
stored=0 corpus= java_options=() recommended=("${RECOMMENDED_JVM_OPTIONS[@]}") store=sqlite instances=1 warmup=15s duration=30s connections=16 threads=2 heap=256m profile=
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
    --runs) runs=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --corpus) corpus=$(realpath "$2"); shift 2 ;;
    --java-option) java_options+=("$2"); shift 2 ;;
    --plain-jvm) recommended=(); server_environment=(); shift ;;
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
if [ -n "$corpus" ]; then
  ln -s "$corpus" "$work/corpus"
else
  python3 bench/make_corpus.py "$work/corpus" 200
fi

database=()
if [ "$store" = postgres ]; then
  database=(-Ddw.database.driverClass=org.postgresql.Driver -Ddw.database.url="$PITCHGATE_TEST_POSTGRES_URL")
else
  database=(-Ddw.database.url="jdbc:sqlite:$work/data/pitchgate.db")
fi

# Instance i: the API on port 18080 + 2i, its admin port next to it.
start_instance() { # instance number, log file
  start_server "$jar" "$config" $((18080 + 2 * $1)) "$2" -Xmx"$heap" "${recommended[@]}" "${deep_stacks[@]}" \
    "${java_options[@]}" "${database[@]}"
}

deep_stacks=()
# Started with the JVM: starting a recording later makes the JVM throw away and redo compiled code.
[ -n "$profile" ] && deep_stacks=(-XX:FlightRecorderOptions:stackdepth=${PROFILE_STACK_DEPTH:-64}
  -XX:StartFlightRecording=name=load,settings=default)

if [ "$stored" -gt 0 ]; then
  [ "$store" = sqlite ] || { echo "--stored works on the SQLite store only" >&2; exit 2; }
  start_instance 1 "$work/migrate.log" # creates and migrates the store
  kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
  echo "storing $stored pitches first"
  python3 bench/seed_store.py "$work/data/pitchgate.db" "$stored"
fi

rate_per_instance=
[ -n "$rate" ] && rate_per_instance=$(python3 -c "print($rate / $instances)")

pids=()
for i in $(seq 1 "$instances"); do
  start_instance "$i" "$work/server-$i.log"
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

# Each connection waits its share of the rate's interval after each answer (load.lua), so the latency
# comes on top and a paced run falls short of the rate asked: a short calibration run measures by how
# much, and the pause is shortened by the latency it shows (twice: the latency grows with the rate).
if [ -n "$rate" ]; then
  asked=$rate_per_instance
  for round in 1 2; do # the latency grows with the rate: a second round corrects the first
    calibrations=()
    for i in $(seq 1 "$instances"); do
      wrk -t "$threads" -c "$connections" -d 10s -s bench/load.lua "http://localhost:$((18080 + 2 * i))" -- "$work/corpus" \
        "calibration$round" "$rate_per_instance" "$connections" > "$work/calibration-$i.txt" 2>&1 &
      calibrations+=($!)
    done
    wait "${calibrations[@]}"
    reached=$(cat "$work"/calibration-*.txt | awk '/Requests\/sec/ {sum += $2; n++} END {printf "%.1f", sum / n}')
    paced=$(python3 -c "
c, asked, paced, reached = $connections, $asked, $rate_per_instance, $reached
latency = c / reached - c / paced  # seconds each connection spends waiting for an answer
print(round(c / max(c / asked - latency, 1e-3), 1))")
    echo "pacing: $reached messages/s per instance reached when paced for $rate_per_instance (calibration $round); now paced for $paced"
    rate_per_instance=$paced
  done
fi

# Bytes a process has had written to storage so far (/proc/PID/io write_bytes: the SQLite store's log
# and database file, and the server's own log): per message, a figure the machine's speed moves only
# through the size of the group commit's batches.
written_bytes() {
  awk '$1 == "write_bytes:" {print $2}' "/proc/$1/io"
}

echo "store: $store, stored before: $stored, instances: $instances, connections per instance: $connections," \
  "duration: $duration, rate: ${rate:-as fast as it goes}, runs: $runs"
measured_from=$(date +%H:%M:%S)
summary="$work/summary.txt"
for run in $(seq 1 "$runs"); do
  cpu_before=() written_before=()
  for pid in "${pids[@]}"; do cpu_before+=("$(cpu_seconds "$pid")"); written_before+=("$(written_bytes "$pid")"); done
  wrks=()
  for i in $(seq 1 "$instances"); do
    port=$((18080 + 2 * i))
    wrk -t "$threads" -c "$connections" -d "$duration" --latency -s bench/load.lua "http://localhost:$port" \
      -- "$work/corpus" "run$run" "${rate_per_instance:-0}" "$connections" > "$work/wrk-$i.txt" 2>&1 &
    wrks+=($!)
  done
  wait "${wrks[@]}"

  total=0 requests_all=0 cpu_all=0 written_all=0 p50s=() p99s=()
  for i in $(seq 1 "$instances"); do
    [ "$runs" -gt 1 ] || echo "--- instance $i"
    [ "$runs" -gt 1 ] || grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors|requests in" "$work/wrk-$i.txt"
    total=$(python3 -c "print(round($total + $(awk '/Requests\/sec/ {print $2}' "$work/wrk-$i.txt"), 1))")
    p50s+=("$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/wrk-$i.txt")")")
    p99s+=("$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk-$i.txt")")")
    pid=${pids[$((i - 1))]}
    # Server CPU per message: unlike messages/s, barely moved by other load on the machine.
    requests=$(awk '/requests in/ {print $1}' "$work/wrk-$i.txt")
    cpu=$(python3 -c "print(round($(cpu_seconds "$pid") - ${cpu_before[$((i - 1))]}, 2))")
    requests_all=$((requests_all + requests))
    cpu_all=$(python3 -c "print($cpu_all + $cpu)")
    written_all=$((written_all + $(written_bytes "$pid") - ${written_before[$((i - 1))]}))
  done
  rss=$(for pid in "${pids[@]}"; do awk '/VmHWM/ {printf "%.0f\n", $2 / 1024}' "/proc/$pid/status"; done | sort -n | tail -1)
  cpu_per_message=$(python3 -c "print(round(1000 * $cpu_all / max(1, $requests_all), 2))")
  p50=$(printf '%s\n' "${p50s[@]}" | sort -n | tail -1)
  p99=$(printf '%s\n' "${p99s[@]}" | sort -n | tail -1)
  written_per_message=$(python3 -c "print(round($written_all / 1024 / max(1, $requests_all), 1))")
  echo "run $run: $total messages/s, p50 $p50 ms, p99 $p99 ms, server CPU $cpu_per_message ms per message," \
    "peak RSS $rss MiB, written $written_per_message KiB per message"
  echo "$total $p50 $p99 $cpu_per_message $rss $written_per_message" >> "$summary"
done

# The profile covers the measured runs only, after the warm-up.
[ -n "$profile" ] && jcmd "${pids[0]}" JFR.dump name=load begin="$measured_from" filename="$profile" > /dev/null \
  && echo "profile: $profile"

python3 - "$summary" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
median = [statistics.median(column) for column in zip(*rows)]
print(f"median of {len(rows)} run(s): {median[0]:.1f} messages/s, p50 {median[1]:.0f} ms, p99 {median[2]:.0f} ms, "
      f"server CPU {median[3]:.1f} ms per message, peak RSS {max(r[4] for r in rows):.0f} MiB (highest), "
      f"written {median[5]:.0f} KiB per message")
PY
