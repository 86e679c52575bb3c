#!/usr/bin/env bash
# Installs, with apt, exactly the Debian packages dbrace needs that are missing.
# A no-op when everything is already there.
#   --with-bazel  also Debian's bazel-bootstrap (Bazel 4.2.3, with a JDK:
#                 37 packages, 35 MB), for the Bazel aspect's tests
#                 (test/driver/bazel-*.test). Not by default: CI's time
#                 budget has no room for it (docs/integration/ci.md#bazel).
set -euo pipefail

with_bazel=false
for arg in "$@"; do
  case $arg in
  --with-bazel) with_bazel=true ;;
  *)
    echo "usage: $0 [--with-bazel]" >&2
    exit 2
    ;;
  esac
done

packages=(
  cmake ninja-build g++ python3 git
  curl jq ca-certificates
  llvm-19-dev libclang-19-dev clang-19 clang-tidy-19 clang-format-19 llvm-19-tools libclang-rt-19-dev
  libpg-query-dev libgtest-dev libbenchmark-dev python3-jsonschema
  libpqxx-dev libsqlite3-dev libsqlitecpp-dev libsoci-dev qtbase5-dev
  libpoco-dev libmysqlcppconn-dev libcppdb-dev libpq-dev libmariadb-dev
  postgresql sqlite3
  # The integration scenarios start their own MariaDB (test/integration/mariadb-server.sh)
  # and apply the hand-written fixes with patch.
  mariadb-server patch
  # The HTML report's test loads each page in headless Chromium.
  chromium
)
if $with_bazel; then
  packages+=(bazel-bootstrap)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "dbrace: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
