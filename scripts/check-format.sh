#!/usr/bin/env bash
# Lists the C++ files that clang-format 19 would change (the root
# .clang-format, LLVM style) and exits 1 if there is any; 0 when all are
# formatted. Looks at the files git tracks under checker/, or under the given
# folders or files. `--fix` formats them in place instead.
#   scripts/check-format.sh [--fix] [paths...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
format=${CLANG_FORMAT:-clang-format-19}
fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
[ $# -gt 0 ] || set -- checker
command -v "$format" >/dev/null || {
  echo "check-format: $format not found (Debian: apt-get install clang-format-19)" >&2
  exit 2
}

cd "$root"
# A broken .clang-format would make every file look unformatted: say so once.
"$format" --dump-config --style=file --assume-filename="$root/checker/x.cpp" \
  </dev/null >/dev/null ||
  { echo "check-format: $format cannot read $root/.clang-format" >&2; exit 2; }
mapfile -t files < <(git ls-files -- "$@" | grep -E '\.(cpp|h|inc)$' || true)
if [ ${#files[@]} -eq 0 ]; then
  echo "check-format: no C++ file under $*" >&2
  exit 2
fi
if [ "$fix" = 1 ]; then
  exec "$format" -i --style=file "${files[@]}"
fi

unformatted=0
for f in "${files[@]}"; do
  if ! "$format" --dry-run -Werror --style=file "$f" >/dev/null 2>&1; then
    echo "$f"
    unformatted=$((unformatted + 1))
  fi
done
if [ "$unformatted" -gt 0 ]; then
  echo "check-format: $unformatted of ${#files[@]} files are not formatted" \
       "(scripts/check-format.sh --fix formats them)" >&2
  exit 1
fi
echo "check-format: all ${#files[@]} files are formatted" >&2
