#!/usr/bin/env python3
"""Checks that a multi-file run printed what each file printed alone.

usage: compare_alone.py DBRACE BUILD_DIR FORMAT COMBINED_OUTPUT

Runs DBRACE on each file of BUILD_DIR/compile_commands.json by itself and
compares the joined results with COMBINED_OUTPUT: byte for byte for text,
finding for finding for JSON and SARIF. Also checks that every finding is
named after the check its file was written for (make_project.py's
f<NN>.cpp cycle through the checks in sorted order).
"""
import json
import os
import re
import subprocess
import sys

CHECKS = sorted([
    "dbrace-check-then-insert",
    "dbrace-lock-without-transaction",
    "dbrace-read-outside-transaction",
    "dbrace-slow-call-in-transaction",
    "dbrace-unlocked-read-update",
])


def expected_check(path):
    n = int(re.search(r"f(\d+)\.cpp", path).group(1))
    return CHECKS[n % len(CHECKS)]


def run_alone(dbrace, build, fmt, source):
    done = subprocess.run(
        [dbrace, "-p", build, "-j1", "--quiet", "--format=" + fmt, source],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit("%s alone exited %d:\n%s" % (source, done.returncode, done.stderr))
    return done.stdout


def findings(fmt, text):
    """(file, check) of each finding, and the comparable part of the output."""
    if fmt == "json":
        items = json.loads(text)
        return [(i["file"], i["check"]) for i in items], items
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                 r["ruleId"]) for r in results], results
    pairs = re.findall(r"^(\S+?):\d+:\d+: warning: .* \[([a-z-]+)\]$", text, re.M)
    return pairs, text


def main():
    dbrace, build, fmt, combined_path = sys.argv[1:5]
    with open(os.path.join(build, "compile_commands.json")) as f:
        files = sorted(os.path.join(c["directory"], c["file"]) for c in json.load(f))
    with open(combined_path) as f:
        combined_pairs, combined = findings(fmt, f.read())

    alone = [] if fmt != "text" else ""
    for source in files:
        alone += findings(fmt, run_alone(dbrace, build, fmt, source))[1]
    if alone != combined:
        sys.exit("%s: the multi-file run differs from the files run alone" % fmt)

    if not combined_pairs:
        sys.exit("%s: no findings at all" % fmt)
    for path, check in combined_pairs:
        if check != expected_check(path):
            sys.exit("%s: %s is reported as %s, expected %s"
                     % (fmt, path, check, expected_check(path)))
    print("%s: %d findings, each named after its check, as when run alone"
          % (fmt, len(combined_pairs)))


if __name__ == "__main__":
    main()
