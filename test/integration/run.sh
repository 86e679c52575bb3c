#!/usr/bin/env bash
# Integration test: real databases, real concurrency.
#
# For each case: the program dbrace flags must really oversell an event when
# many requests book at once; dbrace must flag it; the fixed program (from
# `dbrace --fix`, or a hand-written reference where dbrace cannot fix yet)
# must never oversell and must still sell every seat; dbrace must find the
# fixed program clean.
#
# usage: run.sh PATH-TO-DBRACE
# env:   DBRACE_INTEGRATION_TRIES (default 5)  runs per program
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DBRACE=${1:?usage: run.sh PATH-TO-DBRACE}
TRIES=${DBRACE_INTEGRATION_TRIES:-5}
THREADS=40   # concurrent bookings, each on its own connection
SEATS=10     # fewer seats than requests, so a correct program sells out

# shellcheck source=pg-server.sh
. "$HERE/pg-server.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dbrace-integration.XXXXXX")
trap 'pg_stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM   # so the EXIT trap still stops the server

passed=0 failed=0
ok()   { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# Shows a command's saved output under a failure, indented.
show() { sed -n '1,40s/^/     | /p' "$1"; }

# Starts PostgreSQL once, for the first case that needs it.
pg_ready=
need_pg() {
  [ -n "$pg_ready" ] && return 0
  pg_start || return 1
  # No GSSAPI/SSL negotiation on a loopback throwaway server.
  export PGGSSENCMODE=disable PGSSLMODE=disable
  pg_ready=1
}

# run_program BACKEND BINARY OUTFILE -> sets initial bookings left errors;
# false when the program failed or printed no result.
run_program() {
  local backend=$1 bin=$2 out=$3 target line
  case $backend in
    pg)     target="" ;;                        # libpq takes PG* from the env
    sqlite) target="$WORK/$(basename "$bin").db"; rm -f "$target"* ;;
  esac
  timeout 60 "$bin" "$target" "$THREADS" "$SEATS" >"$out" 2>&1 || return 1
  line=$(grep -m1 '^RESULT ' "$out") || return 1
  # RESULT initial=S bookings=B seats_left=L errors=E
  read -r _ initial bookings left errors <<<"$line"
  initial=${initial#*=} bookings=${bookings#*=} left=${left#*=} errors=${errors#*=}
  [[ "$initial $bookings $left $errors" =~ ^(-?[0-9]+ ){3}-?[0-9]+$ ]]
}
oversold() { [ "$bookings" -gt "$initial" ] || [ "$left" -lt 0 ]; }

# run_case NAME SOURCE BACKEND LIBS FIX
#   FIX is "dbrace:TEXT"   apply `dbrace --fix`, expect TEXT in the result, or
#          "reference:FILE" a hand-written fixed version in the case directory.
run_case() {
  local name=$1 src=$2 backend=$3 libs=$4 fix=$5
  local dir="$WORK/$name" t
  mkdir -p "$dir/flagged"
  cp -r "$HERE/$name/." "$dir/flagged/"
  echo "== $name"

  if [ "$backend" = pg ] && ! need_pg; then
    fail "$name: start PostgreSQL"; return
  fi

  # 1. The flagged program oversells.
  # shellcheck disable=SC2086  # LIBS is a word list
  if g++ -std=c++17 -O1 -o "$dir/flagged/prog" "$dir/flagged/$src" $libs -pthread >"$dir/build.log" 2>&1; then
    ok "$name: build $src"
  else
    fail "$name: build $src"; show "$dir/build.log"; return
  fi
  local sold=
  for t in $(seq 1 "$TRIES"); do
    if ! run_program "$backend" "$dir/flagged/prog" "$dir/run.log"; then
      fail "$name: run $src (try $t)"; show "$dir/run.log"; return
    fi
    if oversold; then sold=$t; break; fi
  done
  if [ -n "$sold" ]; then
    ok "$name: $src oversells (try $sold/$TRIES: $bookings bookings of $initial seats, $left left)"
  else
    fail "$name: $src never oversold in $TRIES tries (last: $bookings bookings of $initial seats)"
  fi

  # 2. dbrace flags it.
  timeout 60 "$DBRACE" "$dir/flagged/$src" -- -std=c++17 >"$dir/dbrace.log" 2>&1
  local rc=$?
  if [ $rc -eq 1 ] &&
     grep -qE "$src:[0-9]+:[0-9]+: warning: .*\[dbrace-unlocked-read-update\]" "$dir/dbrace.log"; then
    ok "$name: dbrace flags $src [dbrace-unlocked-read-update]"
  else
    fail "$name: dbrace on $src: exit $rc, want 1 with a [dbrace-unlocked-read-update] warning"
    show "$dir/dbrace.log"
  fi

  # 3. The fix.
  local fixed_dir fixed_src
  case $fix in
    dbrace:*)
      local want=${fix#dbrace:}
      fixed_dir="$dir/fixed"; fixed_src=$src
      mkdir -p "$fixed_dir" && cp -r "$HERE/$name/." "$fixed_dir/"
      timeout 60 "$DBRACE" --fix "$fixed_dir/$src" -- -std=c++17 >"$dir/fix.log" 2>&1
      rc=$?
      # Looked for in the changed lines only: the comments mention it too.
      diff -u "$HERE/$name/$src" "$fixed_dir/$src" >"$dir/fix.diff"
      if grep '^+[^+]' "$dir/fix.diff" | grep -qF "$want"; then
        ok "$name: dbrace --fix adds '$want' (exit $rc)"
        grep '^[-+][^-+]' "$dir/fix.diff" | sed 's/^/     | /'
      else
        fail "$name: dbrace --fix (exit $rc) did not add '$want' to $src"
        show "$dir/fix.log"; return
      fi ;;
    reference:*)
      fixed_dir="$dir/flagged"; fixed_src=${fix#reference:}
      echo "     (fixed version: hand-written reference $fixed_src, not dbrace --fix)" ;;
  esac

  # 4. The fixed program never oversells and still sells every seat.
  # shellcheck disable=SC2086
  if g++ -std=c++17 -O1 -o "$dir/fixed-prog" "$fixed_dir/$fixed_src" $libs -pthread >"$dir/build-fixed.log" 2>&1; then
    ok "$name: build fixed $fixed_src"
  else
    fail "$name: build fixed $fixed_src"; show "$dir/build-fixed.log"; return
  fi
  local bad=
  for t in $(seq 1 "$TRIES"); do
    if ! run_program "$backend" "$dir/fixed-prog" "$dir/run-fixed.log"; then
      bad="try $t: the program failed"; break
    fi
    if oversold || [ "$bookings" -ne "$initial" ] || [ "$errors" -ne 0 ]; then
      bad="try $t: $bookings bookings of $initial seats, $left left, $errors errors"; break
    fi
  done
  if [ -z "$bad" ]; then
    ok "$name: fixed $fixed_src sells exactly $SEATS of $SEATS seats in all $TRIES tries"
  else
    fail "$name: fixed $fixed_src ($bad)"; show "$dir/run-fixed.log"
  fi

  # 5. dbrace finds the fixed program clean.
  timeout 60 "$DBRACE" "$fixed_dir/$fixed_src" -- -std=c++17 >"$dir/dbrace-fixed.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    ok "$name: dbrace finds fixed $fixed_src clean"
  else
    fail "$name: dbrace on fixed $fixed_src: exit $rc, want 0"; show "$dir/dbrace-fixed.log"
  fi
}

start=$SECONDS
run_case booking-pqxx   book.cpp pg     "-lpqxx -lpq" "dbrace:FOR UPDATE"
# dbrace cannot yet open a transaction where there is none (SQLite has no
# FOR UPDATE); until it can, a hand-written BEGIN IMMEDIATE version stands in.
# When it can, this becomes "dbrace:BEGIN IMMEDIATE".
run_case booking-sqlite book.cpp sqlite "-lsqlite3"   "reference:book_safe.cpp"

echo "$passed passed, $failed failed ($((SECONDS - start))s)"
[ "$failed" -eq 0 ]
