# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# A lock in autocommit (the open-transaction fix), libpqxx on PostgreSQL.
DB=pg
DRIVER=pqxx
CHECK=dbrace-lock-without-transaction
FIX="dbrace:pqxx::work"
INVARIANT="a coupon used at most its limit (3 uses, 8 clients), and used up"
