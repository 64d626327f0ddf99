#!/usr/bin/env bash
# scripts/pg.sh - private, throw-away PostgreSQL clusters for this checkout.
#
# Usage: scripts/pg.sh COMMAND [CLUSTER]
#
#   start  demo|test   initdb on first use, then start (idempotent: does nothing
#                      when the cluster is already running). "demo" also creates
#                      the database "cooperationmodel" if it is missing.
#   stop   demo|test   stop the cluster if it is running (data is kept).
#   status [demo|test] say whether the cluster(s) run, where, and on which port.
#   port   demo|test   print the TCP port the running cluster listens on.
#   psql   demo|test [psql args...]   open psql on the cluster as user postgres.
#   clean              stop both clusters and delete all their data.
#
# Clusters (data lives in the git-ignored folder .local/pg/ of the repo):
#   demo  port 54329  .local/pg/demo  database cooperationmodel  (make run)
#   test  port 54339  .local/pg/test  tests create/drop their own databases
#
# These are NOT the system PostgreSQL service: nothing here touches the Debian
# cluster on 5432. The cluster listens on 127.0.0.1 only, with "trust" auth for
# user postgres - fine for a loopback dev/test database, never for production.
#
# When run as root, initdb/pg_ctl run as the "postgres" OS user (initdb refuses
# root). That user must be able to traverse the path to the data folder; a
# checkout under /root (mode 700) is not, so the data then goes to
# /tmp/cooperationmodel-pg-<hash of repo path>-<port> instead.
#
# Environment:
#   PG_DEMO_PORT  (default 54329)   PG_TEST_PORT (default 54339)
#   PG_FAST=1     start with fsync/synchronous_commit/full_page_writes off
#                 (faster commits, data may be lost on a crash; off by default)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PG_USER_OS=postgres          # OS user that owns the cluster when we are root
PG_SUPERUSER=postgres        # database superuser created by initdb
OWNER_ROLE=cooperationmodel_owner   # owns the tables; migrations run as it
APP_ROLE=cooperationmodel_app       # the app connects as it (row-level security)

say()  { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Short, stable hash of the repo path (used for /tmp fallbacks and socket dirs).
repo_hash() { printf '%s' "$REPO" | sha256sum | cut -c1-10; }

# ---------------------------------------------------------------------------
# Cluster settings
# ---------------------------------------------------------------------------
cluster_port() {
    case "$1" in
        demo) echo "${PG_DEMO_PORT:-54329}" ;;
        test) echo "${PG_TEST_PORT:-54339}" ;;
        *) die "unknown cluster '$1' (expected demo or test)" ;;
    esac
}

# Database created by "start" (empty = none).
cluster_db() {
    case "$1" in
        demo) echo "cooperationmodel" ;;
        *) echo "" ;;
    esac
}

# Run a command as the cluster's OS user: "postgres" when we are root
# (pitfall P4: initdb cannot run as root), else as ourselves. Runs from / so
# that postgres does not complain about an unreadable current directory.
as_pg() {
    if is_root; then
        id "$PG_USER_OS" >/dev/null 2>&1 \
            || die "OS user '$PG_USER_OS' missing - is PostgreSQL installed? run scripts/setup.sh"
        if command -v setpriv >/dev/null 2>&1; then
            (cd / && setpriv --reuid="$PG_USER_OS" --regid="$PG_USER_OS" --init-groups -- "$@")
        else
            (cd / && runuser -u "$PG_USER_OS" -- "$@")
        fi
    else
        "$@"
    fi
}

# Newest installed PostgreSQL bin dir, or the one matching an existing data dir.
# Sets PGBIN. Never hard-codes a major version.
pick_pgbin() {
    local data="$1" ver best=""
    if [ -f "$data/PG_VERSION" ]; then
        ver="$(cat "$data/PG_VERSION")"
        [ -x "/usr/lib/postgresql/$ver/bin/postgres" ] \
            || die "$data was created by PostgreSQL $ver, which is not installed here; run 'make clean-db' to start afresh"
        PGBIN="/usr/lib/postgresql/$ver/bin"
        return
    fi
    local initdb
    for initdb in /usr/lib/postgresql/*/bin/initdb; do
        [ -x "$initdb" ] || continue
        ver="${initdb#/usr/lib/postgresql/}"; ver="${ver%%/*}"
        best="$(printf '%s\n%s\n' "$best" "$ver" | sort -V | tail -n1)"
    done
    [ -n "$best" ] || die "no /usr/lib/postgresql/*/bin/initdb found; run scripts/setup.sh (installs the 'postgresql' package)"
    PGBIN="/usr/lib/postgresql/$best/bin"
}

# Where a cluster's data lives. Prefers an existing data dir; otherwise the
# repo's .local/pg/NAME when the postgres user can reach it, else /tmp.
data_dir() {
    local name="$1" port local_dir fallback
    port="$(cluster_port "$name")"
    local_dir="$REPO/.local/pg/$name"
    fallback="/tmp/cooperationmodel-pg-$(repo_hash)-$port"
    if [ -f "$local_dir/PG_VERSION" ]; then echo "$local_dir"; return; fi
    if [ -f "$fallback/PG_VERSION" ];  then echo "$fallback";  return; fi
    if ! is_root || as_pg test -x "$REPO" 2>/dev/null; then
        echo "$local_dir"
    else
        echo "$fallback"
    fi
}

# Short unix-socket dir (socket paths are limited to 107 bytes).
socket_dir() { echo "/tmp/.cmpg-$(printf '%s' "$1" | sha256sum | cut -c1-10)"; }

# True when the postmaster recorded in DATA/postmaster.pid is alive and really
# is a postgres process (guards against a stale pid file whose PID got reused).
is_running() {
    local data="$1" pid
    [ -f "$data/postmaster.pid" ] || return 1
    pid="$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
    grep -q postgres "/proc/$pid/comm" 2>/dev/null
}

# Port of a running cluster: line 4 of postmaster.pid.
running_port() { sed -n 4p "$1/postmaster.pid"; }

# True when something already accepts TCP connections on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

psql_cmd() {
    local port="$1"; shift
    PGCONNECT_TIMEOUT=5 "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" "$@"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------
init_cluster() {
    local name="$1" data="$2" port="$3" sock out
    say "creating PostgreSQL cluster '$name' in $data (first run only)"
    if [ "$data" = "$REPO/.local/pg/$name" ]; then
        mkdir -p "$REPO/.local/pg"
        # Let the postgres user traverse (not list) our ignored folders.
        if is_root; then chmod o+x "$REPO/.local" "$REPO/.local/pg"; fi
    else
        warn "user '$PG_USER_OS' cannot reach $REPO; keeping the '$name' cluster in $data instead"
    fi
    mkdir -p "$data"
    if is_root; then chown "$PG_USER_OS:$PG_USER_OS" "$data"; fi
    chmod 700 "$data"

    out="$(as_pg "$PGBIN/initdb" -D "$data" -U "$PG_SUPERUSER" --auth=trust \
            -E UTF8 --locale=C.UTF-8 --no-instructions 2>&1)" \
        || { printf '%s\n' "$out" >&2; die "initdb failed for $data"; }

    sock="$(socket_dir "$data")"
    cat >>"$data/postgresql.conf" <<EOF

# ---- added by scripts/pg.sh: private throw-away cluster '$name' ----
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 200
EOF
}

cmd_start() {
    local name="$1" data port want_port sock db tries=0 fast_opts=""
    want_port="$(cluster_port "$name")"
    data="$(data_dir "$name")"
    pick_pgbin "$data"

    if is_running "$data"; then
        port="$(running_port "$data")"
        say "database '$name' already running on 127.0.0.1:$port"
    else
        [ -f "$data/PG_VERSION" ] || init_cluster "$name" "$data" "$want_port"

        # /tmp may have been cleaned since the last start: recreate socket dir.
        sock="$(socket_dir "$data")"
        mkdir -p "$sock"
        if is_root; then chown "$PG_USER_OS:$PG_USER_OS" "$sock"; fi

        # Another checkout's cluster (or anything else) may hold the port:
        # then take the next free one. Callers ask "pg.sh port NAME".
        port="$want_port"
        while port_busy "$port"; do
            tries=$((tries + 1))
            [ "$tries" -le 9 ] || die "ports $want_port..$port on 127.0.0.1 are all busy"
            port=$((port + 1))
        done
        [ "$port" = "$want_port" ] \
            || warn "127.0.0.1:$want_port is busy (another checkout's cluster?); '$name' uses port $port"

        if [ "${PG_FAST:-0}" = "1" ]; then
            fast_opts=" -F -c synchronous_commit=off -c full_page_writes=off"
        fi

        say "starting database '$name' on 127.0.0.1:$port ($PGBIN)"
        if ! as_pg "$PGBIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
                -o "-p $port$fast_opts" start >/dev/null; then
            tail -n 20 "$data/server.log" >&2 || true
            die "PostgreSQL cluster '$name' did not start (log: $data/server.log)"
        fi
    fi

    ensure_roles "$port"
    db="$(cluster_db "$name")"
    if [ -n "$db" ]; then
        if [ "$(psql_cmd "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
            say "creating database '$db'"
            psql_cmd "$port" -d postgres -c "CREATE DATABASE \"$db\" OWNER $OWNER_ROLE" >/dev/null
        fi
        hand_to_owner "$port" "$db"
    fi
}

# The two roles of docs/security.md: the tables' owner (migrations run as it)
# and the app's role, which owns nothing and cannot bypass row-level security.
# Trust auth on loopback, so no passwords here; production gives them its own.
ensure_roles() {
    psql_cmd "$1" -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$OWNER_ROLE') THEN
        CREATE ROLE $OWNER_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
        CREATE ROLE $APP_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END \$\$;
SQL
}

# A demo database made before the roles existed belongs to postgres: hand it
# and its tables to the owner role (once; nothing to do afterwards).
hand_to_owner() {
    psql_cmd "$1" -d "$2" -v ON_ERROR_STOP=1 >/dev/null <<SQL
ALTER DATABASE "$2" OWNER TO $OWNER_ROLE;
DO \$\$ DECLARE t record; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '$OWNER_ROLE' LOOP
        EXECUTE format('ALTER TABLE public.%I OWNER TO $OWNER_ROLE', t.tablename);
    END LOOP;
END \$\$;
SQL
}

cmd_stop() {
    local name="$1" data
    data="$(data_dir "$name")"
    if is_running "$data"; then
        pick_pgbin "$data"
        say "stopping database '$name'"
        as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    else
        say "database '$name' is not running"
    fi
}

cmd_status() {
    local name data
    for name in "$@"; do
        data="$(data_dir "$name")"
        if is_running "$data"; then
            echo "$name: running on 127.0.0.1:$(running_port "$data")  data: $data"
        elif [ -f "$data/PG_VERSION" ]; then
            echo "$name: stopped  data: $data"
        else
            echo "$name: not created yet  (would be $data)"
        fi
    done
}

cmd_port() {
    local data
    data="$(data_dir "$1")"
    is_running "$data" || die "database '$1' is not running (scripts/pg.sh start $1)"
    running_port "$data"
}

cmd_psql() {
    local name="$1" data db; shift
    data="$(data_dir "$name")"
    is_running "$data" || die "database '$name' is not running (scripts/pg.sh start $name)"
    pick_pgbin "$data"
    db="$(cluster_db "$name")"
    exec "$PGBIN/psql" -h 127.0.0.1 -p "$(running_port "$data")" -U "$PG_SUPERUSER" -d "${db:-postgres}" "$@"
}

cmd_clean() {
    local name
    for name in demo test; do cmd_stop "$name"; done
    say "deleting cluster data: $REPO/.local/pg and /tmp/cooperationmodel-pg-$(repo_hash)-*"
    for name in demo test; do rm -rf "$(socket_dir "$(data_dir "$name")")"; done
    rm -rf "$REPO/.local/pg" /tmp/cooperationmodel-pg-"$(repo_hash)"-*
}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }

cmd="${1:-}"
case "$cmd" in
    start|stop|port)
        [ $# -eq 2 ] || { usage >&2; exit 2; }
        cluster_port "$2" >/dev/null      # validates the name
        "cmd_$cmd" "$2" ;;
    psql)
        [ $# -ge 2 ] || { usage >&2; exit 2; }
        cluster_port "$2" >/dev/null
        shift; cmd_psql "$@" ;;
    status)
        if [ $# -ge 2 ]; then cluster_port "$2" >/dev/null; cmd_status "$2"; else cmd_status demo test; fi ;;
    clean)
        cmd_clean ;;
    -h|--help|help)
        usage ;;
    *)
        usage >&2; exit 2 ;;
esac
