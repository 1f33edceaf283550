# A throwaway PostgreSQL 15 cluster: temp data folder, loopback port, stopped by fund_pg_stop.
# Exports FUND_TEST_PG_URL for the db-pg tests.
# shellcheck shell=bash

fund_pg_start() {
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "PostgreSQL server binaries not found (package postgresql)." >&2
        exit 1
    fi
    FUND_PG_DIR=$(mktemp -d /tmp/fund-pg.XXXXXX)
    FUND_PG_PORT=${FUND_PG_PORT:-$((55000 + RANDOM % 5000))}
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$FUND_PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bindir/initdb" -D "$FUND_PG_DIR/data" -U fund --auth=trust -E UTF8 --locale=C.UTF-8 >"$FUND_PG_DIR/initdb.log" 2>&1 \
        || { cat "$FUND_PG_DIR/initdb.log" >&2; exit 1; }
    "${run[@]}" "$bindir/pg_ctl" -D "$FUND_PG_DIR/data" -l "$FUND_PG_DIR/server.log" -w \
        -o "-h 127.0.0.1 -p $FUND_PG_PORT -k $FUND_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$FUND_PG_DIR/server.log" >&2; exit 1; }
    FUND_PG_BIN=$bindir
    FUND_PG_RUN=("${run[@]}")
    export FUND_TEST_PG_URL="postgresql://fund@127.0.0.1:$FUND_PG_PORT/postgres"
    export FUND_TEST_PG_PORT=$FUND_PG_PORT
    fund_log "PostgreSQL test server on 127.0.0.1:$FUND_PG_PORT"
}

fund_pg_stop() {
    [ -n "${FUND_PG_DIR:-}" ] || return 0
    "${FUND_PG_RUN[@]}" "$FUND_PG_BIN/pg_ctl" -D "$FUND_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$FUND_PG_DIR"
}
