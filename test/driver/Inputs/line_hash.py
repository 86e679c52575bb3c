#!/usr/bin/env python3
"""GitHub code scanning's primaryLocationLineHash, written from its
description, to check dbrace's own implementation against.

Usage: line_hash.py FILE LINE   prints "<hash>:<occurrence>" of LINE (1-based)
       line_hash.py --self-test  checks the values GitHub publishes

The file is read as UTF-8 into UTF-16 code units; blanks and tabs are
dropped, CR LF and a lone CR become LF, and an end marker (0xFFFF) ends the
text. A line's hash is the polynomial hash (base 37, modulo 2**64) of the
100 units from the line's first unit on, zeros past the end; its occurrence
counts the lines with the same hash up to and including it.
"""

import sys

WINDOW = 100
MODULUS = 1 << 64


def units(text):
    """The normalised code units, and the index of each line's first one."""
    raw = text.encode("utf-16-le")
    out, starts = [], []
    at_line_start, after_cr = True, False
    codes = [raw[i] | raw[i + 1] << 8 for i in range(0, len(raw), 2)] + [0xFFFF]
    for c in codes:
        if c in (0x20, 0x09) or (after_cr and c == 0x0A):
            after_cr = False
            continue
        after_cr = c == 0x0D
        if after_cr:
            c = 0x0A
        if at_line_start:
            starts.append(len(out))
            at_line_start = False
        if c == 0x0A:
            at_line_start = True
        out.append(c)
    return out, starts


def line_hashes(text):
    seq, starts = units(text)
    seq = seq + [0] * WINDOW
    seen, result = {}, []
    for s in starts:
        h = 0
        for c in seq[s:s + WINDOW]:
            h = (h * 37 + c) % MODULUS
        key = format(h, "x")
        seen[key] = seen.get(key, 0) + 1
        result.append("%s:%d" % (key, seen[key]))
    return result


# Published with GitHub's own implementation (codeql-action, fingerprints).
KNOWN = [
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d",
     ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
     ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
      "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
    ("Lorem ipsum dolor sit amet.\n" * 10,
     ["a7f2ff13bc495cf2:%d" % i for i in range(1, 7)] +
     ["a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
      "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]),
]


def main():
    if sys.argv[1:] == ["--self-test"]:
        for text, expected in KNOWN:
            got = line_hashes(text)
            if got != expected:
                sys.exit("line_hash.py: %r: expected %s, got %s" % (text, expected, got))
        print("self-test passed")
        return
    with open(sys.argv[1], "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    print(line_hashes(text)[int(sys.argv[2]) - 1])


if __name__ == "__main__":
    main()
