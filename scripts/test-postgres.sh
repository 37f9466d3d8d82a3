#!/usr/bin/env bash
# A throw-away PostgreSQL server on 127.0.0.1 for the integration tests.
#   scripts/test-postgres.sh start   prints the DATABASE_URL to use
#   scripts/test-postgres.sh stop
# ATTUNE_TEST_PG_OPTS adds server settings (later ones win: the load benchmark turns fsync back on).
set -euo pipefail
PORT=${ATTUNE_TEST_PG_PORT:-54329}
STATE=${TMPDIR:-/tmp}/attune-test-pg-$PORT
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_pg() {
  # The server refuses to run as root, so root runs it as the postgres user.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -f "$STATE/data/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$STATE/data" stop -m immediate >/dev/null 2>&1 || true; fi
    rm -rf "$STATE"; mkdir -p "$STATE/data"
    if [ "$(id -u)" = "0" ]; then chown -R postgres:postgres "$STATE"; fi
    chmod 700 "$STATE/data"
    as_pg "$PGBIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 --no-locale >"$STATE/initdb.log" 2>&1
    as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/data/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE -c fsync=off -c max_connections=200 ${ATTUNE_TEST_PG_OPTS:-}" start >/dev/null
    "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q -c "CREATE DATABASE attune_test" >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/attune_test"
    ;;
  stop)
    [ -d "$STATE/data" ] && as_pg "$PGBIN/pg_ctl" -D "$STATE/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
