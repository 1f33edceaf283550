# A throwaway PostgreSQL 15 cluster: temp data folder, loopback port, TLS with a throwaway CA,
# stopped by fund_pg_stop. Exports for the db-pg tests:
#   FUND_TEST_PG_URL      postgresql://fund@127.0.0.1:PORT/postgres (plain loopback, as before;
#                         libpq's default sslmode=prefer may use TLS, nothing verifies it)
#   FUND_TEST_PG_TLS_URL  postgresql://fund@localhost:PORT/postgres?sslmode=verify-full&sslrootcert=…/ca.crt
#   FUND_TEST_PG_CA       the test CA's certificate (generated here, never committed)
#   FUND_TEST_PG_RESTART  a script that restarts the server: `restart` or `restart fast` is a
#                         clean fast restart (pg_ctl restart -m fast -w); `restart immediate`
#                         kills every backend without cleanup, like a crash, and recovers
#   FUND_TEST_PG_PORT
# shellcheck shell=bash

# Makes a CA and a server certificate for localhost / 127.0.0.1 in folder $1 (openssl CLI).
fund_pg_make_tls() {
    local dir=$1
    mkdir -p "$dir"
    (
        cd "$dir" || exit 1
        openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 7 \
            -subj "/CN=Fund Counter test CA" -keyout ca.key -out ca.crt \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
            && openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
                -subj "/CN=localhost" -keyout server.key -out server.csr \
            && printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
                "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >server.ext \
            && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 7 \
                -extfile server.ext -out server.crt
    ) >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; exit 1; }
    rm -f "$dir/server.csr" "$dir/ca.key" # nothing signs anything else later
    # The server refuses a key file that others can read; it must belong to the server's user.
    chmod 0600 "$dir/server.key"
    chmod 0644 "$dir/ca.crt" "$dir/server.crt"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir/server.key" "$dir/server.crt"
    fi
}

fund_pg_start() {
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "PostgreSQL server binaries not found (package postgresql)." >&2
        exit 1
    fi
    if ! command -v openssl >/dev/null; then
        echo "The openssl command is needed for the test server's certificates (package openssl)." >&2
        exit 1
    fi
    FUND_PG_DIR=$(mktemp -d /tmp/fund-pg.XXXXXX)
    chmod 0755 "$FUND_PG_DIR" # the tests (maybe another user than the server) read ca.crt
    FUND_PG_PORT=${FUND_PG_PORT:-$((55000 + RANDOM % 5000))}
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$FUND_PG_DIR"
        run=(runuser -u postgres --)
    fi
    local tls="$FUND_PG_DIR/tls"
    fund_pg_make_tls "$tls"
    "${run[@]}" "$bindir/initdb" -D "$FUND_PG_DIR/data" -U fund --auth=trust -E UTF8 --locale=C.UTF-8 >"$FUND_PG_DIR/initdb.log" 2>&1 \
        || { cat "$FUND_PG_DIR/initdb.log" >&2; exit 1; }
    # pg_hba (trust on loopback) accepts plain and TLS connections alike; pg_ctl restart reuses
    # these options (postmaster.opts).
    "${run[@]}" "$bindir/pg_ctl" -D "$FUND_PG_DIR/data" -l "$FUND_PG_DIR/server.log" -w \
        -o "-h 127.0.0.1 -p $FUND_PG_PORT -k $FUND_PG_DIR -c fsync=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key" \
        start >/dev/null \
        || { cat "$FUND_PG_DIR/server.log" >&2; exit 1; }
    FUND_PG_BIN=$bindir
    FUND_PG_RUN=("${run[@]}")
    # For tests that restart the server (tests/dbpg, registered RUN_SERIAL).
    {
        echo '#!/bin/sh'
        echo 'case "${1:-fast}" in fast|immediate) ;; *) echo "usage: $0 [fast|immediate]" >&2; exit 2 ;; esac'
        printf 'exec %s %q -D %q -l %q -w -m "${1:-fast}" restart >/dev/null\n' "${run[*]}" "$bindir/pg_ctl" \
            "$FUND_PG_DIR/data" "$FUND_PG_DIR/server.log"
    } >"$FUND_PG_DIR/restart"
    chmod 0755 "$FUND_PG_DIR/restart"
    export FUND_TEST_PG_URL="postgresql://fund@127.0.0.1:$FUND_PG_PORT/postgres"
    export FUND_TEST_PG_TLS_URL="postgresql://fund@localhost:$FUND_PG_PORT/postgres?sslmode=verify-full&sslrootcert=$tls/ca.crt"
    export FUND_TEST_PG_CA="$tls/ca.crt"
    export FUND_TEST_PG_RESTART="$FUND_PG_DIR/restart"
    export FUND_TEST_PG_PORT=$FUND_PG_PORT
    fund_log "PostgreSQL test server on 127.0.0.1:$FUND_PG_PORT (TLS: CA $FUND_TEST_PG_CA)"
}

fund_pg_stop() {
    [ -n "${FUND_PG_DIR:-}" ] || return 0
    "${FUND_PG_RUN[@]}" "$FUND_PG_BIN/pg_ctl" -D "$FUND_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$FUND_PG_DIR"
}
