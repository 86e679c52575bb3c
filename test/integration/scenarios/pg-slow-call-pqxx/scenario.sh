# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# A slow call under a lock, libpqxx on PostgreSQL: the latency of 8
# concurrent orders against 1. No fix-it: fix.patch moves the call after
# the commit, as the note suggests.
DB=pg
DRIVER=pqxx
CHECK=dbrace-slow-call-in-transaction
FIX="manual:fix.patch"
MEASURE=latency
INVARIANT="an order's latency does not grow with the concurrent orders (each charges a card for 100 ms)"
