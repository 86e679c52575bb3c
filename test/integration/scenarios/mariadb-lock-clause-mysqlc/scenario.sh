# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Unlocked read -> update in a REPEATABLE READ transaction (the lock-clause
# fix), the MariaDB C API on MariaDB/InnoDB.
DB=mariadb
DRIVER=mysql
CHECK=dbrace-unlocked-read-update
FIX="dbrace:FOR UPDATE"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients), in a REPEATABLE READ transaction"
