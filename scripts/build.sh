#!/usr/bin/env bash
# Configures and builds dbrace in build/ (or $DBRACE_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DBRACE_BUILD_DIR:-$root/build}
# Extra configure arguments (test.sh makes warnings errors) come from the caller.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
