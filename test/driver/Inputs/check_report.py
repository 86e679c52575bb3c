#!/usr/bin/env python3
"""Validates a dbrace JSON or SARIF report and prints a summary to FileCheck.

Usage: check_report.py json|sarif FILE

Exits non-zero, naming the path of the first field that is missing or of
the wrong type, so a test fails on structure and not only on text.
"""

import json
import sys

CHECKS = [
    "dbrace-check-then-insert",
    "dbrace-lock-without-transaction",
    "dbrace-read-outside-transaction",
    "dbrace-slow-call-in-transaction",
    "dbrace-unlocked-read-update",
]


def need(obj, key, kind, where):
    if not isinstance(obj, dict) or key not in obj:
        sys.exit("missing %s.%s" % (where, key))
    value = obj[key]
    if kind is int and (not isinstance(value, int) or value < 0):
        sys.exit("%s.%s: expected a non-negative integer" % (where, key))
    if kind is not int and not isinstance(value, kind):
        sys.exit("%s.%s: expected %s" % (where, key, kind.__name__))
    return value


def place(obj, where):
    return "%s:%d:%d" % (need(obj, "file", str, where),
                         need(obj, "line", int, where),
                         need(obj, "column", int, where))


def check_json(doc):
    if not isinstance(doc, list):
        sys.exit("top level: expected an array")
    for i, f in enumerate(doc):
        w = "[%d]" % i
        if "file" not in f:
            # An error with no place (a configuration error): what and why.
            if need(f, "level", str, w) != "error":
                sys.exit(w + ": only an error may have no file")
            print("error %s: %s" % (need(f, "check", str, w), need(f, "message", str, w)))
            continue
        print("finding %s %s %s: %s" % (need(f, "check", str, w),
                                        need(f, "level", str, w),
                                        place(f, w), need(f, "message", str, w)))
        for j, n in enumerate(need(f, "notes", list, w)):
            nw = "%s.notes[%d]" % (w, j)
            print("  note %s: %s" % (place(n, nw), need(n, "message", str, nw)))
        for j, x in enumerate(need(f, "fixes", list, w)):
            xw = "%s.fixes[%d]" % (w, j)
            need(x, "offset", int, xw)
            need(x, "length", int, xw)
            print("  fix %s-%d:%d %r" % (place(x, xw), need(x, "endLine", int, xw),
                                        need(x, "endColumn", int, xw),
                                        need(x, "replacement", str, xw)))


def physical(loc, where):
    p = need(loc, "physicalLocation", dict, where)
    art = need(p, "artifactLocation", dict, where + ".physicalLocation")
    uri = need(art, "uri", str, where + ".artifactLocation")
    region = need(p, "region", dict, where + ".physicalLocation")
    return "%s:%d:%d" % (uri, need(region, "startLine", int, where + ".region"),
                         need(region, "startColumn", int, where + ".region"))


def check_sarif(doc):
    if need(doc, "version", str, "log") != "2.1.0":
        sys.exit("log.version: expected 2.1.0")
    need(doc, "$schema", str, "log")
    runs = need(doc, "runs", list, "log")
    if len(runs) != 1:
        sys.exit("log.runs: expected one run")
    run = runs[0]
    driver = need(need(run, "tool", dict, "run"), "driver", dict, "run.tool")
    if need(driver, "name", str, "driver") != "dbrace":
        sys.exit("driver.name: expected dbrace")
    rules = need(driver, "rules", list, "driver")
    ids = [need(r, "id", str, "rule") for r in rules]
    if ids != CHECKS:
        sys.exit("driver.rules: expected %s, got %s" % (CHECKS, ids))
    for r in rules:
        if not need(r, "helpUri", str, r["id"]).endswith("/checks/%s.md" % r["id"]):
            sys.exit("%s: helpUri %s" % (r["id"], r["helpUri"]))
        need(need(r, "shortDescription", dict, r["id"]), "text", str, r["id"])
    print("rules %s" % " ".join(ids))
    base = need(run, "originalUriBaseIds", dict, "run")
    need(need(base, "%SRCROOT%", dict, "originalUriBaseIds"), "uri", str, "%SRCROOT%")
    inv = need(run, "invocations", list, "run")[0]
    print("executionSuccessful %s" % need(inv, "executionSuccessful", bool, "invocation"))
    for n in need(inv, "toolExecutionNotifications", list, "invocation"):
        where = "".join(" at " + physical(loc, "notification.locations")
                        for loc in n.get("locations", []))
        print("notification %s: %s%s" % (need(n, "level", str, "notification"),
                                         need(need(n, "message", dict, "notification"),
                                              "text", str, "notification"), where))
    for i, r in enumerate(need(run, "results", list, "run")):
        w = "results[%d]" % i
        rule = need(r, "ruleId", str, w)
        if rules[need(r, "ruleIndex", int, w)]["id"] != rule:
            sys.exit(w + ".ruleIndex points at another rule")
        locs = need(r, "locations", list, w)
        print("result %s %s at %s: %s" % (rule, need(r, "level", str, w),
                                          physical(locs[0], w + ".locations[0]"),
                                          need(need(r, "message", dict, w), "text", str, w)))
        need(need(r, "partialFingerprints", dict, w), "dbraceFinding/v1", str, w)
        for j, rel in enumerate(r.get("relatedLocations", [])):
            rw = "%s.relatedLocations[%d]" % (w, j)
            need(rel, "id", int, rw)
            print("  related %s: %s" % (physical(rel, rw),
                                        need(need(rel, "message", dict, rw), "text", str, rw)))
        for flow in r.get("codeFlows", []):
            for thread in need(flow, "threadFlows", list, w + ".codeFlow"):
                # A timeline's step with no place (what the race did) shows
                # as its message.
                steps = [physical(loc, "step") if "physicalLocation" in loc
                         else "(%s)" % need(need(loc, "message", dict, "step"),
                                            "text", str, "step")
                         for loc in (need(s, "location", dict, "step")
                                     for s in need(thread, "locations", list,
                                                   "threadFlow"))]
                name = thread.get("id")
                print("  flow %s%s" % (name + ": " if name else "",
                                       " -> ".join(steps)))
        for fix in r.get("fixes", []):
            for change in need(fix, "artifactChanges", list, w + ".fix"):
                uri = need(need(change, "artifactLocation", dict, "change"), "uri", str, "change")
                for rep in need(change, "replacements", list, "change"):
                    d = need(rep, "deletedRegion", dict, "replacement")
                    text = need(need(rep, "insertedContent", dict, "replacement"),
                                "text", str, "replacement")
                    print("  fix %s:%d:%d-%d:%d %r" % (uri, d["startLine"], d["startColumn"],
                                                     d["endLine"], d["endColumn"], text))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path) as f:
        doc = json.load(f)
    {"json": check_json, "sarif": check_sarif}[kind](doc)


if __name__ == "__main__":
    main()
