# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Read outside the transaction (the move-the-begin fix), libpqxx on PostgreSQL.
DB=pg
DRIVER=pqxx
CHECK=dbrace-read-outside-transaction
FIX="dbrace:FOR UPDATE"
INVARIANT="balance never below zero and the ledger sums (100 in the account, 8 clients withdraw 30)"
