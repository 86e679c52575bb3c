# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# A deferred BEGIN (dbrace's BEGIN IMMEDIATE fix), SQLiteCpp on SQLite.
DB=sqlite
DRIVER=sqlitecpp
CHECK=dbrace-unlocked-read-update
FIX="dbrace:IMMEDIATE"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients): no request fails while seats are left"
