#!/bin/sh
# run_dbrace.sh REPORT SOURCE [RULES...] -- COMPILER-ARGS...
# One Bazel action: dbrace on one source file with the flags Bazel computed
# for it, its findings written as a JSON report. Findings are the report's
# business (exit 0); an error (a file that does not compile, a bad rules
# file) fails the action with dbrace's message. The analysis runs with
# --no-cache: Bazel's own action cache (local or remote) keys the action by
# its inputs, so dbrace's cache would only duplicate it.
set -u
report=$1
source=$2
shift 2
rules=
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  rules="$rules --rules=$1"
  shift
done
# Bazel's toolchain for GCC adds a flag clang 19 does not know (an error,
# not a warning): drop it, keep the rest in order.
[ $# -gt 0 ] && shift # --
for arg in "$@"; do
  shift
  case $arg in
  -fno-canonical-system-headers) ;;
  *) set -- "$@" "$arg" ;;
  esac
done
# DBRACE (--action_env=DBRACE=...) names the driver; else dbrace on PATH.
# shellcheck disable=SC2086
"${DBRACE:-dbrace}" "$source" $rules --no-cache --quiet --format=json \
  --output="$report" -- "$@"
status=$?
if [ "$status" -gt 1 ]; then
  exit "$status"
fi
exit 0
