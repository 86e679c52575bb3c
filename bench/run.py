#!/usr/bin/env python3
"""Measures what dbrace costs on top of clang-tidy, on one generated code base.

In one run, on the same files:
  A. per TU: clang-tidy 19 with only a trivial check (the parse cost), with
     the dbrace checks (plugin), and with the dbrace checks under
     --enable-check-profile (the checks' own time);
  B. dbrace -j2 against run-clang-tidy -j2 with the same checks (and with the
     trivial check), at several code base sizes;
  C. the dbrace checks' share as the database functions grow;
  D. single functions of 100 to 10,000 statements and 10 to 500 nested
     branches (bench/function_size/run.py).
CPU time is user+sys of the process tree, wall is elapsed, memory the peak
resident set of the largest single process (/usr/bin/time -v).

Usage: bench/run.py [--quick] [--build build] [--out bench/results/latest.md]
"""

import argparse
import concurrent.futures as cf
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TIDY = "/usr/lib/llvm-19/bin/clang-tidy"
# llvm-header-guard has only preprocessor callbacks: clang-tidy still parses
# and walks the AST, but no matcher fires, so it is the parse cost. (With no
# check at all, clang-tidy does not parse.) braces-around-statements is the
# cheap AST check the issue names; it is not free (it matches every if/for).
PARSE = "-checks=-*,llvm-header-guard"
TRIVIAL_CHECKS = "-*,readability-braces-around-statements"
DBRACE_CHECKS = "-*,dbrace-*"
TRIVIAL = f"-checks={TRIVIAL_CHECKS}"
DBRACE = f"-checks={DBRACE_CHECKS}"
sys.path.insert(0, str(HERE / "function_size"))
import function_size  # noqa: E402  (after the path it lives in)


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns dict(wall, cpu, rss_mb, rc, out)."""
    tfile = f"/tmp/dbrace-bench-time-{os.getpid()}-{time.monotonic_ns()}"
    start = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-v", "-o", tfile, *cmd], cwd=cwd,
                       capture_output=True, text=True)
    wall = time.monotonic() - start
    report = Path(tfile).read_text()
    os.unlink(tfile)

    def field(name):
        return float(re.search(rf"{name}: ([\d.]+)", report).group(1))

    return {"wall": wall, "cpu": field(r"User time \(seconds\)") +
            field(r"System time \(seconds\)"),
            "rss_mb": field(r"Maximum resident set size \(kbytes\)") / 1024,
            "rc": r.returncode, "out": r.stdout, "err": r.stderr}


def findings(text):
    return len(re.findall(r"warning: .*\[dbrace-[a-z-]+\]", text))


def snapshot_tools(build, work):
    """Copies the plugin, driver and rules: others rebuild build/ while we run."""
    # Wait out a rebuild in progress: a half-linked binary is empty or not executable.
    for _ in range(60):
        exe = build / "bin" / "dbrace"
        if os.access(exe, os.X_OK) and subprocess.run(
                [str(exe), "--version"], capture_output=True).returncode == 0:
            break
        time.sleep(5)
    tools = work / "tools"
    shutil.rmtree(tools, ignore_errors=True)
    (tools / "bin").mkdir(parents=True)
    (tools / "lib").mkdir()
    shutil.copy2(build / "bin" / "dbrace", tools / "bin")
    shutil.copy2(build / "lib" / "libdbrace-tidy.so", tools / "lib")
    shutil.copytree(build / "share", tools / "share")
    return tools / "lib" / "libdbrace-tidy.so", tools / "bin" / "dbrace"


def generate(out, tus, statements, seed=1):
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--tus", str(tus),
                    "--function-statements", str(statements), "--out", str(out),
                    "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    return json.loads((out / "manifest.json").read_text())


def subset_database(base, n, dest):
    """A compilation database of the first n files of base, for run-clang-tidy."""
    dest.mkdir(parents=True, exist_ok=True)
    entries = json.loads((base / "compile_commands.json").read_text())[:n]
    (dest / "compile_commands.json").write_text(json.dumps(entries))
    return [e["file"] for e in entries]


def profile_seconds(profile_dir):
    """The dbrace checks' user+sys time in one --store-check-profile JSON."""
    total = 0.0
    for f in Path(profile_dir).glob("*.json"):
        for key, value in json.loads(f.read_text())["profile"].items():
            if ".dbrace-" in key and key.endswith((".user", ".sys")):
                total += value
    return total


def per_tu(base, files, plugin, work, configs, jobs=2):
    """Phase A: each TU under each configuration, two TUs at a time."""
    def one(i, path):
        prof = work / "profiles" / f"{i}"
        shutil.rmtree(prof, ignore_errors=True)
        cmds = {
            "parse": [TIDY, "-quiet", PARSE, "-p", str(base), path],
            "trivial": [TIDY, "-quiet", TRIVIAL, "-p", str(base), path],
            "dbrace": [TIDY, "-quiet", f"--load={plugin}", DBRACE, "-p",
                       str(base), path],
            "profile": [TIDY, "-quiet", f"--load={plugin}", DBRACE,
                        "--enable-check-profile", f"--store-check-profile={prof}",
                        "-p", str(base), path],
        }
        # Rotate the order so no configuration always runs on a warm cache.
        order = configs[i % len(configs):] + configs[:i % len(configs)]
        res = {}
        for name in order:
            res[name] = timed(cmds[name])
            if res[name]["rc"] != 0:
                raise RuntimeError(f"{name} failed on {path}:\n{res[name]['err'][-2000:]}")
        res["check"] = profile_seconds(prof)
        res["findings"] = findings(res["dbrace"]["out"]) if "dbrace" in res else 0
        return res

    with cf.ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda a: one(*a), enumerate(files)))


def dbrace_supports_jobs(dbrace):
    text = subprocess.run([str(dbrace), "--help"], capture_output=True, text=True).stdout
    return re.search(r"^\s+-j\b|--jobs?\b", text, re.M) is not None


def parallel_dbrace(dbrace, db_dir, files, has_jobs):
    """dbrace over files on 2 cores: -j2 if the driver has it, else two halves."""
    if has_jobs:
        return timed([str(dbrace), "--quiet", "-j2", "-p", str(db_dir), *files])
    start = time.monotonic()
    with cf.ThreadPoolExecutor(2) as pool:
        halves = list(pool.map(lambda part: timed(
            [str(dbrace), "--quiet", "-p", str(db_dir), *part]),
            [files[0::2], files[1::2]]))
    return {"wall": time.monotonic() - start,
            "cpu": sum(h["cpu"] for h in halves),
            "rss_mb": max(h["rss_mb"] for h in halves),
            "rc": max(h["rc"] for h in halves),
            "out": "".join(h["out"] for h in halves),
            "err": "".join(h["err"] for h in halves)}


def run_clang_tidy():
    for c in ["/usr/lib/llvm-19/bin/run-clang-tidy", "/usr/bin/run-clang-tidy-19"]:
        if os.access(c, os.X_OK):
            return c
    sys.exit("run.py: no run-clang-tidy for LLVM 19")


def scaling(base, n, plugin, dbrace, work, has_jobs, rct):
    db_dir = work / f"db{n}"
    files = subset_database(base, n, db_dir)
    common = [rct, "-j", "2", "-quiet", "-clang-tidy-binary", TIDY, "-p", str(db_dir)]
    rows = {
        "run-clang-tidy -j2, trivial check": timed([*common, TRIVIAL]),
        "run-clang-tidy -j2, dbrace checks": timed([*common, "-load", str(plugin), DBRACE]),
        ("dbrace -j2" if has_jobs else "dbrace, 2 processes over halves"):
            parallel_dbrace(dbrace, db_dir, files, has_jobs),
    }
    for name, r in rows.items():
        r["findings"] = findings(r["out"])
        # dbrace exits 1 on findings; anything else is a failure to report.
        if r["rc"] not in (0, 1):
            raise RuntimeError(f"{name} failed at {n} TUs:\n{r['err'][-2000:]}")
    return rows


def strip(x):
    """x without the tools' output text, which is counted already and large."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in ("out", "err")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def fmt_ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", type=Path, default=REPO / "build")
    p.add_argument("--work", type=Path, default=Path("/tmp/dbrace-bench"))
    p.add_argument("--out", type=Path, default=HERE / "results" / "latest.md")
    p.add_argument("--tus", type=int, default=24, help="TUs measured one by one (A)")
    p.add_argument("--scales", default="6,24,96", help="TU counts for B")
    p.add_argument("--sizes", default="30,120,480",
                   help="statements per database function for C")
    p.add_argument("--size-tus", type=int, default=8, help="TUs per size in C")
    p.add_argument("--callgrind", type=int, default=1,
                   help="TUs counted under callgrind in E (0: none)")
    p.add_argument("--resume", action="store_true",
                   help="keep --work and reuse the phases an interrupted run finished")
    p.add_argument("--quick", action="store_true", help="tiny sizes, to try the script")
    args = p.parse_args()
    if args.quick:
        args.tus, args.scales, args.size_tus, args.callgrind = 6, "4,8", 4, 1
    scales = [int(s) for s in args.scales.split(",")]
    sizes = [int(s) for s in args.sizes.split(",")]

    t0 = time.monotonic()
    load_before = os.getloadavg()[0]
    work = args.work.resolve()
    if not args.resume:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    if args.resume and (work / "tools").is_dir():
        plugin = work / "tools" / "lib" / "libdbrace-tidy.so"
        dbrace = work / "tools" / "bin" / "dbrace"
    else:
        plugin, dbrace = snapshot_tools(args.build.resolve(), work)
    has_jobs = dbrace_supports_jobs(dbrace)
    rct = run_clang_tidy()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()

    base = work / "base"
    if args.resume and (base / "manifest.json").exists():
        manifest = json.loads((base / "manifest.json").read_text())
    else:
        manifest = generate(base, max(scales + [args.tus]), 30)
    files = [e["file"] for e in json.loads((base / "compile_commands.json").read_text())]

    def phase(name, fn):
        """Runs a phase, or with --resume reuses what an interrupted run saved."""
        saved = work / f"phase-{name}.json"
        if args.resume and saved.exists():
            return json.loads(saved.read_text())
        print(f"phase {name}", file=sys.stderr)
        result = strip(fn())
        saved.write_text(json.dumps(result))
        return json.loads(saved.read_text())  # keys as they read back

    def sizes_phase():
        c = {}
        for s in sizes:
            d = work / f"size{s}"
            generate(d, args.size_tus, s, seed=2)
            sfiles = [e["file"] for e in json.loads((d / "compile_commands.json").read_text())]
            c[s] = per_tu(d, sfiles, plugin, work, ["parse", "profile"])
        return c

    a = phase("A", lambda: per_tu(base, files[:args.tus], plugin, work,
                                  ["parse", "trivial", "dbrace", "profile"]))
    b = phase("B", lambda: {n: scaling(base, n, plugin, dbrace, work, has_jobs, rct)
                            for n in scales})
    c = phase("C", sizes_phase)
    dres = phase("D", lambda: function_size.measure(plugin, work / "fs", quick=args.quick))
    # The TUs with the most database code: the worst case for dbrace's share.
    busiest = sorted(files[:args.tus], key=lambda f: -len(manifest["files"][Path(f).name]))
    e = phase("E", lambda: instructions(base, busiest[:args.callgrind], plugin, work))
    elapsed = time.monotonic() - t0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report(args, commit, load_before, elapsed, manifest, files,
                               has_jobs, scales, a, b, c, dres, e))
    print(f"run.py: wrote {args.out} in {elapsed:.0f} s", file=sys.stderr)


def instructions(base, files, plugin, work):
    """Instructions executed (callgrind), parse-only against dbrace, per TU.

    Counts do not depend on the machine's load, unlike times, and callgrind
    names the instructions spent inside DbraceCheck::check (the analysis) and
    in the matcher walk that calls it."""
    def one(args):
        path, name = args
        out = work / f"cg-{Path(path).stem}-{name}"
        cmd = {"parse": [TIDY, "-quiet", PARSE],
               "dbrace": [TIDY, "-quiet", f"--load={plugin}", DBRACE]}[name]
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        *cmd, "-p", str(base), path], capture_output=True, check=True)
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)],
                              capture_output=True, text=True).stdout

        def ir(pattern):
            m = re.search(r"^\s*([\d,]+) .*" + pattern, text, re.M)
            return int(m.group(1).replace(",", "")) if m else 0
        total = int(re.search(r"([\d,]+) .*PROGRAM TOTALS", text).group(1).replace(",", ""))
        return path, name, {"total": total, "check": ir(r"DbraceCheck::check\("),
                            "match": ir(r"MatchFinder::matchAST\(")}

    if not shutil.which("valgrind"):
        return {}
    jobs = [(f, n) for f in files for n in ("parse", "dbrace")]
    res = {}
    with cf.ThreadPoolExecutor(2) as pool:
        for path, name, r in pool.map(one, jobs):
            res.setdefault(Path(path).name, {})[name] = r
    return res


def report(args, commit, load_before, elapsed, manifest, files, has_jobs, scales,
           a, b, c, dres, e):
    pct = lambda x, ref: f"{100 * (x - ref) / ref:+.1f}%"  # noqa: E731
    L = ["# dbrace benchmark results\n",
         f"Commit {commit}; {os.cpu_count()} cores; load average {load_before:.1f} "
         f"before, {os.getloadavg()[0]:.1f} after; the whole run took {elapsed:.0f} s. "
         f"Command: `bench/run.py{' --quick' if args.quick else ''}`. Libraries in "
         f"the code base: {', '.join(manifest['libraries']) or 'none'}.\n",
         "CPU is user+sys seconds of the process tree; memory is the peak resident "
         "set of the largest process (`/usr/bin/time -v`). *parse* is clang-tidy "
         "with only `llvm-header-guard` (preprocessor callbacks, no AST matcher): "
         "the cost of parsing and walking the AST; *trivial* is only "
         "`readability-braces-around-statements`.\n"]

    labels = {"parse": "clang-tidy, parse only (llvm-header-guard)",
              "trivial": "clang-tidy, trivial check (braces-around-statements)",
              "dbrace": "clang-tidy + dbrace plugin, dbrace-* checks",
              "profile": "the same with --enable-check-profile"}
    tot = {k: sum(r[k]["cpu"] for r in a) for k in labels}
    rss = {k: statistics.median(r[k]["rss_mb"] for r in a) for k in labels}
    rss_max = {k: max(r[k]["rss_mb"] for r in a) for k in labels}
    check = sum(r["check"] for r in a)
    shares = sorted(r["check"] / r["parse"]["cpu"] for r in a)
    expected = sum(len(manifest["files"][Path(f).name]) for f in files[:args.tus])
    L.append(f"## A. Per translation unit ({args.tus} TUs, 30-statement database functions)\n")
    L.append("| configuration | CPU total (s) | CPU per TU (ms) | vs parse | vs trivial | peak RSS median / max (MB) |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for k, label in labels.items():
        L.append(f"| {label} | {tot[k]:.2f} | {1000 * tot[k] / len(a):.0f} | "
                 f"{pct(tot[k], tot['parse'])} | {pct(tot[k], tot['trivial'])} | "
                 f"{rss[k]:.1f} / {rss_max[k]:.1f} |")
    L.append("")
    L.append(f"- dbrace checks' own time in the check profile (user+sys, five checks): "
             f"{check:.2f} s = **{100 * check / tot['parse']:.1f}%** of the parse-only "
             f"time; per TU median {100 * statistics.median(shares):.1f}%, max "
             f"{100 * shares[-1]:.1f}%. This includes the profiler's own timers, "
             f"started and stopped around every call of a check on every function "
             f"definition, system headers included (the profiled run costs "
             f"{pct(tot['profile'], tot['dbrace'])} over the same run unprofiled); "
             f"section E counts what the analysis itself executes.")
    L.append(f"- Memory: median peak {pct(rss['dbrace'], rss['parse'])} over parse only, "
             f"{pct(rss['dbrace'], rss['trivial'])} over the trivial check.")
    L.append(f"- Findings: {sum(r['findings'] for r in a)} (the generator planted {expected}).\n")

    if e:
        L.append("## E. Instructions executed (callgrind; independent of load)\n")
        L.append("On the TUs with the most database functions.\n")
        L.append("| TU | parse only (M instr) | dbrace run (M instr) | difference | in DbraceCheck::check | matcher walk (all checks) |")
        L.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, r in e.items():
            p_, d_ = r["parse"], r["dbrace"]
            L.append(f"| {name} | {p_['total'] / 1e6:.0f} | {d_['total'] / 1e6:.0f} | "
                     f"{pct(d_['total'], p_['total'])} | {d_['check'] / 1e6:.1f} "
                     f"({100 * d_['check'] / p_['total']:.2f}%) | {d_['match'] / 1e6:.0f} "
                     f"({100 * d_['match'] / p_['total']:.1f}%) |")
        L.append("")

    L.append("## B. Whole code base on 2 cores, by size\n")
    L.append("| TUs | runner | wall (s) | CPU (s) | wall vs trivial | CPU vs trivial | peak RSS (MB) | findings |")
    L.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, rows in b.items():
        ref = rows["run-clang-tidy -j2, trivial check"]
        for name, r in rows.items():
            L.append(f"| {n} | {name} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                     f"{fmt_ratio(r['wall'], ref['wall'])} | {fmt_ratio(r['cpu'], ref['cpu'])} | "
                     f"{r['rss_mb']:.0f} | {r['findings']} |")
    if scales != [100, 400, 1600]:
        L.append(f"\nThe issue asks for 100, 400 and 1,600 TUs: at ~0.7 CPU-s per TU, "
                 f"three runners over 2,100 TUs need ~40 minutes on 2 cores, so this "
                 f"run keeps the 4x steps and scales them to {args.scales} TUs to "
                 f"fit the 10-minute budget (`--scales` changes them).")
    if not has_jobs:
        L.append("\n`dbrace` has no `-j` yet: two dbrace processes over halves of "
                 "the files (alternate files) stand in for `dbrace -j2`.")
    first, last = scales[0], scales[-1]
    b_first, b_last = b[str(first)], b[str(last)]  # JSON keys are strings
    key = [k for k in b_last if k.startswith("dbrace")][0]
    rk = "run-clang-tidy -j2, dbrace checks"
    L.append(f"\nGrowth from {first} to {last} TUs ({last // first}x the files): "
             f"{key} CPU x{b_last[key]['cpu'] / b_first[key]['cpu']:.2f}, run-clang-tidy "
             f"with dbrace x{b_last[rk]['cpu'] / b_first[rk]['cpu']:.2f}; peak memory "
             f"{b_first[key]['rss_mb']:.0f} to {b_last[key]['rss_mb']:.0f} MB.\n")

    L.append(f"## C. Size of the database functions ({args.size_tus} TUs per size)\n")
    L.append("| statements per DB function | parse-only CPU (s) | dbrace check time, profile (s) | share of parse |")
    L.append("| ---: | ---: | ---: | ---: |")
    for size, rs in c.items():
        tr = sum(r["parse"]["cpu"] for r in rs)
        ck = sum(r["check"] for r in rs)
        L.append(f"| {size} | {tr:.2f} | {ck:.3f} | {100 * ck / tr:.1f}% |")
    L.append("")
    L.append(function_size.markdown(dres))
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
