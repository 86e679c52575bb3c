#!/usr/bin/env bash
# Installs what is missing, builds dbrace, and runs it on the bundled examples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
echo
echo "== dbrace examples/book_ticket.cpp -- -std=c++17"
status=0
"$root/build/bin/dbrace" "$root/examples/book_ticket.cpp" -- -std=c++17 || status=$?
# 1 means dbrace found the race the example contains: that is the point.
[ "$status" -eq 1 ]
