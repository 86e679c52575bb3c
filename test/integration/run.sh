#!/usr/bin/env bash
# Integration scenarios: every fix dbrace offers, proven on a real database.
#
# A scenario (scenarios/NAME/) is a flagged function (app.cpp), a schema
# (schema.sql), an invariant (check.sql) and its settings (scenario.sh). For
# each one this script
#   1. builds the flagged program and runs its CLIENTS requests one at a
#      time: the invariant must hold (the control); then runs it TRIES times
#      from CLIENTS concurrent clients: it must break the invariant in at
#      least one try (or, for MEASURE=latency, its latency must grow);
#   2. runs dbrace: it must report CHECK on app.cpp;
#   3. fixes a copy: with `dbrace --fix` (FIX="dbrace:TEXT", TEXT must be in
#      the added lines), or, where the check has no fix-it, with the fix its
#      note suggests, written as a patch in the scenario (FIX="manual:FILE");
#   4. rebuilds and runs the fixed program TRIES times: the invariant must
#      hold in every try, with no failed request (or its latency stay flat);
#   5. runs dbrace on the fixed copy: it must be clean.
# A scenario with XFAIL="FIXME ..." is expected to fail, at the steps named
# in XFAIL_AT (race report fix fixed-run clean): a known gap of dbrace, named
# in the FIXME. It fails the run if it passes, or fails at another step.
#
# usage: run.sh PATH-TO-DBRACE [SCENARIO...]     (default: every scenario)
# env:   DBRACE_INTEGRATION_TRIES   K, runs per program (default 3)
#        DBRACE_INTEGRATION_OBJECTS where the drivers' objects are kept
#                                   between runs (default: a temp dir)
#        DBRACE_RACE_WINDOW_MS      the race window (harness/window.h)
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DBRACE=${1:?usage: run.sh PATH-TO-DBRACE [SCENARIO...]}
shift
TRIES=${DBRACE_INTEGRATION_TRIES:-3}

# shellcheck source=pg-server.sh
. "$HERE/pg-server.sh"
# shellcheck source=mariadb-server.sh
. "$HERE/mariadb-server.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dbrace-integration.XXXXXX")
trap 'pg_stop; mariadb_stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM   # so the EXIT trap still stops the servers
OBJECTS=${DBRACE_INTEGRATION_OBJECTS:-$WORK/objects}
mkdir -p "$OBJECTS"

passed=0 failed=0 step_failures=0 failed_steps='' step=''
ok()   { echo "ok   $*"; passed=$((passed + 1)); }
# Each failure is counted, with the step it happened at (for XFAIL).
fail() {
  local tag=FAIL
  [ -n "${XFAIL:-}" ] && [[ " ${XFAIL_AT:-} " == *" ${step:-setup} "* ]] && tag="fail (expected)"
  echo "$tag $*"; failed=$((failed + 1))
  step_failures=$((step_failures + 1)); failed_steps="$failed_steps ${step:-setup}"
}
say()  { echo "     $*"; }
# Shows a command's saved output under a failure, indented.
show() { sed -n '1,30s/^/     | /p' "$1"; }

# Shows a diff's hunks, without the file headers.
show_diff() { grep -v '^\(---\|+++\|diff\|Only in\) ' "$1" | sed -n '1,40s/^/     | /p'; }

# The compiler and dbrace flags of each driver (drivers/NAME.cpp).
driver_flags() {
  case $1 in
    pqxx)      cflags=""; libs="-lpqxx -lpq" ;;
    soci)      cflags="-I/usr/include/postgresql"; libs="-lsoci_core -lsoci_postgresql" ;;
    mysql)     cflags="-I/usr/include/mariadb"; libs="-lmariadb" ;;
    connector) cflags=""; libs="-lmysqlcppconn" ;;
    sqlite3)   cflags=""; libs="-lsqlite3" ;;
    sqlitecpp) cflags=""; libs="-lSQLiteCpp -lsqlite3" ;;
    *) return 1 ;;
  esac
}

# Compiles the harness and a driver once; concurrent runs share the result.
driver_objects() {
  local driver=$1
  local out="$OBJECTS/$driver"
  (
    flock 9
    local src
    for src in harness/harness.cpp "drivers/$driver.cpp"; do
      local obj
      obj="$out-$(basename "$src" .cpp).o"
      if [ ! -f "$obj" ] || [ "$HERE/$src" -nt "$obj" ] || [ "$HERE/harness/harness.h" -nt "$obj" ]; then
        # shellcheck disable=SC2086  # cflags is a word list
        g++ -std=c++17 -O1 -I"$HERE/harness" $cflags -c "$HERE/$src" -o "$obj.tmp" &&
          mv "$obj.tmp" "$obj" || exit 1
      fi
    done
  ) 9>"$OBJECTS/.lock"
}

build() {  # build DIR LOG: DIR/app.cpp -> DIR/prog
  # shellcheck disable=SC2086
  g++ -std=c++17 -O1 -I"$HERE/harness" $cflags -o "$1/prog" "$1/app.cpp" \
    "$OBJECTS/$DRIVER-harness.o" "$OBJECTS/$DRIVER-$DRIVER.o" $libs -pthread >"$2" 2>&1
}

# run_program DIR CLIENTS SEED LOG -> sets r_ok r_errors r_max r_detail
run_program() {
  local dir=$1 clients=$2 seed=$3 log=$4 target=() line
  if [ "$DB" = sqlite ]; then target=("$dir/db.sqlite"); rm -f "$dir/db.sqlite"*; fi
  timeout 120 "$dir/prog" "$dir/schema.sql" "$dir/check.sql" "$clients" "$seed" "${target[@]}" \
    >"$log" 2>&1 || return 1
  line=$(grep -m1 '^RESULT ' "$log") || return 1
  [[ $line =~ ok=([01])\ errors=([0-9]+)\ clients=[0-9]+\ max_ms=([0-9]+)\ mean_ms=[0-9]+\ detail=(.*)$ ]] || return 1
  r_ok=${BASH_REMATCH[1]} r_errors=${BASH_REMATCH[2]} r_max=${BASH_REMATCH[3]} r_detail=${BASH_REMATCH[4]}
}

# One try of a program. For an invariant: "broken" or "held" (with no failed
# request). For latency: "grows" when CLIENTS concurrent requests take at
# least CLIENTS/2 times as long as one alone, "flat" under twice as long.
# Sets verdict and summary; false when the program itself failed.
try_program() {
  local dir=$1 seed=$2 log=$3
  if [ "${MEASURE:-invariant}" = latency ]; then
    run_program "$dir" 1 "$seed" "$log" || return 1
    local one=$r_max
    run_program "$dir" "$CLIENTS" "$seed" "$log" || return 1
    local many=$r_max
    [ "$one" -gt 0 ] || one=1
    if [ $((many * 2)) -ge $((one * CLIENTS)) ]; then verdict=grows
    elif [ "$many" -lt $((one * 2)) ] && [ "$r_ok" = 1 ] && [ "$r_errors" = 0 ]; then verdict=flat
    else verdict=between; fi
    summary="1 client ${one} ms, $CLIENTS clients ${many} ms (max latency)"
  else
    run_program "$dir" "$CLIENTS" "$seed" "$log" || return 1
    if [ "$r_ok" = 0 ]; then verdict=broken
    elif [ "$r_errors" = 0 ]; then verdict=held
    else verdict=errors; fi
    summary="$r_detail, $r_errors failed requests, $CLIENTS clients"
  fi
}

run_scenario() {
  local name=$1 src="$HERE/scenarios/$1"
  local DB DRIVER CHECK FIX INVARIANT MEASURE=invariant CLIENTS=8 XFAIL=
  local cflags libs dir="$WORK/$1" t rc XFAIL_AT=
  step_failures=0 failed_steps='' step=setup
  echo "== $name"
  # shellcheck source=/dev/null
  . "$src/scenario.sh"
  say "invariant: $INVARIANT"
  [ -n "$XFAIL" ] && say "expected to fail: $XFAIL"

  if ! driver_flags "$DRIVER"; then fail "$name: unknown driver $DRIVER"; return; fi
  # The compiler arguments of the dbrace steps.
  local dbrace_args
  # shellcheck disable=SC2206  # cflags is a word list
  dbrace_args=(-- -std=c++17 "-I$HERE/harness" $cflags)
  case $DB in
    pg)      need_pg || { fail "$name: start PostgreSQL"; return; } ;;
    mariadb) need_mariadb || { fail "$name: start MariaDB"; return; } ;;
    sqlite)  ;;
    *) fail "$name: unknown database $DB"; return ;;
  esac
  mkdir -p "$dir/flagged"
  cp -r "$src/." "$dir/flagged/"
  if ! driver_objects "$DRIVER" >"$dir/driver.log" 2>&1; then
    fail "$name: build the $DRIVER driver"; show "$dir/driver.log"; return
  fi

  # 1. The flagged program breaks the invariant.
  step=race
  if build "$dir/flagged" "$dir/build.log"; then
    ok "$name: build flagged app.cpp"
  else
    fail "$name: build flagged app.cpp"; show "$dir/build.log"; return
  fi
  # The control: one request at a time, the flagged program is right, so
  # that what breaks below is the concurrency, not the program.
  if DBRACE_CLIENTS_ONE_AT_A_TIME=1 run_program "$dir/flagged" "$CLIENTS" 1 "$dir/control.log" &&
     [ "$r_ok" = 1 ] && [ "$r_errors" = 0 ]; then
    ok "$name: flagged program, one request at a time: invariant held ($r_detail)"
  else
    fail "$name: flagged program, one request at a time: want the invariant held and no failed request"
    show "$dir/control.log"
  fi
  local want=broken what=invariant
  [ "$MEASURE" = latency ] && want=grows what=latency
  local seen=
  for t in $(seq 1 "$TRIES"); do
    if ! try_program "$dir/flagged" "$t" "$dir/run.log"; then
      fail "$name: run flagged (try $t)"; show "$dir/run.log"; return
    fi
    [ "$verdict" = "$want" ] && { seen=$t; break; }
  done
  if [ -n "$seen" ]; then
    ok "$name: flagged program: $what $want (try $seen/$TRIES, seed $seen: $summary)"
  else
    fail "$name: flagged program never $want in $TRIES tries (last: $summary): the race is not shown"
  fi

  # 2. dbrace reports the check.
  step=report
  timeout 120 "$DBRACE" "$dir/flagged/app.cpp" "${dbrace_args[@]}" >"$dir/dbrace.log" 2>&1
  rc=$?
  if [ $rc -eq 1 ] && grep -qE "app.cpp:[0-9]+:[0-9]+: warning: .*\[$CHECK\]" "$dir/dbrace.log"; then
    ok "$name: dbrace reports [$CHECK]"
  else
    fail "$name: dbrace: exit $rc, want 1 with a [$CHECK] warning"; show "$dir/dbrace.log"
  fi

  # 3. The fix, on a copy.
  step=fix
  mkdir -p "$dir/fixed" && cp -r "$src/." "$dir/fixed/"
  case $FIX in
    dbrace:*)
      local text=${FIX#dbrace:}
      timeout 120 "$DBRACE" --fix "$dir/fixed/app.cpp" "${dbrace_args[@]}" >"$dir/fix.log" 2>&1
      rc=$?
      diff -u "$src/app.cpp" "$dir/fixed/app.cpp" >"$dir/fix.diff"
      # Looked for in the changed lines only: the comments mention it too.
      if grep '^+[^+]' "$dir/fix.diff" | grep -qF "$text"; then
        ok "$name: dbrace --fix adds '$text' (exit $rc)"
        show_diff "$dir/fix.diff"
      else
        fail "$name: dbrace --fix (exit $rc) did not add '$text'"; show "$dir/fix.log"
        finish_scenario "$name"; return
      fi ;;
    manual:*)
      local patch=${FIX#manual:}
      if (cd "$dir/fixed" && patch -s -p1 <"$src/$patch") >"$dir/fix.log" 2>&1; then
        ok "$name: $CHECK has no fix-it: applied the fix it suggests, by hand ($patch)"
        sed -n '/^---/q; s/^# \{0,1\}/     | /p' "$src/$patch"
        (cd "$dir" && diff -ru "$src" fixed) >"$dir/fix.diff"
        show_diff "$dir/fix.diff"
      else
        fail "$name: apply $patch"; show "$dir/fix.log"; finish_scenario "$name"; return
      fi ;;
    *) fail "$name: FIX must be dbrace:TEXT or manual:FILE"; return ;;
  esac

  # 4. The fixed program keeps the invariant in every try.
  step=fixed-run
  if build "$dir/fixed" "$dir/build-fixed.log"; then
    ok "$name: build fixed app.cpp"
  else
    fail "$name: build fixed app.cpp"; show "$dir/build-fixed.log"; finish_scenario "$name"; return
  fi
  want=held; [ "$MEASURE" = latency ] && want=flat
  local bad='' summaries=()
  for t in $(seq 1 "$TRIES"); do
    if ! try_program "$dir/fixed" "$t" "$dir/run-fixed.log"; then
      bad="try $t: the program failed"; break
    fi
    summaries+=("$summary")
    [ "$verdict" = "$want" ] || { bad="try $t, seed $t: $verdict: $summary"; break; }
  done
  if [ -z "$bad" ]; then
    ok "$name: fixed program: $what $want in all $TRIES tries (last: ${summaries[-1]})"
  else
    fail "$name: fixed program ($bad)"; show "$dir/run-fixed.log"
  fi

  # 5. dbrace finds the fixed program clean.
  step=clean
  timeout 120 "$DBRACE" "$dir/fixed/app.cpp" "${dbrace_args[@]}" >"$dir/dbrace-fixed.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    ok "$name: dbrace finds the fixed app.cpp clean"
  else
    fail "$name: dbrace on the fixed app.cpp: exit $rc, want 0"; show "$dir/dbrace-fixed.log"
  fi
  finish_scenario "$name"
}

# An expected failure turns into one passing line, when every step that
# failed is one of XFAIL_AT; an unexpected pass fails.
finish_scenario() {
  [ -n "$XFAIL" ] || return 0
  local f
  if [ "$step_failures" -eq 0 ]; then
    fail "$1: passed, but is marked XFAIL ($XFAIL): remove the mark"; return
  fi
  for f in $failed_steps; do
    [[ " $XFAIL_AT " == *" $f "* ]] || { echo "     (step $f failed, not one of XFAIL_AT: $XFAIL_AT)"; return; }
  done
  echo "XFAIL $1: failed as expected at:$failed_steps ($XFAIL)"
  failed=$((failed - step_failures)); passed=$((passed + 1))
}

# Each server starts once, for the first scenario that needs it.
pg_ready='' mariadb_ready=''
need_pg() {
  [ -n "$pg_ready" ] && return 0
  pg_start || return 1
  # No GSSAPI/SSL negotiation on a loopback throwaway server.
  export PGGSSENCMODE=disable PGSSLMODE=disable
  pg_ready=1
}
need_mariadb() {
  [ -n "$mariadb_ready" ] && return 0
  mariadb_start || return 1
  mariadb_ready=1
}

start=$SECONDS
if [ $# -eq 0 ]; then
  set -- "$HERE"/scenarios/*/
  set -- "${@%/}"; set -- "${@##*/}"
fi
for s in "$@"; do
  if [ -f "$HERE/scenarios/$s/scenario.sh" ]; then
    run_scenario "$s"
  else
    fail "$s: no such scenario (test/integration/scenarios/$s)"
  fi
done
echo "$passed passed, $failed failed ($((SECONDS - start))s)"
[ "$failed" -eq 0 ]
