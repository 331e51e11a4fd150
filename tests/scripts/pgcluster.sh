#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests that run the server's store on
# PostgreSQL (the pg_cluster CTest fixture):
#
#   pgcluster.sh start STATE_DIR   initdb in a new temporary folder, start it
#                                  on a free loopback port, write STATE_DIR/url
#   pgcluster.sh stop STATE_DIR    stop it and remove the folder
#
# Trust authentication, on 127.0.0.1 and a private socket folder only. As
# root the cluster runs as the `postgres` user (PostgreSQL refuses root).
# PG_BINDIR overrides where initdb and pg_ctl are found.
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
if [ -z "$cmd" ] || [ -z "$state" ]; then
    echo "usage: pgcluster.sh start|stop STATE_DIR" >&2
    exit 2
fi

find_bindir() {
    if [ -n "${PG_BINDIR:-}" ]; then
        echo "$PG_BINDIR"
        return
    fi
    local d
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ]; then
            echo "$d"
            return
        fi
    done
    dirname "$(command -v initdb)"
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop() {
    [ -f "$state/dir" ] || return 0
    local dir bindir
    dir="$(cat "$state/dir")"
    bindir="$(find_bindir)"
    if [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
    */baton-pg.*) rm -rf -- "$dir" ;;
    esac
    rm -f "$state/dir" "$state/url"
}

start() {
    mkdir -p "$state"
    stop # a cluster left by an interrupted run
    local bindir dir port log
    bindir="$(find_bindir)"
    # As root the postgres user must reach the folder: /tmp, whatever TMPDIR says.
    local parent="${TMPDIR:-/tmp}"
    if [ "$(id -u)" -eq 0 ]; then
        parent=/tmp
    fi
    dir="$(mktemp -d "$parent/baton-pg.XXXXXX")"
    echo "$dir" >"$state/dir"
    mkdir -p "$dir/data" "$dir/socket"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi
    chmod 700 "$dir"
    log="$dir/initdb.log"
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C --no-sync >"$log" 2>&1; then
        cat "$log" >&2
        exit 1
    fi
    cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
HBA
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        port_free "$port" || continue
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir/socket \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null 2>&1; then
            echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$state/url"
            echo "PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($dir)"
            return 0
        fi
    done
    cat "$dir/server.log" >&2 || true
    echo "could not start PostgreSQL" >&2
    exit 1
}

case "$cmd" in
start) start ;;
stop) stop ;;
*)
    echo "usage: pgcluster.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
