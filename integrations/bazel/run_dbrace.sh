#!/bin/sh
# run_dbrace.sh SOURCE DBRACE-OPTIONS... -- COMPILER-ARGS...
# run_dbrace.sh merge DBRACE-MERGE-ARGS...
# One Bazel action of the aspect: the dbrace driver on one source file
# with the flags Bazel computed for it (a first pass writing the file's
# summaries, or a second pass writing its JSON report), or `dbrace merge`
# of summaries files. The aspect writes the options; this script only
# adapts the compiler's arguments and the exit status. Findings are the
# report's business (exit 0); an error (a file that does not compile, a
# bad rules or summaries file) fails the action with dbrace's message.
set -u
# Bazel's toolchain for GCC adds a flag clang 19 does not know (an error,
# not a warning): drop it after `--`, keep everything else in order.
compiler=false
for arg in "$@"; do
  shift
  case $compiler:$arg in
  false:--) compiler=true ;;
  true:-fno-canonical-system-headers) continue ;;
  esac
  set -- "$@" "$arg"
done
# DBRACE (--action_env=DBRACE=...) names the driver; else dbrace on PATH.
"${DBRACE:-dbrace}" "$@"
status=$?
if [ "$status" -gt 1 ]; then
  exit "$status"
fi
exit 0
