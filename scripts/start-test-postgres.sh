#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite (and the benchmark)
# from Debian's postgresql package, on 127.0.0.1, with a "dyad" role that may
# create databases. Prints the admin URL the tests read from DYAD_TEST_PG_URL.
# Usage: eval "$(scripts/start-test-postgres.sh)"   (idempotent: reuses a running server)
set -euo pipefail
PORT="${DYAD_TEST_PG_PORT:-54329}"
DIR="${DYAD_TEST_PG_DIR:-/tmp/dyad-test-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then echo "start-test-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
URL="postgres://dyad@127.0.0.1:${PORT}/postgres"

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then echo "export DYAD_TEST_PG_URL=$URL"; exit 0; fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
  as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# fsync off: a test server's data is thrown away, and the tests run faster
as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
"$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dyad') THEN CREATE ROLE dyad LOGIN CREATEDB; END IF; END \$\$;" >/dev/null
echo "export DYAD_TEST_PG_URL=$URL"
