#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL server, for the tests that need one:
#
#   scripts/with-postgres.sh mvn -B verify
#
# The server is initialised in a temporary folder, listens on 127.0.0.1 only, on a free port, and
# is stopped and deleted when the command ends. The command gets its JDBC URL in
# PITCHGATE_TEST_POSTGRES_URL (jdbc:postgresql://127.0.0.1:PORT/pitchgate_test?user=postgres);
# the tests create a database of their own on that server for each test class.
#
# Needs Debian's (or PGDG's) PostgreSQL server binaries: apt-get install -y postgresql.
# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]   (e.g. $0 mvn -B verify)" >&2
  exit 2
fi

pg_bin="${PITCHGATE_PG_BIN:-}"
if [ -z "$pg_bin" ]; then
  # The newest installed major version.
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql (apt-get install -y postgresql)," \
       "or set PITCHGATE_PG_BIN to the folder holding initdb and pg_ctl" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pitchgate-pg.XXXXXX")"
data="$work/data"
log="$work/server.log"

if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$work"
  as_server_user() { (cd "$work" && runuser -u postgres -- "$@"); }
else
  as_server_user() { (cd "$work" && "$@"); }
fi

started=""
cleanup() {
  if [ -n "$started" ]; then
    as_server_user "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 \
      || as_server_user "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_server_user "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }

# A throwaway server: durability settings off, so that creating a database per test class is quick.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  candidate=$((20000 + RANDOM % 20000))
  port_taken "$candidate" && continue
  if as_server_user "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $candidate -c listen_addresses=127.0.0.1 \
      -c unix_socket_directories=$work -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=200" start >/dev/null; then
    port="$candidate"
    started=yes
    break
  fi
done
if [ -z "$port" ]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$log" >&2 || true
  exit 1
fi

as_server_user "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE pitchgate_test" >/dev/null

export PITCHGATE_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/pitchgate_test?user=postgres"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port;" \
     "PITCHGATE_TEST_POSTGRES_URL=$PITCHGATE_TEST_POSTGRES_URL" >&2

status=0
"$@" || status=$?
exit "$status"
