#!/usr/bin/env python3
"""Time per statement of dbrace's analysis as one function grows.

The issue's cost bound: analysing a function is linear in its size, so the
time per statement must stay flat (within 2x) from 100 to 10,000 statements,
and nesting branches 10, 100 or 500 deep must not blow up either.

Each case is a file holding copies of one generated function, as many copies
as keep the total the same (10,000 statements, or 20,000 nested branches:
enough to stand well above the check profile's resolution), so every case
parses about the same amount of code and the only thing that
changes is how it is cut into functions. The dbrace checks' own time comes
from clang-tidy's --enable-check-profile (user+sys, summed over the five
checks), minus the same for a file with the includes and no function; the
best of three runs is kept.

Shapes:
  sparse  one read-check-write, the rest ordinary statements (most real
          database functions, grown long);
  dense   a read-check-write transaction every ~10 statements, so the numbers
          of reads, writes and transaction objects grow with the function
          (pairs of them are where a quadratic analysis would show);
  onetx   the same reads and writes, all in one transaction object (separates
          costs that grow with transaction objects from those of reads/writes);
  nested  a read, then N nested branches on values derived from it, a filler
          statement in each, and a write in the innermost.

Usage: function_size.py [--plugin build/lib/libdbrace-tidy.so] [--quick]
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
from generate import filler, STD_ARGS, INPUTS  # noqa: E402

TIDY = "/usr/lib/llvm-19/bin/clang-tidy"
TOTAL_STATEMENTS = 10000
TOTAL_BRANCHES = 20000
TIMEOUT = 300
HEADER = "#include <string>\n#include <vector>\n#include <pqxx/pqxx>\n\n"
TABLES = ["events", "wallets", "stock", "coupons", "credits", "accounts",
          "inventory", "subscriptions"]


def locals_():
    return ["int acc = id;", "std::string note;", "std::vector<int> vals;"]


def sparse(rng, name, n):
    body = locals_() + ["pqxx::work w(c);",
                        'pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);',
                        "int seats = r[0][0].as<int>();"]
    body += filler(rng, n - len(body) - 3)
    body += ["if (seats > 0)",
             '  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);',
             "w.commit();"]
    return function(name, body)


def dense(rng, name, n):
    body = locals_()
    k = 0
    while len(body) < n:
        t = TABLES[k % len(TABLES)]
        k += 1
        # 7 statements of database code and 3 ordinary ones per block.
        body += ["{", "  pqxx::work w(c);",
                 f'  pqxx::result r = w.exec_params("SELECT n FROM {t} WHERE id = $1", id);',
                 "  int v = r[0][0].as<int>();"]
        body += ["  " + s for s in filler(rng, 3)]
        body += ["  if (v > 0)",
                 f'    w.exec_params("UPDATE {t} SET n = n - 1 WHERE id = $1", id);',
                 "  w.commit();", "}"]
    return function(name, body)


def onetx(rng, name, n):
    """dense, but every read and write runs through one transaction object."""
    body = locals_() + ["pqxx::work w(c);"]
    k = 0
    while len(body) < n - 1:
        t = TABLES[k % len(TABLES)]
        k += 1
        body += ["{",
                 f'  pqxx::result r = w.exec_params("SELECT n FROM {t} WHERE id = $1", id);',
                 "  int v = r[0][0].as<int>();"]
        body += ["  " + s for s in filler(rng, 4)]
        body += ["  if (v > 0)",
                 f'    w.exec_params("UPDATE {t} SET n = n - 1 WHERE id = $1", id);', "}"]
    body.append("w.commit();")
    return function(name, body)


def nested(rng, name, depth):
    body = locals_() + ["pqxx::work w(c);",
                        'pqxx::result r = w.exec_params("SELECT seats FROM events WHERE id = $1", id);',
                        "int seats = r[0][0].as<int>();", "int left = seats - 1;"]
    for i in range(depth):
        # Alternate conditions on the read value and on unrelated values, so
        # the search for the guarding branch walks through both kinds.
        cond = f"left > {i}" if i % 2 else f"acc % {i + 2} != 1"
        body += ["  " * i + f"if ({cond}) {{", "  " * (i + 1) + filler(rng, 1)[0]]
    body.append("  " * depth + 'w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);')
    body += ["  " * i + "}" for i in reversed(range(depth))]
    body.append("w.commit();")
    return function(name, body)


def function(name, body):
    return (f"int {name}(pqxx::connection &c, int id) {{\n" +
            "".join(f"  {line}\n" for line in body) + "  return acc;\n}\n")


def cases(quick):
    sizes = [100, 1000] if quick else [100, 1000, 10000]
    depths = [10, 100] if quick else [10, 100, 500]
    for shape in ("sparse", "dense", "onetx"):
        for n in sizes:
            yield shape, n, TOTAL_STATEMENTS // n, "statement"
    for d in depths:
        yield "nested", d, TOTAL_BRANCHES // d, "branch"


def check_seconds(plugin, src, work):
    """Best of three: the dbrace checks' user+sys time on src, and findings."""
    best, found = None, 0
    args = [*STD_ARGS, "-isystem", str(INPUTS / "pqxx")]
    for rep in range(3):
        prof = work / f"prof-{src.stem}-{rep}"
        shutil.rmtree(prof, ignore_errors=True)
        try:
            r = subprocess.run([TIDY, "-quiet", f"--load={plugin}",
                                "-checks=-*,dbrace-*", "--enable-check-profile",
                                f"--store-check-profile={prof}", str(src), "--",
                                *args], capture_output=True, text=True,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, 0
        if r.returncode != 0:
            raise RuntimeError(f"clang-tidy failed on {src}:\n{r.stderr[-2000:]}")
        total = 0.0
        for f in prof.glob("*.json"):
            for key, value in json.loads(f.read_text())["profile"].items():
                if ".dbrace-" in key and key.endswith((".user", ".sys")):
                    total += value
        best = total if best is None else min(best, total)
        found = r.stdout.count("[dbrace-")
    return best, found


def write_case(shape, n, copies, work):
    rng = random.Random(n)
    make = {"sparse": sparse, "dense": dense, "onetx": onetx, "nested": nested}[shape]
    src = Path(work) / f"{shape}_{n}.cpp"
    src.write_text(HEADER + "\n".join(make(rng, f"f{i}", n) for i in range(copies)))
    return src


def measure(plugin, work, quick=False):
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    empty = work / "empty.cpp"
    empty.write_text(HEADER)
    base, _ = check_seconds(plugin, empty, work)
    results = []
    for shape, n, copies, unit in cases(quick):
        src = write_case(shape, n, copies, work)
        secs, found = check_seconds(plugin, src, work)
        units = n * copies
        results.append({"shape": shape, "size": n, "copies": copies, "unit": unit,
                        "seconds": None if secs is None else max(secs - base, 0.0),
                        "per_unit_us": None if secs is None else 1e6 * max(secs - base, 0.0) / units,
                        "findings": found})
        print(f"  {shape} {n} x{copies}: {results[-1]['per_unit_us']} us/{unit}",
              file=sys.stderr)
    return {"baseline": base, "results": results}


def markdown(m):
    L = ["## D. One function, growing (bench/function_size)\n",
         f"Each case is {TOTAL_STATEMENTS:,} statements (nested: {TOTAL_BRANCHES:,} "
         "branches) cut into functions of the given size; dbrace checks' own time "
         f"(check profile, best of 3) minus an empty file's ({m['baseline'] * 1000:.1f} ms).\n",
         "| shape | function size | copies | dbrace time (ms) | per statement / branch (us) | vs smallest | findings |",
         "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    first = {}
    for r in m["results"]:
        if r["seconds"] is None:
            L.append(f"| {r['shape']} | {r['size']:,} | {r['copies']} | > {TIMEOUT * 1000} | | | |")
            continue
        ref = first.setdefault(r["shape"], r["per_unit_us"])
        L.append(f"| {r['shape']} | {r['size']:,} {r['unit']}{'es' if r['unit'] == 'branch' else 's'} | {r['copies']} | "
                 f"{r['seconds'] * 1000:.1f} | {r['per_unit_us']:.2f} | "
                 f"{r['per_unit_us'] / ref if ref else float('nan'):.2f}x | {r['findings']} |")
    return "\n".join(L) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plugin", type=Path, default=REPO / "build" / "lib" / "libdbrace-tidy.so")
    p.add_argument("--work", type=Path, default=Path("/tmp/dbrace-bench-fs"))
    p.add_argument("--quick", action="store_true")
    p.add_argument("--only", help="one case, e.g. dense_10000, to write it and stop (for perf)")
    args = p.parse_args()
    if args.only:
        shape, n = args.only.split("_")
        args.work.mkdir(parents=True, exist_ok=True)
        src = write_case(shape, int(n), 1, args.work)
        print(" ".join([TIDY, f"--load={args.plugin.resolve()}", "-checks=-*,dbrace-*",
                        str(src), "--", *STD_ARGS, "-isystem", str(INPUTS / "pqxx")]))
        return
    print(markdown(measure(args.plugin.resolve(), args.work, args.quick)))


if __name__ == "__main__":
    main()
