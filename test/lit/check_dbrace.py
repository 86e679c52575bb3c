#!/usr/bin/env python3
"""Runs one dbrace check test the way clang-tidy's own tests run.

Usage (from a lit RUN line):
  %check_dbrace [--check-suffix=S] <test.cpp> <checks> <temp-prefix> [-- <tidy args>] [-- <compiler args>]

With --check-suffix=S the prefixes are CHECK-MESSAGES-S, CHECK-NOTES-S and
CHECK-FIXES-S, as in clang-tidy's check_clang_tidy.py, so that one file can
hold the expectations of several configurations.

For the test file it:
  1. strips the CHECK lines (keeping line numbers) into a copy;
  2. runs both front ends, clang-tidy-19 with the plugin and the dbrace
     driver, and requires the same warnings and notes from both;
  3. FileChecks CHECK-MESSAGES (warnings) and CHECK-NOTES (warnings and
     notes) with no unexpected diagnostic allowed; a file with neither must
     produce no diagnostic at all;
  4. applies the fixes with `dbrace --fix`, FileChecks CHECK-FIXES, and
     compiles the fixed file;
  5. runs `dbrace --fix` again: it must change nothing, and only the
     warnings that had no fix-it may remain.
"""

import difflib
import os
import re
import shutil
import subprocess
import sys

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


def fail(message):
    sys.stderr.write("check_dbrace: FAIL: " + message + "\n")
    sys.exit(1)


def run(cmd, expect_codes=None):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    sys.stderr.write("$ " + " ".join(cmd) + "\n")
    if expect_codes is not None and proc.returncode not in expect_codes:
        sys.stderr.write(proc.stdout + proc.stderr)
        fail("%s exited with %d, expected %s" % (cmd[0], proc.returncode, expect_codes))
    return proc


def diagnostics(output):
    """The diagnostic lines of an output, with the file's directory dropped."""
    found = []
    for line in output.splitlines():
        m = DIAG.match(line)
        if m:
            found.append("%s:%s:%s: %s: %s" % (os.path.basename(m.group(1)),
                                               m.group(2), m.group(3),
                                               m.group(4), m.group(5)))
    return found


def file_check(check_file, input_text, prefix, temp, extra=()):
    path = temp + "." + prefix.lower() + ".out"
    with open(path, "w") as f:
        f.write(input_text)
    run(["FileCheck", "-input-file=" + path, check_file,
         "-check-prefix=" + prefix, "-dump-input=never"] + list(extra),
        expect_codes=[0])


def warnings_with_fix(export_path):
    """(warnings, warnings that carry a fix-it) in an --export-fixes file."""
    if not os.path.exists(export_path):
        return 0, 0
    text = open(export_path).read()
    chunks = text.split("  - DiagnosticName:")[1:]
    fixed = 0
    for chunk in chunks:
        m = re.search(r"Replacements:(.*?)(\n\s*(Notes|Level|BuildDirectory|Ranges):|\Z)",
                      chunk, re.S)
        if m and "FilePath" in m.group(1):
            fixed += 1
    return len(chunks), fixed


def main():
    args = sys.argv[1:]
    opts = {}
    while args and args[0].startswith("--") and "=" in args[0]:
        key, value = args.pop(0)[2:].split("=", 1)
        opts[key] = value
    if len(args) < 3:
        fail("usage: check_dbrace.py [--dbrace= --clang-tidy= --plugin= --clang=] "
             "<test.cpp> <checks> <temp> [-- tidy args] [-- compiler args]")
    test, checks, temp = args[0], args[1], args[2]
    rest = args[3:]
    tidy_args, compiler_args = [], []
    if rest and rest[0] == "--":
        rest = rest[1:]
        if "--" in rest:
            i = rest.index("--")
            tidy_args, compiler_args = rest[:i], rest[i + 1:]
        else:
            tidy_args = rest
    compiler_args = ["-std=c++17"] + compiler_args

    original = open(test).read()
    suffix = "-" + opts["check-suffix"] if opts.get("check-suffix") else ""
    messages, notes, fixes = ("CHECK-" + kind + suffix
                              for kind in ("MESSAGES", "NOTES", "FIXES"))
    has_messages = messages + ":" in original
    has_notes = notes + ":" in original
    has_fixes = fixes + ":" in original
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", original)

    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    source = temp + ".cpp"
    with open(source, "w") as f:
        f.write(cleaned)

    check_list = "-*," + checks
    tidy = run([opts["clang-tidy"], "--load=" + opts["plugin"],
                "-checks=" + check_list] + tidy_args + [source, "--"] +
               compiler_args, expect_codes=[0])
    driver = run([opts["dbrace"], "--checks=" + check_list] + tidy_args +
                 [source, "--"] + compiler_args, expect_codes=[0, 1])

    tidy_diags, driver_diags = diagnostics(tidy.stdout), diagnostics(driver.stdout)
    if tidy_diags != driver_diags:
        fail("clang-tidy and dbrace disagree:\n" + "\n".join(
            difflib.unified_diff(tidy_diags, driver_diags, "clang-tidy", "dbrace",
                                 lineterm="")))
    if any(": error: " in d for d in tidy_diags):
        fail("the test file does not compile:\n" + "\n".join(tidy_diags))
    warned = any(": warning: " in d for d in tidy_diags)
    if driver.returncode != (1 if warned else 0):
        fail("dbrace exited with %d although it %s" %
             (driver.returncode, "warned" if warned else "found nothing"))

    for name, output in (("clang-tidy", tidy.stdout), ("dbrace", driver.stdout)):
        sys.stderr.write("checking the output of %s\n" % name)
        if has_notes:
            file_check(test, output, notes, temp,
                       ["-implicit-check-not={{note|warning|error}}:"])
        if has_messages:
            without_notes = "\n".join(l for l in output.splitlines()
                                      if ": note: " not in l)
            file_check(test, without_notes, messages, temp,
                       ["-implicit-check-not={{warning|error}}:"])
        if not has_notes and not has_messages and diagnostics(output):
            fail("unexpected diagnostics:\n" + "\n".join(diagnostics(output)))

    fixed = temp + ".fixed.cpp"
    shutil.copyfile(source, fixed)
    first_export = temp + ".fixes.yaml"
    run([opts["dbrace"], "--fix", "--export-fixes=" + first_export,
         "--checks=" + check_list] + tidy_args + [fixed, "--"] + compiler_args,
        expect_codes=[0, 1])
    fixed_text = open(fixed).read()
    if has_fixes:
        file_check(test, fixed_text, fixes, temp, ["-strict-whitespace"])
    elif fixed_text != cleaned:
        fail("fixes were applied but the test has no CHECK-FIXES:\n" + "\n".join(
            difflib.unified_diff(cleaned.splitlines(), fixed_text.splitlines(),
                                 lineterm="")))

    run([opts["clang"], "-fsyntax-only"] + compiler_args + [fixed],
        expect_codes=[0])

    second_export = temp + ".fixes2.yaml"
    run([opts["dbrace"], "--fix", "--export-fixes=" + second_export,
         "--checks=" + check_list] + tidy_args + [fixed, "--"] + compiler_args,
        expect_codes=[0, 1])
    if open(fixed).read() != fixed_text:
        fail("a second --fix changed the file again")
    first_warnings, first_fixed = warnings_with_fix(first_export)
    second_warnings, _ = warnings_with_fix(second_export)
    if second_warnings != first_warnings - first_fixed:
        fail("after the fixes %d warnings remain, expected %d" %
             (second_warnings, first_warnings - first_fixed))


if __name__ == "__main__":
    main()
