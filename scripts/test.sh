#!/usr/bin/env bash
# Installs what is missing, builds dbrace, and runs every test through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DDBRACE_WERROR=ON
cd "${DBRACE_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)"
