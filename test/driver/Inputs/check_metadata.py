#!/usr/bin/env python3
"""Checks that every copy of a check's one-line summary says what its page
says.

Usage: check_metadata.py SOURCE_DIR LIST_CHECKS_OUTPUT

The page docs/checks/<check>.md is the source: its first paragraph is the
summary. It must be one sentence, and appear unchanged in `dbrace
--list-checks`, the README's table of checks, docs/checks/README.md's table
and the `///` comment of the check's class. Every check dbrace lists has a
page, and every page a check.
"""

import glob
import os
import re
import sys

errors = []


def error(msg):
    errors.append(msg)


def first_paragraph(lines):
    para = []
    for line in lines:
        if not line.strip():
            if para:
                break
            continue
        para.append(line.strip())
    return " ".join(para)


def table_rows(path):
    """check name -> second column, for rows that link a check page."""
    rows = {}
    with open(path) as f:
        for line in f:
            m = re.match(r"\|\s*\[(dbrace-[a-z-]+)\]\([^)]*\)\s*\|([^|]*)\|", line)
            if m:
                rows[m.group(1)] = m.group(2).strip()
    return rows


def header_summaries(src):
    """check name -> the /// paragraph of the class whose header links its page."""
    out = {}
    for path in glob.glob(os.path.join(src, "checker", "tidy", "*Check.h")):
        with open(path) as f:
            text = f.read()
        m = re.search(r"docs/checks/(dbrace-[a-z-]+)\.md", text)
        if not m:
            continue
        doc = [l.strip()[3:].strip() for l in text.splitlines() if l.strip().startswith("///")]
        out[m.group(1)] = (first_paragraph(doc), os.path.relpath(path, src))
    return out


def main():
    src, listing = sys.argv[1], sys.argv[2]
    pages = {}
    for path in sorted(glob.glob(os.path.join(src, "docs", "checks", "dbrace-*.md"))):
        name = os.path.basename(path)[:-3]
        with open(path) as f:
            lines = f.read().split("\n")
        if lines[0] != "# " + name:
            error("%s: the first line is not '# %s'" % (path, name))
        summary = first_paragraph(lines[1:])
        if not re.fullmatch(r"[A-Z][^.]*[^.\s]\.", summary):
            error("%s: the first paragraph is not one sentence: %r" % (name, summary))
        pages[name] = summary

    listed = {}
    with open(listing) as f:
        for line in f:
            name, _, summary = line.rstrip("\n").partition("\t")
            listed[name] = summary
    if set(listed) != set(pages):
        error("--list-checks lists %s; pages exist for %s" % (sorted(listed), sorted(pages)))

    copies = [("--list-checks", listed),
              ("README.md", table_rows(os.path.join(src, "README.md"))),
              ("docs/checks/README.md", table_rows(os.path.join(src, "docs", "checks", "README.md")))]
    headers = header_summaries(src)
    for name, summary in sorted(pages.items()):
        for where, rows in copies:
            if rows.get(name) != summary:
                error("%s: %s says %r, the page says %r" % (name, where, rows.get(name), summary))
        text, path = headers.get(name, (None, "no header"))
        if text != summary:
            error("%s: %s says %r, the page says %r" % (name, path, text, summary))

    if errors:
        sys.exit("\n".join(errors))
    print("%d checks, one summary each" % len(pages))


if __name__ == "__main__":
    main()
