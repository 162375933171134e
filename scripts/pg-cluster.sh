#!/usr/bin/env bash
# pg-cluster.sh — a throwaway PostgreSQL cluster for tests.
#
#   pg-cluster.sh start DIR   start a cluster; prints  postgres://postgres@127.0.0.1:PORT/sord  on stdout
#   pg-cluster.sh stop  DIR   stop it (immediate) and remove DIR (and its run folder); idempotent
#   pg-cluster.sh url   DIR   print the URL of a running cluster again
#
# DIR must not exist yet, or be empty. Everything else the script prints goes to stderr.
#
# What it does on `start`:
#   * finds the server binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin with initdb
#     (Debian's postgresql-NN package), else initdb on PATH;
#   * PostgreSQL refuses to run as root, so when run as root it runs the server as an unprivileged
#     system user: $PG_OS_USER if set, else `sordtest` (created with `useradd --system` when missing,
#     serialised with flock). Not root: runs as the caller;
#   * the server's folder (data + Unix socket + log) is DIR itself when that user can reach it;
#     when it can't (DIR under a 0700 root-owned folder, e.g. /tmp/sord-e2e-UUID), or DIR's path is
#     too long for a Unix socket, it is a fresh /tmp/sord-pg.XXXXXXXX that DIR/cluster.env points to;
#   * initdb (trust auth, UTF8, locale C, --no-sync) runs once per PostgreSQL version, user and
#     script version into a template cache under /tmp; each cluster is a `cp -a` of it (~10x faster
#     than initdb). SORD_PG_NO_TEMPLATE=1 turns the cache off;
#   * picks a random free TCP port on 127.0.0.1 (retries on a bind race), starts the server with
#     fsync/synchronous_commit/full_page_writes off (tests only!), waits until it accepts
#     connections, and creates the database `sord`;
#   * SORD_PG_WATCH_PID=PID: a detached watcher stops the cluster when process PID exits (so a
#     killed test run leaves no server behind).
#
# Settings live in DATA/postgresql.conf, so `pg_ctl -D DATA start` (as the same user) restarts the
# same cluster on the same port, e.g. after a test kills the server.
set -euo pipefail

SCRIPT_VERSION=3          # bump when initdb options or conf settings change (invalidates templates)
PG_SUPERUSER=postgres
PG_DATABASE=sord

log() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Don't let the caller's libpq environment redirect our own psql/pg_isready calls.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE PGOPTIONS PGDATA PGSSLMODE || true
export LC_ALL=C

find_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        [[ -x "$PG_BIN/initdb" ]] || die "PG_BIN=$PG_BIN has no initdb"
        echo "$PG_BIN"; return
    fi
    local d best="" bestv=0 v
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/postgres" && -x "$d/pg_ctl" ]] || continue
        v=$(basename "$(dirname "$d")")
        [[ "$v" =~ ^[0-9]+$ ]] || continue
        if (( v > bestv )); then best=$d; bestv=$v; fi
    done
    if [[ -n "$best" ]]; then echo "$best"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    die "no PostgreSQL server binaries (apt-get install postgresql)"
}

# as_user CMD...: run CMD as the cluster's OS user (from /, so an unreadable cwd doesn't matter).
as_user() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && setpriv --reuid="$OS_USER" --regid="$OS_GROUP" --clear-groups \
            env HOME=/ USER="$OS_USER" LOGNAME="$OS_USER" "$@")
    else
        (cd / && "$@")
    fi
}

ensure_user() {
    if [[ $EUID -ne 0 ]]; then
        OS_USER=$(id -un); OS_GROUP=$(id -gn); return
    fi
    OS_USER=${PG_OS_USER:-sordtest}
    if ! getent passwd "$OS_USER" >/dev/null; then
        # Two concurrent starts must not race on /etc/passwd's lock.
        (
            flock -w 30 9 || die "cannot lock user creation"
            getent passwd "$OS_USER" >/dev/null ||
                useradd --system --no-create-home --home-dir /nonexistent \
                        --shell /usr/sbin/nologin --user-group "$OS_USER" >&2 ||
                die "useradd $OS_USER failed"
        ) 9>/tmp/.sord-pg-useradd.lock
    fi
    OS_GROUP=$(id -gn "$OS_USER")
}

# can_use FOLDER: the OS user can create files in FOLDER (all parents traversable).
can_use() { as_user test -w "$1" -a -x "$1" 2>/dev/null; }

# alive PID: the process exists and is not a zombie (an init that doesn't reap, as in some
# sandboxes, leaves an exited postmaster as a zombie that `kill -0` still reports).
alive() {
    local st
    st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ -n "$st" && "$st" != Z* ]]
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
    local p i
    for i in $(seq 1 50); do
        # 10000..32767: below Linux's ephemeral range, so outgoing connections don't take it.
        p=$(( 10000 + (RANDOM * 32768 + RANDOM) % 22768 ))
        port_in_use "$p" || { echo "$p"; return; }
    done
    die "no free port found"
}

INITDB_OPTS=(-U "$PG_SUPERUSER" --auth-local=trust --auth-host=trust -E UTF8 --locale=C --no-sync --no-instructions)

# Settings appended to postgresql.conf (throwaway clusters only: no durability). Root may append to
# the OS user's file; ownership is unchanged.
write_base_conf() {
    cat >>"$1/postgresql.conf" <<'EOF'

# --- pg-cluster.sh: throwaway test cluster, no durability ---
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
max_wal_size = 1GB
checkpoint_timeout = 30min
autovacuum = on
log_min_messages = warning
log_statement = 'none'
log_line_prefix = '%m [%p] '
EOF
}

# make_data DEST: create a data folder at DEST (owned by OS user), from the template cache if possible.
make_data() {
    local dest=$1
    if [[ -n "${SORD_PG_NO_TEMPLATE:-}" ]]; then
        as_user "$BIN/initdb" -D "$dest" "${INITDB_OPTS[@]}" >"$RUN/initdb.log" 2>&1 ||
            { cat "$RUN/initdb.log" >&2; die "initdb failed"; }
        write_base_conf "$dest"
        return
    fi
    local ver key tpl
    ver=$("$BIN/postgres" --version | tr -c 'A-Za-z0-9.\n' '_')
    key="${ver}-${OS_USER}-$(id -u "$OS_USER")-v${SCRIPT_VERSION}"
    tpl="/tmp/.sord-pg-template-${key}"
    if [[ -d "$tpl" && ! -f "$tpl/.complete" ]]; then
        # Templates appear only complete (atomic rename), so an incomplete one is stale
        # (e.g. partly removed by a /tmp cleaner): drop it.
        rm -rf -- "$tpl"
    fi
    if [[ ! -f "$tpl/.complete" ]]; then
        # Build into a private folder, then rename into place: concurrent builders can't see a half
        # template; the loser of the rename race just discards its copy.
        local tmp
        tmp=$(mktemp -d "/tmp/.sord-pg-template-build.XXXXXXXX")
        chmod 0755 "$tmp"
        if [[ $EUID -eq 0 ]]; then chown "$OS_USER:$OS_GROUP" "$tmp"; fi
        if ! as_user "$BIN/initdb" -D "$tmp/data" "${INITDB_OPTS[@]}" >"$RUN/initdb.log" 2>&1; then
            cat "$RUN/initdb.log" >&2; rm -rf "$tmp"; die "initdb failed"
        fi
        write_base_conf "$tmp/data"
        touch "$tmp/.complete"
        mv -T "$tmp" "$tpl" 2>/dev/null || rm -rf "$tmp"
        [[ -f "$tpl/.complete" ]] || die "template $tpl is incomplete"
    fi
    # cp -a keeps owner and the 0700 mode that postgres insists on. Copy as root when root:
    # the template is readable only by its owner.
    cp -a "$tpl/data" "$dest"
}

# write_env DIR URL PORT: DIR/cluster.env, read by `stop` and `url` (and by tests: PG_DATA, PG_BIN,
# PG_OS_USER let a test stop/restart the server itself).
write_env() {
    {
        printf 'PG_URL=%q\n' "$2"
        printf 'PG_PORT=%q\nPG_RUN=%q\nPG_DATA=%q\nPG_BIN=%q\nPG_OS_USER=%q\n' \
            "$3" "$RUN" "$RUN/data" "$BIN" "$OS_USER"
    } >"$1/cluster.env.tmp"
    mv "$1/cluster.env.tmp" "$1/cluster.env"
}

start_failed() {
    local rc=$?
    trap - EXIT
    if [[ -f "$RUN/server.log" ]]; then
        log "server log ($RUN/server.log):"; tail -20 "$RUN/server.log" >&2 || true
    fi
    log "start failed; cleaning up $STARTING_DIR"
    cmd_stop "$STARTING_DIR" || true
    exit $(( rc == 0 ? 1 : rc ))
}

cmd_start() {
    local dir=$1
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
    BIN=$(find_bin)
    ensure_user

    # Where the server lives: DIR when the OS user can reach it and the socket path fits.
    if [[ $EUID -eq 0 ]]; then chown "$OS_USER:$OS_GROUP" "$dir"; fi
    RUN=$dir
    if ! can_use "$dir" || (( ${#dir} > 80 )); then
        RUN=$(mktemp -d /tmp/sord-pg.XXXXXXXX)
        if [[ $EUID -eq 0 ]]; then chown "$OS_USER:$OS_GROUP" "$RUN"; fi
        chmod 0755 "$RUN"
        can_use "$RUN" || die "user $OS_USER cannot use $RUN"
    fi
    local data="$RUN/data"
    write_env "$dir" "" ""
    # From here on, a failure stops whatever was started and removes DIR and the run folder.
    STARTING_DIR=$dir
    trap 'start_failed' EXIT
    make_data "$data"

    local port attempt
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$(pick_port)
        # (root or the owner may append; ownership is unchanged; the last `port` line wins)
        cat >>"$data/postgresql.conf" <<EOF
port = $port
unix_socket_directories = '$RUN'
EOF
        # pg_ctl puts the postmaster's stdin on /dev/null and its output in the log, so a caller
        # reading our stdout to EOF ($(...), a Pipe) isn't held open by the server.
        if as_user "$BIN/pg_ctl" -D "$data" -l "$RUN/server.log" -w -t 60 -s start </dev/null >&2; then
            break
        fi
        if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' "$RUN/server.log" 2>/dev/null; then
            log "port $port taken, retrying"; port=""; continue
        fi
        die "postgres failed to start"
    done
    [[ -n "$port" ]] || die "could not bind a port"

    local i
    for i in $(seq 1 100); do
        "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres && break
        sleep 0.05
    done
    "$BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $PG_DATABASE" >&2 </dev/null || die "CREATE DATABASE failed"

    local url="postgres://$PG_SUPERUSER@127.0.0.1:$port/$PG_DATABASE"
    write_env "$dir" "$url" "$port"
    trap - EXIT

    if [[ -n "${SORD_PG_WATCH_PID:-}" ]]; then
        # Detached, with no inherited descriptors: stops the cluster once the watched process is gone.
        setsid bash -c 'while s=$(ps -o stat= -p "$1") && [[ $s != Z* ]]; do sleep 1; done
                         exec "$2" stop "$3"' \
            watch "$SORD_PG_WATCH_PID" "$(readlink -f "$0")" "$dir" </dev/null >/dev/null 2>&1 &
    fi
    echo "$url"
}

cmd_stop() {
    local dir=$1
    [[ -d "$dir" ]] || return 0
    if [[ -f "$dir/cluster.env" ]]; then
        local PG_URL PG_PORT PG_RUN PG_DATA PG_BIN PG_OS_USER
        # shellcheck disable=SC1091
        source "$dir/cluster.env"
        OS_USER=$PG_OS_USER
        if [[ $EUID -eq 0 ]]; then OS_GROUP=$(id -gn "$OS_USER"); fi
        if [[ -f "$PG_DATA/postmaster.pid" ]]; then
            local pid
            pid=$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
            # immediate: no checkpoint, the data is thrown away anyway.
            as_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 20 -s stop >/dev/null 2>&1 || true
            # pg_ctl returns once postmaster.pid is gone, a moment before the process exits.
            local i
            for i in $(seq 1 40); do
                [[ -n "$pid" ]] && alive "$pid" || break
                sleep 0.05
            done
            if [[ -n "$pid" ]] && alive "$pid"; then
                log "postmaster $pid still running after pg_ctl stop; killing it and its children"
                local kids
                kids=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
                kill -KILL "$pid" $kids 2>/dev/null || true
            fi
        fi
        if [[ "$PG_RUN" != "$dir" && "$PG_RUN" == /tmp/sord-pg.* ]]; then rm -rf -- "$PG_RUN"; fi
    fi
    rm -rf -- "$dir"
}

cmd_url() { # shellcheck disable=SC1091
    source "$1/cluster.env"; echo "$PG_URL"; }

case "${1:-}" in
    start) [[ $# -eq 2 ]] || die "usage: $0 start DIR"; cmd_start "$2" ;;
    stop)  [[ $# -eq 2 ]] || die "usage: $0 stop DIR";  cmd_stop "$2" ;;
    url)   [[ $# -eq 2 ]] || die "usage: $0 url DIR";   cmd_url "$2" ;;
    *) echo "usage: $0 start|stop|url DIR" >&2; exit 2 ;;
esac
