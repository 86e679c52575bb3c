#!/usr/bin/env bash
# Installs what is missing, builds dbrace, and runs every test through ctest.
#   scripts/test.sh              build/, warnings as errors, every test (CI)
#   scripts/test.sh --sanitize   build-sanitize/, see sanitize() below
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# ASan and UBSan (cmake/Sanitizers.cmake) on dbrace's own code, built with
# clang 19 as the fuzzer is: every ctest test but the package one (the lit
# suite with the driver tests, the unit tests, the corpus, the integration
# run), then the SQL facts fuzzer for $DBRACE_FUZZ_SECONDS (default 300).
# Reports go to files as well as stopping the process, so that a test that
# expects a failure cannot hide one: any report fails the run.
sanitize() {
  local build=${DBRACE_SANITIZE_BUILD_DIR:-$root/build-sanitize}
  local launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  # -O1 and line tables only: reports name the source line, and the build
  # takes half the time that -O2 -g does.
  local flags="-O1 -gline-tables-only -DNDEBUG"
  DBRACE_BUILD_DIR=$build "$root/scripts/build.sh" -DDBRACE_SANITIZE=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="$flags" \
    -DCMAKE_CXX_FLAGS_RELEASE="$flags" "${launcher[@]}"

  local reports=$build/sanitizer-reports
  rm -rf "$reports" && mkdir -p "$reports"
  local common="abort_on_error=1:log_path=$reports/report"
  export ASAN_OPTIONS="$common:detect_leaks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="$common:halt_on_error=1:print_stacktrace=1"
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer

  local status=0
  (cd "$build" && ctest --output-on-failure -j "$(nproc)" -LE package) || status=1
  "$root/fuzz/run.sh" "${DBRACE_FUZZ_SECONDS:-300}" || status=1

  if compgen -G "$reports/report*" >/dev/null; then
    echo "dbrace: sanitizer reports in $reports:" >&2
    cat "$reports"/report* >&2
    status=1
  fi
  return "$status"
}

"$root/scripts/install-deps.sh"
if [ "${1:-}" = "--sanitize" ]; then
  sanitize
  exit
fi
"$root/scripts/build.sh" -DDBRACE_WERROR=ON
cd "${DBRACE_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)"
