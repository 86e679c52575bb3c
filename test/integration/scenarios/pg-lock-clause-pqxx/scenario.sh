# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Unlocked read -> update in a transaction, libpqxx on PostgreSQL.
DB=pg
DRIVER=pqxx
CHECK=dbrace-unlocked-read-update
FIX="dbrace:FOR UPDATE"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients)"
