#!/usr/bin/env python3
"""Checks the SARIF fields GitHub code scanning relies on and prints them.

Usage: sarif_fields.py SARIF DOCS_DIR

- every rule: shortDescription = the first paragraph of its page,
  fullDescription starting with it and saying more, help.text and
  help.markdown = the page, helpUri printed (and, for a file: URI, the file
  exists);
- every region (locations, related locations, code flows): start and end,
  the end not before the start;
- every result: primaryLocationLineHash = what code scanning computes for
  the line (line_hash.py), beside dbrace's own fingerprint; the message
  links every related location by its id, with the location's text.
"""

import json
import os
import re
import sys
from urllib.parse import unquote, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import line_hash  # noqa: E402


def fail(msg):
    sys.exit("sarif_fields.py: " + msg)


def page_summary(markdown):
    lines = markdown.split("\n")[1:]
    para = []
    for line in lines:
        if not line.strip():
            if para:
                break
            continue
        para.append(line.strip())
    return " ".join(para)


def region_text(region, where):
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if not isinstance(region.get(key), int):
            fail("%s: region without %s" % (where, key))
    if (region["endLine"], region["endColumn"]) < (region["startLine"], region["startColumn"]):
        fail("%s: region ends before it starts" % where)
    return "%d:%d-%d:%d" % (region["startLine"], region["startColumn"],
                            region["endLine"], region["endColumn"])


def regions_of(location, where):
    phys = location.get("physicalLocation")
    if phys is None:
        return None
    return region_text(phys["region"], where)


LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\[\[\]])*)\]\((\d+)\)")


def unescape(text):
    return re.sub(r"\\([\[\]])", r"\1", text)


def main():
    sarif_path, docs = sys.argv[1], sys.argv[2]
    with open(sarif_path) as f:
        run = json.load(f)["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        rid = rule["id"]
        with open(os.path.join(docs, rid + ".md")) as f:
            page = f.read()
        short = rule["shortDescription"]["text"]
        if short != page_summary(page):
            fail("%s: shortDescription %r is not the page's first paragraph" % (rid, short))
        full = rule["fullDescription"]["text"]
        if not full.startswith(short) or len(full) <= len(short):
            fail("%s: fullDescription %r does not extend the summary" % (rid, full))
        if rule["help"]["markdown"] != page or rule["help"]["text"] != page:
            fail("%s: help is not the page" % rid)
        uri = rule.get("helpUri")
        if uri and uri.startswith("file:"):
            if not os.path.isfile(unquote(urlparse(uri).path)):
                fail("%s: helpUri %s names no file" % (rid, uri))
        print("rule %s helpUri %s" % (rid, uri))

    root = unquote(urlparse(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]).path)
    for i, result in enumerate(run["results"]):
        w = "results[%d]" % i
        loc = result["locations"][0]["physicalLocation"]
        path = os.path.join(root, unquote(loc["artifactLocation"]["uri"]))
        primary = region_text(loc["region"], w)
        related = result.get("relatedLocations", [])
        related_regions = [regions_of(r, "%s.relatedLocations[%d]" % (w, j))
                           for j, r in enumerate(related)]
        for flow in result.get("codeFlows", []):
            for thread in flow["threadFlows"]:
                for j, step in enumerate(thread["locations"]):
                    regions_of(step["location"], "%s.codeFlow[%d]" % (w, j))
        fps = result["partialFingerprints"]
        if "dbraceFinding/v1" not in fps:
            fail(w + ": no dbraceFinding/v1")
        expected = line_hash.line_hashes(
            open(path, "rb").read().decode("utf-8", errors="replace"))[loc["region"]["startLine"] - 1]
        if fps.get("primaryLocationLineHash") != expected:
            fail("%s: primaryLocationLineHash %s, code scanning computes %s"
                 % (w, fps.get("primaryLocationLineHash"), expected))
        text = result["message"]["text"]
        links = {int(n): unescape(t) for t, n in LINK.findall(text)}
        ids = {r["id"]: unescape(r["message"]["text"]) for r in related}
        if links != ids:
            fail("%s: message links %s, related locations %s" % (w, links, ids))
        print("result %s %s linehash-ok links %s" % (result["ruleId"], primary,
                                                     " ".join(str(n) for n in sorted(links))))
        for r, reg in zip(related, related_regions):
            print("  related %d %s: %s" % (r["id"], reg, r["message"]["text"]))
        print("  message: %s" % text)


if __name__ == "__main__":
    main()
