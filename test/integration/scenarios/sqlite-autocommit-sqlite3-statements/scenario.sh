# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Autocommit through prepared statements, the SQLite C API on SQLite.
DB=sqlite
DRIVER=sqlite3
CHECK=dbrace-unlocked-read-update
FIX="dbrace:IMMEDIATE"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients)"
