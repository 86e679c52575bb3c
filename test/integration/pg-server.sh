#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the integration tests.
#
# Sourced:   . pg-server.sh; pg_start; ...; (pg_stop runs from the EXIT trap)
# Commands:  eval "$(pg-server.sh start)"   # prints export lines, server keeps running
#            pg-server.sh stop [DIR]        # DIR defaults to $DBRACE_PG_DIR
#
# The cluster lives in a fresh temp dir, listens only on 127.0.0.1 on a free
# port, keeps its unix socket in that dir, trusts local connections (user
# postgres), and is deleted with the dir when stopped.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

# initdb refuses to run as root, so as root everything runs as user postgres.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when nothing accepts connections on 127.0.0.1:$1.
_pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts the server; sets and exports PGHOST PGPORT PGUSER PGDATABASE DBRACE_PG_DIR.
pg_start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg-server: $PG_BIN/initdb not found (install the postgresql package)" >&2
    return 1
  fi
  # Under /tmp rather than $TMPDIR: user postgres must be able to reach it.
  DBRACE_PG_DIR=$(mktemp -d /tmp/dbrace-pg.XXXXXX) || return 1
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DBRACE_PG_DIR"
  if ! _pg_as_owner "$PG_BIN/initdb" -D "$DBRACE_PG_DIR/data" -U postgres -A trust \
        --no-sync -E UTF8 >"$DBRACE_PG_DIR/initdb.log" 2>&1; then
    cat "$DBRACE_PG_DIR/initdb.log" >&2
    rm -rf "$DBRACE_PG_DIR"
    return 1
  fi
  # A random free port; retried, since another process may take it between the
  # check and the bind.
  local _ port
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    _pg_port_free "$port" || continue
    # fsync off: the data is thrown away, and durability is not what is tested.
    if _pg_as_owner "$PG_BIN/pg_ctl" -D "$DBRACE_PG_DIR/data" -l "$DBRACE_PG_DIR/server.log" \
          -w -t 30 start -o "-c listen_addresses=127.0.0.1 -p $port \
          -c unix_socket_directories=$DBRACE_PG_DIR -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off \
          -c max_connections=200 -c shared_buffers=16MB" >/dev/null 2>&1; then
      export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres DBRACE_PG_DIR
      return 0
    fi
    grep -q "could not bind\|already in use" "$DBRACE_PG_DIR/server.log" 2>/dev/null || break
  done
  echo "pg-server: could not start postgres; log:" >&2
  cat "$DBRACE_PG_DIR/server.log" >&2 2>/dev/null
  rm -rf "$DBRACE_PG_DIR"
  return 1
}

# Stops the server and deletes its dir. Safe to call twice or with nothing running.
pg_stop() {
  local dir=${1:-${DBRACE_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
  [ "$dir" = "${DBRACE_PG_DIR:-}" ] && unset DBRACE_PG_DIR
  return 0
}

# Run as a command rather than sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      pg_start
      printf 'export PGHOST=%s PGPORT=%s PGUSER=%s PGDATABASE=%s DBRACE_PG_DIR=%s\n' \
        "$PGHOST" "$PGPORT" "$PGUSER" "$PGDATABASE" "$DBRACE_PG_DIR" ;;
    stop)
      pg_stop "${2:-}" ;;
    *)
      echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
  esac
fi
