#!/usr/bin/env python3
"""Compares the options of `dbrace --help` with the table in docs/driver.md.

Usage: compare_help_docs.py HELP_TEXT DRIVER_MD

Prints each option found on one side only and exits 1 if there is any.
"""

import re
import sys

OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z0-9-]*)")


def help_options(text):
    """Option names at the start of --help's entries (not the `=value` lines)."""
    names = set()
    for line in text.splitlines():
        m = re.match(r"^  (-[^ =[]+)", line)
        if m:
            names.add(m.group(1))
    return names


def documented_options(text):
    """Option names in the first column of driver.md's option tables."""
    names = set()
    in_options = False
    for line in text.splitlines():
        if line.startswith("#"):
            in_options = line.strip() == "## Options"
            continue
        if in_options and line.startswith("|"):
            first = line.split("|")[1]
            names.update(OPTION.findall(first.replace("\\|", "")))
    return names


def main():
    helped = help_options(open(sys.argv[1]).read())
    documented = documented_options(open(sys.argv[2]).read())
    if not helped or not documented:
        sys.exit("no options found (help: %d, docs: %d)" % (len(helped), len(documented)))
    status = 0
    for name in sorted(helped - documented):
        print("in --help but not in driver.md: %s" % name)
        status = 1
    for name in sorted(documented - helped):
        print("in driver.md but not in --help: %s" % name)
        status = 1
    print("%d options compared" % len(helped))
    sys.exit(status)


if __name__ == "__main__":
    main()
