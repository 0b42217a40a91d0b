#!/usr/bin/env bash
# Two builds measured by turns: this machine's speed moves by up to 40 % within a day, so a figure of
# one build against a figure of another taken an hour apart says little. Runs bench/load.sh for A,
# then B, ROUNDS times (each on a fresh store, its own warm-up, one measured run), and prints every
# run, then the median of each build's runs.
#
#   bench/ab.sh ROUNDS A.jar[:its-config.yml] B.jar[:its-config.yml] [bench/load.sh options...]
#   bench/ab.sh 3 /tmp/before.jar target/pitchgate-0.1.0-SNAPSHOT.jar --corpus /tmp/typical --warmup 120s
#
# A build without a config runs with this checkout's config.yml. Options after the two builds go to
# every bench/load.sh run (not --jar, --config or --runs).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 3 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
rounds=$1 builds=("$2" "$3")
shift 3

results=$(mktemp)
trap 'rm -f "$results"' EXIT
labels=(A B)
for round in $(seq 1 "$rounds"); do
  for i in 0 1; do
    label=${labels[$i]} build=${builds[$i]}
    jar=${build%%:*} config=config.yml
    [ "$build" != "$jar" ] && config=${build#*:}
    line=$(bench/load.sh --jar "$jar" --config "$config" --runs 1 "$@" | grep -E '^run 1:' | sed 's/^run 1: //')
    echo "$(date +%H:%M:%S) round $round, $label ($jar): $line"
    echo "$label $line" >> "$results"
  done
done

python3 - "$results" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, rest = line.split(' ', 1)
    numbers = [float(n) for n in re.search(r'([\d.]+) messages/s, p50 ([\d.]+) ms, p99 ([\d.]+) ms, server CPU ([\d.]+) ms'
                                            r' per message, peak RSS ([\d.]+) MiB, written ([\d.]+) KiB', rest).groups()]
    runs.setdefault(label, []).append(numbers)
for label, rows in sorted(runs.items()):
    m = [statistics.median(column) for column in zip(*rows)]
    print(f"{label}: median of {len(rows)}: {m[0]:.1f} messages/s, p50 {m[1]:.0f} ms, p99 {m[2]:.0f} ms, "
          f"server CPU {m[3]:.2f} ms per message, peak RSS {max(r[4] for r in rows):.0f} MiB, written {m[5]:.0f} KiB per message")
if 'A' in runs and 'B' in runs:
    a = statistics.median(r[0] for r in runs['A'])
    b = statistics.median(r[0] for r in runs['B'])
    print(f"B against A: {100 * (b / a - 1):+.1f} % messages/s")
PY
