#!/usr/bin/env bash
# A throwaway MariaDB (Debian's mariadb-server) for the integration tests.
#
# Sourced:   . mariadb-server.sh; mariadb_start; ...; (mariadb_stop from the EXIT trap)
# Commands:  eval "$(mariadb-server.sh start)"   # prints export lines, server keeps running
#            mariadb-server.sh stop [DIR]        # DIR defaults to $DBRACE_MARIADB_DIR
#
# The server has its own data directory in a fresh temp dir, listens only on
# 127.0.0.1 on a free port, keeps its socket in that dir, runs as user mysql
# (not root), and is deleted with the dir when stopped. The programs connect
# over TCP as user dbrace, without a password, to database dbrace. InnoDB
# and REPEATABLE READ are the server's defaults and are kept.

MARIADB_BIN=${MARIADB_BIN:-/usr/sbin/mariadbd}

_mariadb_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u mysql -- "$@"
  else
    "$@"
  fi
}

_mariadb_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits up to 30 s for the server in $1 to answer on its socket.
_mariadb_wait() {
  local _
  for _ in $(seq 1 150); do
    mariadb-admin --no-defaults --socket="$1/mysqld.sock" -u root ping >/dev/null 2>&1 && return 0
    [ -f "$1/mysqld.pid" ] || ! grep -q "ERROR" "$1/error.log" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

# Starts the server; sets and exports DBRACE_MARIADB_HOST _PORT _USER _DB and
# DBRACE_MARIADB_DIR.
mariadb_start() {
  if [ ! -x "$MARIADB_BIN" ] || ! command -v mariadb-install-db >/dev/null; then
    echo "mariadb-server: $MARIADB_BIN not found (install the mariadb-server package)" >&2
    return 1
  fi
  DBRACE_MARIADB_DIR=$(mktemp -d /tmp/dbrace-mariadb.XXXXXX) || return 1
  [ "$(id -u)" -eq 0 ] && chown mysql: "$DBRACE_MARIADB_DIR"
  local dir=$DBRACE_MARIADB_DIR
  if ! _mariadb_as_owner mariadb-install-db --no-defaults --datadir="$dir/data" \
        --auth-root-authentication-method=socket --skip-test-db \
        >"$dir/install.log" 2>&1; then
    cat "$dir/install.log" >&2
    rm -rf "$dir"
    return 1
  fi
  local _ port
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    _mariadb_port_free "$port" || continue
    # No binary log, no flush at commit: the data is thrown away.
    _mariadb_as_owner "$MARIADB_BIN" --no-defaults --datadir="$dir/data" \
      --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
      --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
      --max-connections=200 --innodb-buffer-pool-size=32M \
      --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --skip-log-bin \
      </dev/null >/dev/null 2>&1 &
    if _mariadb_wait "$dir"; then
      # Root reaches the socket only as the unix user root (or mysql);
      # the programs get a user of their own over TCP.
      if mariadb --no-defaults --socket="$dir/mysqld.sock" -u root -e "
            CREATE DATABASE dbrace;
            CREATE USER 'dbrace'@'127.0.0.1';
            GRANT ALL ON dbrace.* TO 'dbrace'@'127.0.0.1';" >"$dir/setup.log" 2>&1 ||
         _mariadb_as_owner mariadb --no-defaults --socket="$dir/mysqld.sock" -u mysql -e "
            CREATE DATABASE dbrace;
            CREATE USER 'dbrace'@'127.0.0.1';
            GRANT ALL ON dbrace.* TO 'dbrace'@'127.0.0.1';" >>"$dir/setup.log" 2>&1; then
        export DBRACE_MARIADB_HOST=127.0.0.1 DBRACE_MARIADB_PORT=$port \
          DBRACE_MARIADB_USER=dbrace DBRACE_MARIADB_DB=dbrace DBRACE_MARIADB_DIR
        return 0
      fi
      cat "$dir/setup.log" >&2
      break
    fi
    grep -q "Address already in use\|Can't start server: Bind" "$dir/error.log" 2>/dev/null || break
  done
  echo "mariadb-server: could not start mariadbd; log:" >&2
  cat "$dir/error.log" >&2 2>/dev/null
  mariadb_stop "$dir"
  return 1
}

# Stops the server and deletes its dir. Safe to call twice or with nothing running.
mariadb_stop() {
  local dir=${1:-${DBRACE_MARIADB_DIR:-}} pid _
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/mysqld.pid" ]; then
    pid=$(cat "$dir/mysqld.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  [ "$dir" = "${DBRACE_MARIADB_DIR:-}" ] && unset DBRACE_MARIADB_DIR
  return 0
}

# Run as a command rather than sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      mariadb_start
      printf 'export DBRACE_MARIADB_HOST=%s DBRACE_MARIADB_PORT=%s DBRACE_MARIADB_USER=%s DBRACE_MARIADB_DB=%s DBRACE_MARIADB_DIR=%s\n' \
        "$DBRACE_MARIADB_HOST" "$DBRACE_MARIADB_PORT" "$DBRACE_MARIADB_USER" \
        "$DBRACE_MARIADB_DB" "$DBRACE_MARIADB_DIR" ;;
    stop)
      mariadb_stop "${2:-}" ;;
    *)
      echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
  esac
fi
