"""Run clang-tidy's readability-function-size over dbrace's own sources.

Every translation unit of the build's compile_commands.json under
<source>/checker goes through run-clang-tidy-19 in parallel, with the
.clang-tidy each file finds (the project's, at the root). Headers under
checker/ are covered through the files that include them. Prints one line
per function over a threshold, sorted and without the repeats that a header
gives, then a count; exits 1 if there is any, 2 if clang-tidy could not run.

  function-size.py --build BUILD --source SRC [--jobs N] [--run-clang-tidy P]
                   [--clang-tidy P]
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

FINDING = re.compile(
    r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):\d+: warning: function '(?P<name>[^']*)' "
    r"exceeds recommended size/complexity thresholds \[readability-function-size\]$")
# The note right after a finding says which threshold and by how much.
DETAIL = re.compile(r"^[^:]+:\d+:\d+: note: (?P<what>\d+ (lines|statements|branches|"
                    r"parameters|nesting levels|variables)[^(]*)\(threshold (?P<limit>\d+)\)$")
ERROR = re.compile(r"^[^\s:][^:]*:\d+:\d+: error: ")


def sources_under(build, folder):
    database = build / "compile_commands.json"
    if not database.is_file():
        sys.exit(f"function-size: {database}: no compilation database "
                 "(CMAKE_EXPORT_COMPILE_COMMANDS)")
    files = set()
    for entry in json.loads(database.read_text()):
        path = pathlib.Path(entry["directory"], entry["file"]).resolve()
        if folder in path.parents:
            files.add(str(path))
    return sorted(files)


def run(args, files):
    command = [args.run_clang_tidy, "-clang-tidy-binary", args.clang_tidy,
               "-p", str(args.build), "-j", str(args.jobs), "-quiet",
               # clang-tidy takes HeaderFilterRegex from the .clang-tidy of the
               # working directory, not of the file: name the headers here.
               "-header-filter=^" + re.escape(str(args.source / "checker")) + "/",
               # A -Werror build (CI) would make the compiler's own warnings
               # errors, GCC-only flags (-Wshadow=local) among them: this test
               # is about function size, the build reports the warnings.
               "-extra-arg=-Wno-error"]
    # run-clang-tidy takes regular expressions: the exact paths, anchored.
    command += ["^" + re.escape(f) + "$" for f in files]
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


def findings(output, source):
    found, errors = {}, []
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if ERROR.match(line):
            errors.append(line)
        m = FINDING.match(line)
        if not m:
            continue
        details = []
        for follow in lines[i + 1:i + 8]:
            d = DETAIL.match(follow)
            if d:
                details.append(f"{d.group('what').strip()} (threshold {d.group('limit')})")
            elif FINDING.match(follow):
                break
        path = os.path.relpath(m.group("file"), source)
        found[(path, int(m.group("line")), m.group("name"))] = "; ".join(details)
    return found, errors


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", type=pathlib.Path, required=True)
    p.add_argument("--source", type=pathlib.Path, required=True)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--run-clang-tidy", default="run-clang-tidy-19")
    p.add_argument("--clang-tidy", default="clang-tidy-19")
    args = p.parse_args()
    args.build, args.source = args.build.resolve(), args.source.resolve()

    files = sources_under(args.build, args.source / "checker")
    if not files:
        print(f"function-size: no source under {args.source / 'checker'} in "
              f"{args.build / 'compile_commands.json'}: nothing would be checked")
        return 2
    start = time.monotonic()
    result = run(args, files)
    seconds = time.monotonic() - start
    found, errors = findings(result.stdout, args.source)
    if errors or result.returncode != 0:
        print(result.stdout)
        print(f"function-size: clang-tidy failed (exit {result.returncode})")
        return 2
    for (path, line, name), detail in sorted(found.items()):
        print(f"{path}:{line}: {name}: {detail}")
    print(f"function-size: {len(found)} functions over the thresholds in "
          f"{len(files)} files ({seconds:.0f} s with -j {args.jobs})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
