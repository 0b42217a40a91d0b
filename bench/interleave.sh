#!/usr/bin/env bash
# Two builds measured in interleaved bursts: both servers are started (each on a fresh SQLite store)
# and warmed up, then wrk drives one, then the other, in short bursts, ABBA...: neighbouring bursts
# see the machine at nearly the same speed. bench/ab.sh measures each build on a fresh server,
# minutes apart; on this machine, whose speed drifts by a third within minutes on some days, that
# cannot resolve a difference of a few per cent. This narrows the gap in time; run it with the same
# jar as A and B first to see the day's noise (on a bad day neighbouring bursts still differed by a
# fifth). The idle server costs next to no CPU.
#
#   bench/interleave.sh A.jar[:its-config.yml] B.jar[:its-config.yml] [--bursts 8] [--burst 20s]
#                       [--warmup 120s] [--connections 16] [--corpus FOLDER] [--heap 256m]
#                       [--java-option-a OPTION] [--java-option-b OPTION]
#
# --java-option-a/-b (repeatable) add a JVM option to one server only: the same jar twice with
# different options compares JVM settings.
# Prints each burst (messages/s, p99, the server's CPU per message from /proc), then per build the
# medians, and how many pairs of neighbouring bursts B won. Messages get fresh Message-IDs per burst
# (bench/load.lua). Without --corpus, bench/make_corpus.py generates the usual 200 messages.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

[ $# -ge 2 ] || { sed -n '2,19p' "$0" >&2; exit 2; }
builds=("$1" "$2")
shift 2
bursts=8 burst=20s warmup=120s connections=16 corpus= heap=256m
java_options_a=() java_options_b=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bursts) bursts=$2; shift 2 ;;
    --burst) burst=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --corpus) corpus=$(realpath "$2"); shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --java-option-a) java_options_a+=("$2"); shift 2 ;;
    --java-option-b) java_options_b+=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$corpus" ]; then
  python3 bench/make_corpus.py "$work/corpus" 200 > /dev/null
  corpus=$work/corpus
fi

labels=(A B) pids=() ports=()
for i in 0 1; do
  build=${builds[$i]} jar=${builds[$i]%%:*} config=config.yml
  [ "$build" != "$jar" ] && config=${build#*:}
  [ -f "$jar" ] || { echo "no jar $jar" >&2; exit 2; }
  port=$((18180 + 10 * i))
  mkdir -p "$work/${labels[$i]}"
  if [ "$i" = 0 ]; then extra=("${java_options_a[@]}"); else extra=("${java_options_b[@]}"); fi
  start_server "$jar" "$config" "$port" "$work/${labels[$i]}/server.log" -Xmx"$heap" "${RECOMMENDED_JVM_OPTIONS[@]}" \
    -Ddw.database.url="jdbc:sqlite:$work/${labels[$i]}/pitchgate.db" "${extra[@]}"
  pids+=("$started_pid") ports+=("$port")
done
for i in 0 1; do
  echo "warming ${labels[$i]} (${builds[$i]}) up for $warmup" >&2
  wrk -t 2 -c "$connections" -d "$warmup" -s bench/load.lua "http://localhost:${ports[i]}" -- "$corpus" "warmup-$i" > /dev/null
done

results=$work/results
run_burst() { # index, burst number
  local i=$1 before after out p99
  before=$(cpu_seconds "${pids[$i]}")
  out=$(wrk -t 2 -c "$connections" -d "$burst" --latency -s bench/load.lua "http://localhost:${ports[i]}" -- "$corpus" \
    "burst-$2-$i-$RANDOM")
  after=$(cpu_seconds "${pids[$i]}")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")
  python3 - "${labels[$i]}" "$2" "$before" "$after" "$p99" "$out" <<'PY' | tee -a "$results"
import re, sys, time
label, number, before, after, p99, out = sys.argv[1:]
requests = int(re.search(r'(\d+) requests in', out).group(1))
rate = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
cpu = (float(after) - float(before)) * 1000 / requests
print(f"{time.strftime('%H:%M:%S')} burst {number} {label}: {rate:.1f} messages/s, p99 {float(p99):.0f} ms, "
      f"server CPU {cpu:.2f} ms per message")
PY
}
for n in $(seq 1 "$bursts"); do
  # ABBA: neither build always goes first.
  if [ $((n % 2)) = 1 ]; then order=(0 1); else order=(1 0); fi
  for i in "${order[@]}"; do run_burst "$i" "$n"; done
done

python3 - "$results" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    number, label, rate, p99, cpu = re.search(
        r'burst (\d+) (\w): ([\d.]+) messages/s, p99 ([\d.]+) ms, server CPU ([\d.]+)', line).groups()
    runs.setdefault(label, {})[int(number)] = (float(rate), float(p99), float(cpu))
for label in sorted(runs):
    rows = runs[label].values()
    print(f"{label}: median of {len(rows)}: {statistics.median(r[0] for r in rows):.1f} messages/s, "
          f"p99 {statistics.median(r[1] for r in rows):.0f} ms, "
          f"server CPU {statistics.median(r[2] for r in rows):.2f} ms per message")
pairs = sorted(set(runs['A']) & set(runs['B']))
wins = sum(1 for n in pairs if runs['B'][n][0] > runs['A'][n][0])
ratios = [runs['B'][n][0] / runs['A'][n][0] for n in pairs]
print(f"B against A: {100 * (statistics.median(ratios) - 1):+.1f} % messages/s (median of the pairs' ratios), "
      f"B faster in {wins} of {len(pairs)} pairs")
PY
