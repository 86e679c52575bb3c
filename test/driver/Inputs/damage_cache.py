"""Damages every entry of a dbrace cache folder in one of three ways, in
turn: cut in half, one byte of the payload changed, replaced by garbage."""
import os
import sys

entries = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1])
                 for f in fs)
assert entries, "no cache entries to damage"
for i, path in enumerate(entries):
    data = open(path, "rb").read()
    if i % 3 == 0:
        data = data[: len(data) // 2]
    elif i % 3 == 1:
        data = data[:-1] + bytes([data[-1] ^ 0x55])
    else:
        data = b"not a cache entry"
    open(path, "wb").write(data)
