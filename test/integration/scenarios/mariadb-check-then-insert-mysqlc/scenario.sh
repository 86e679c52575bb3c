# shellcheck shell=bash disable=SC2034  # settings, sourced by run.sh
# Check-then-insert, the MariaDB C API on MariaDB/InnoDB. No fix-it:
# fix.patch applies the note's suggestion by hand.
DB=mariadb
DRIVER=mysql
CHECK=dbrace-check-then-insert
FIX="manual:fix.patch"
INVARIANT="one row per natural key (customer, code): 8 clients claim the same coupon once"
