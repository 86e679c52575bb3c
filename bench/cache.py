#!/usr/bin/env python3
"""Measures dbrace's per-file cache on a generated code base.

On one code base from bench/generate.py, one after the other:
  cold        dbrace -j2 with an empty --cache-dir (analyses and stores all)
  warm        the same again: every file answered by replaying what its
              analysis read (no preprocessor, no parse)
  one file    one source file edited: that file analysed, the rest cached
  all edited  a comment appended to every source: all analysed again
  all back    the comments removed (a branch switched back): every file
              preprocessed, then answered from the cache
  no cache    dbrace -j2 --no-cache (what a run costs without the cache)
  preprocess  clang++ -E of every file, one process each (-j2)
  parse       clang-tidy 19 with only llvm-header-guard (the parse), one
              process per file (-j2), as bench/run.py's parse baseline
Every dbrace run must print the same findings. CPU is user+sys of the
process tree, wall the elapsed time.

Usage: bench/cache.py [--tus 48] [--build build] [--out bench/results/cache.md]
"""

import argparse
import concurrent.futures as cf
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TIDY = "/usr/lib/llvm-19/bin/clang-tidy"
CLANG = "/usr/lib/llvm-19/bin/clang++"


def run(cmd, cwd=None):
    """(wall, cpu, completed process) of cmd, CPU of its whole tree."""
    before = os.times()
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = os.times()
    cpu = (after.children_user - before.children_user +
           after.children_system - before.children_system)
    return wall, cpu, proc


def run_each(commands, jobs=2):
    """Runs independent commands, jobs at once: (wall, cpu)."""
    before = os.times()
    start = time.monotonic()
    with cf.ThreadPoolExecutor(jobs) as pool:
        for proc in pool.map(lambda c: subprocess.run(c, capture_output=True),
                             commands):
            if proc.returncode not in (0, 1):
                sys.exit("cache.py: failed: " + proc.stderr.decode()[-500:])
    after = os.times()
    return (time.monotonic() - start,
            after.children_user - before.children_user +
            after.children_system - before.children_system)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tus", type=int, default=48)
    p.add_argument("--build", type=Path, default=REPO / "build")
    p.add_argument("--work", type=Path, default=Path("/tmp/dbrace-bench-cache"))
    p.add_argument("--out", type=Path, default=HERE / "results" / "cache.md")
    args = p.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    base = args.work / "code"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--tus",
                    str(args.tus), "--out", str(base)], check=True,
                   capture_output=True)
    commands = json.loads((base / "compile_commands.json").read_text())
    files = [c["file"] for c in commands]
    dbrace = str(args.build / "bin" / "dbrace")
    cache = args.work / "cache"
    common = [dbrace, "-p", str(base), "-j2", "--cache-stats", "--quiet"]
    load_before = os.getloadavg()[0]

    rows, outputs = [], {}

    def dbrace_run(name, *extra):
        wall, cpu, proc = run([*common, *extra], cwd=base)
        if proc.returncode not in (0, 1):
            sys.exit(f"cache.py: {name}: {proc.stderr[-800:]}")
        stats = [l for l in proc.stderr.splitlines() if "cache:" in l]
        rows.append((name, wall, cpu, stats[0].split(" in ")[0] if stats else ""))
        outputs[name] = proc.stdout

    dbrace_run("cold", f"--cache-dir={cache}")
    dbrace_run("warm", f"--cache-dir={cache}")
    originals = {f: Path(f).read_text() for f in files}
    for f in files:
        Path(f).write_text(originals[f] + "\n// edited\n")
    dbrace_run("all files edited", f"--cache-dir={cache}")
    for f in files:
        Path(f).write_text(originals[f])
    dbrace_run("all files back (preprocessing each)", f"--cache-dir={cache}")
    edited = Path(files[len(files) // 2])
    edited.write_text(edited.read_text() + "\nint bench_edit_marker();\n")
    dbrace_run("one file edited", f"--cache-dir={cache}")
    dbrace_run("no cache", "--no-cache")

    flags = [c["arguments"][1:-4] for c in commands]
    pp = run_each([[CLANG, *f, "-E", "-o", "/dev/null", c["file"]]
                   for f, c in zip(flags, commands)])
    parse = run_each([[TIDY, "-checks=-*,llvm-header-guard", "-p", str(base),
                       "--quiet", c["file"]] for c in commands])
    rows.append(("clang++ -E, one process per file, -j2", *pp, ""))
    rows.append(("clang-tidy parse only (llvm-header-guard), one process per file, -j2",
                 *parse, ""))
    load_after = os.getloadavg()[0]

    first = outputs["cold"]
    for name in ("warm", "all files edited", "all files back (preprocessing each)"):
        assert outputs[name] == first, f"{name} printed other findings"
    assert outputs["no cache"] == outputs["one file edited"]

    cold = rows[0]
    lines = [f"# dbrace cache: {args.tus} generated TUs, -j2",
             "",
             f"Load average {load_before:.1f} before, {load_after:.1f} after. "
             "CPU is user+sys of the process tree.",
             "",
             "| run | wall s | CPU s | cold/this (wall) | cold/this (CPU) | cache |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for name, wall, cpu, stats in rows:
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | "
                     f"{cold[1] / wall:.1f}x | {cold[2] / cpu:.1f}x | {stats} |")
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
