# Sourced by the benchmark scripts, so that each starts the server, and reads what it used and what
# wrk measured, the same way.
#
# README's start command gives these JVM options (see docs/benchmarks.md); bench/load.sh --plain-jvm
# leaves them out, to measure a build from before they were recommended as it was run then.
RECOMMENDED_JVM_OPTIONS=(-XX:+UseParallelGC -XX:+UseTransparentHugePages -XX:TieredStopAtLevel=1)
# ...and this environment (glibc's allocator: at most 4 arenas for all the threads' native memory).
RECOMMENDED_ENVIRONMENT=(MALLOC_ARENA_MAX=4)
# What start_server runs java with; bench/load.sh --plain-jvm empties it.
server_environment=("${RECOMMENDED_ENVIRONMENT[@]}")

# start_server JAR CONFIG PORT LOG [JVM options...]: the API on PORT and the admin port on PORT + 1,
# without keys and with warnings only in the log; sets started_pid and returns once the health check
# answers, or prints the log and exits.
start_server() {
  local jar=$1 config=$2 port=$3 log=$4
  shift 4
  env "${server_environment[@]}" java "$@" -Ddw.auth.enabled=false -Ddw.server.applicationConnectors[0].port="$port" \
    -Ddw.server.adminConnectors[0].port=$((port + 1)) -Ddw.logging.level=WARN \
    -jar "$jar" server "$config" > "$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "localhost:$((port + 1))/healthcheck" > /dev/null 2>&1 && return
    sleep 0.5
  done
  cat "$log"
  exit 1
}

# CPU seconds a process has used so far (user + system), from /proc.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$1/stat"
}

# wrk reports latencies as "12.34ms", "1.20s" or "850.00us": in milliseconds.
to_ms() {
  python3 -c "import re, sys; v, u = re.match(r'([\d.]+)(\w+)', sys.argv[1]).groups(); print(round(float(v) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[u], 1))" "$1"
}
