# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# A lock in autocommit (the open-transaction fix), the MariaDB C API on
# MariaDB/InnoDB.
DB=mariadb
DRIVER=mysql
CHECK=dbrace-lock-without-transaction
FIX="dbrace:START TRANSACTION"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients)"
