#!/usr/bin/env bash
# Builds the SQL facts fuzzer with clang 19 (libFuzzer, ASan, UBSan) and runs
# it for the given number of seconds (default 600). New inputs go to
# fuzz/build/corpus; the seeds in fuzz/corpus are only read. Crashes are
# written to fuzz/build/ as crash-*, leak-*, timeout-*.
#   fuzz/run.sh [seconds] [extra libFuzzer flags...]
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
SECONDS_TO_RUN="${1:-600}"
shift || true
CXX=/usr/bin/clang++-19
LLVM_CONFIG=/usr/lib/llvm-19/bin/llvm-config
OUT="$HERE/build"
mkdir -p "$OUT/corpus"

SRC=("$HERE/FuzzSqlFacts.cpp" "$ROOT"/checker/core/sql/*.cpp)
# shellcheck disable=SC2207
LLVM_FLAGS=($("$LLVM_CONFIG" --cxxflags))
# Rebuild only when a source is newer than the binary.
if [ ! -x "$OUT/sql-facts-fuzzer" ] || [ -n "$(find "${SRC[@]}" "$ROOT/checker/core/sql" -newer "$OUT/sql-facts-fuzzer" -print -quit)" ]; then
  echo "fuzz: building $OUT/sql-facts-fuzzer" >&2
  "$CXX" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    "${LLVM_FLAGS[@]}" -fexceptions -I"$ROOT/checker/core" \
    "${SRC[@]}" -o "$OUT/sql-facts-fuzzer" \
    -L"$("$LLVM_CONFIG" --libdir)" -Wl,-rpath,"$("$LLVM_CONFIG" --libdir)" \
    "$("$LLVM_CONFIG" --libs support)" -lpg_query
fi

cd "$OUT"
exec ./sql-facts-fuzzer -max_total_time="$SECONDS_TO_RUN" -max_len=4096 \
  -timeout=10 -rss_limit_mb=4096 -dict="$HERE/sql.dict" -print_final_stats=1 \
  "$@" corpus "$HERE/corpus"
