# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Unlocked read -> update with autocommit off, under REPEATABLE READ (the
# lock-clause fix), MySQL Connector/C++ on MariaDB/InnoDB.
DB=mariadb
DRIVER=connector
CHECK=dbrace-unlocked-read-update
FIX="dbrace:FOR UPDATE"
INVARIANT="seats never negative and bookings = capacity (3 seats, 8 clients), in a REPEATABLE READ transaction"
