#!/usr/bin/env python3
"""Score dbrace against the labelled corpus in test/corpus/<library>/*.cpp.

Conventions (see README.md in this directory):

* ``// expect: dbrace-<check>`` at the end of a line: dbrace must warn on that
  line with that check.  Several checks are separated by commas.  Lines with
  no label must produce no warning.
* ``// FLAGS: ...`` on the first line: compiler flags for the file;
  ``%inputs`` stands for the mock headers directory (``--inputs``).  Without
  it the flags are ``-isystem %inputs/<library>``.  ``%corpus`` stands for
  this directory (``%corpus/include`` holds stand-ins for non-database
  headers such as libcurl's).  ``-std=c++17`` is always
  passed first.
* Files written against the real headers (their ``FLAGS`` name no
  ``%inputs``: the blind half) run on the mocks too: their absolute include
  directories give way to the library's mock directories (``MOCK_FLAGS``,
  ``-isystem %inputs/<library>`` by default).
* ``--cxx``: in a mock run, also preprocess each file with this compiler and
  fail it when it reads a header that a library's Debian package installs
  (``DEBIAN_PACKAGES``): a mock is missing and the real header was found
  behind it.
* ``--real-headers``: compile against the installed Debian -dev headers
  instead of the mocks.  A ``// REAL-FLAGS: ...`` line among the file's
  leading comment lines gives the flags for that run; without it they are
  the ``FLAGS`` with every ``%inputs`` include directory left out (the
  stand-ins in ``%corpus/include`` are not database headers and stay), plus the library's entry in ``REAL_FLAGS``.  Libraries without a
  Debian package (``NO_DEBIAN_PACKAGE``) are skipped and listed as skipped.
* ``// case: safe`` or ``// case: unsafe`` on a line of its own opens a case
  (a function, or a class with its methods) that runs until the next case
  marker.  An unsafe case must carry at least one label, a safe one none; the
  scorer checks this so that the labels and the stated intent agree.

Figures, per library and in total:

* recall: labels (a line and a check) on whose line dbrace warned with that
  check / labels;
* precision: warnings whose line is labelled with their check / all warnings
  in corpus files;
* right-check rate: warnings on labelled lines whose check is one the line is
  labelled with / warnings on labelled lines (a wrong check counts as a miss
  and as a false positive in the two figures above).

Exit status: 0 when recall and precision reach the thresholds, 1 when not,
2 when a file does not compile, dbrace fails, or a label is malformed.
"""

import argparse
import collections
import concurrent.futures
import fnmatch
import json
import os
import re
import shlex
import subprocess
import sys

CORPUS_DIR = os.path.dirname(os.path.abspath(__file__))

CHECKS = {
    "dbrace-unlocked-read-update",
    "dbrace-read-outside-transaction",
    "dbrace-lock-without-transaction",
    "dbrace-check-then-insert",
    "dbrace-slow-call-in-transaction",
}

# The include directories of the installed Debian -dev packages, for the
# libraries whose headers are not found under /usr/include itself.
REAL_FLAGS = {
    "libpq": "-isystem /usr/include/postgresql",
    "mysqlc": "-isystem /usr/include/mariadb",
    "qtsql": ("-fPIC -isystem /usr/include/x86_64-linux-gnu/qt5"
              " -isystem /usr/include/x86_64-linux-gnu/qt5/QtCore"
              " -isystem /usr/include/x86_64-linux-gnu/qt5/QtSql"),
}

# The mock header directories of each library, for the files written against
# the real headers (FLAGS naming no %inputs) when they are scored on the
# mocks; without an entry they are -isystem %inputs/<library>.  Qt's layout
# is the real one: <QSqlQuery> as well as <QtSql/QSqlQuery>.
MOCK_FLAGS = {
    "mysql": "-isystem %inputs/mysqlcppconn",
    "mysqlc": "-isystem %inputs/mysqlclient",
    "qtsql": ("-isystem %inputs/qt -isystem %inputs/qt/QtCore"
              " -isystem %inputs/qt/QtSql"),
    "wtdbo": "-isystem %inputs/wt",
}

# The Debian -dev packages of the libraries, for --cxx: a mock run that reads
# a header one of them installs lacks a mock, and its figures would be partly
# those of the real headers (or of the two mixed).
DEBIAN_PACKAGES = {
    "cppdb": "libcppdb-dev",
    "libpq": "libpq-dev",
    "mysql": "libmysqlcppconn-dev",
    "mysqlc": "libmariadb-dev",
    "poco": "libpoco-dev",
    "pqxx": "libpqxx-dev",
    "qtsql": "qtbase5-dev",
    "soci": "libsoci-dev",
    "sqlite3": "libsqlite3-dev",
    "sqlitecpp": "libsqlitecpp-dev",
}

# Libraries the corpus covers that Debian bookworm does not package: their
# files run against the mocks only, and --real-headers says so.
NO_DEBIAN_PACKAGE = {
    "nanodbc": "nanodbc is not packaged",
    "odb": "libodb-dev is not in bookworm",
    "sqlpp11": "sqlpp11 is not packaged",
    "wtdbo": "Wt (witty) is not in bookworm",
}

LABEL_RE = re.compile(r"//\s*expect:\s*(dbrace-[a-z-]+(?:\s*,\s*dbrace-[a-z-]+)*)\s*$")
LABEL_LOOSE_RE = re.compile(r"//\s*expect\b")
FLAGS_RE = re.compile(r"^\s*//\s*FLAGS:\s*(.*)$")
REAL_FLAGS_RE = re.compile(r"^\s*//\s*REAL-FLAGS:\s*(.*)$")
# An include directory of the mock library headers, with its option: what a
# real-headers run leaves out of FLAGS.
MOCK_DIR_RE = re.compile(r"^(?:-isystem|-I)\s*%inputs\b")
# An include directory given by its absolute path: a real library's, which a
# mock run of a file written against the real headers leaves out.
REAL_DIR_RE = re.compile(r"^(?:-isystem|-I)\s*/")
CASE_RE = re.compile(r"^\s*//\s*case:\s*(safe|unsafe)\b")
# file:line:col: warning: message [check]  (also "error:" for dbrace errors
# reported as diagnostics, which are compile errors here)
DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*?)(?: \[([\w.,-]+)\])?$")


class CorpusFile:
    def __init__(self, path, library):
        self.path = path
        self.library = library
        self.labels = {}  # line -> set of checks
        self.flags = None
        self.real_flags = None
        self.cases = []  # (line, kind, [label lines])
        self.problems = []


def parse_file(path, library):
    cf = CorpusFile(path, library)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    current = None
    leading = True  # in the comment lines that open the file
    for no, text in enumerate(lines, start=1):
        leading = leading and text.lstrip().startswith("//")
        if no == 1:
            m = FLAGS_RE.match(text)
            if m:
                cf.flags = m.group(1).strip()
        if leading:
            m = REAL_FLAGS_RE.match(text)
            if m:
                cf.real_flags = m.group(1).strip()
        m = CASE_RE.match(text)
        if m:
            current = [no, m.group(1), []]
            cf.cases.append(current)
        m = LABEL_RE.search(text)
        if m:
            checks = {c.strip() for c in m.group(1).split(",")}
            unknown = checks - CHECKS
            if unknown:
                cf.problems.append("%s:%d: unknown check in label: %s"
                                   % (path, no, ", ".join(sorted(unknown))))
            cf.labels[no] = checks & CHECKS
            if current is not None:
                current[2].append(no)
            else:
                cf.problems.append("%s:%d: label outside any '// case:'" % (path, no))
        elif LABEL_LOOSE_RE.search(text):
            cf.problems.append("%s:%d: malformed label (want '// expect: dbrace-<check>' at the end of the line)"
                               % (path, no))
    for line, kind, labels in cf.cases:
        if kind == "unsafe" and not labels:
            cf.problems.append("%s:%d: 'case: unsafe' carries no '// expect:' label" % (path, line))
        if kind == "safe" and labels:
            cf.problems.append("%s:%d: 'case: safe' carries labels (lines %s)"
                               % (path, line, ", ".join(map(str, labels))))
    return cf


def without_dirs(flags, dir_re):
    """FLAGS with the include directories that DIR_RE matches left out."""
    words = shlex.split(flags)
    kept = []
    i = 0
    while i < len(words):
        if words[i] in ("-isystem", "-I") and i + 1 < len(words) and dir_re.match(words[i] + " " + words[i + 1]):
            i += 2
            continue
        if dir_re.match(words[i]):
            i += 1
            continue
        kept.append(words[i])
        i += 1
    return " ".join(shlex.quote(w) for w in kept)


def file_flags(cf, real):
    if not real:
        if cf.flags is None:
            return "-isystem %inputs/" + cf.library
        if "%inputs" in cf.flags:
            return cf.flags
        # Written against the real headers: the mocks take their place.
        mocks = MOCK_FLAGS.get(cf.library, "-isystem %inputs/" + cf.library)
        return (mocks + " " + without_dirs(cf.flags, REAL_DIR_RE)).strip()
    if cf.real_flags is not None:
        return cf.real_flags
    flags = without_dirs(cf.flags or "", MOCK_DIR_RE)
    return (flags + " " + REAL_FLAGS.get(cf.library, "")).strip()


def compiler_args(cf, inputs, std, real=False):
    flags = file_flags(cf, real).replace("%inputs", inputs).replace("%corpus", CORPUS_DIR)
    return ["-std=" + std] + shlex.split(flags)


def installed_headers():
    """The real paths of the headers the libraries' Debian packages install
    (of the packages installed; none without dpkg)."""
    paths = set()
    for pkg in sorted(set(DEBIAN_PACKAGES.values())):
        try:
            proc = subprocess.run(["dpkg", "-L", pkg], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, universal_newlines=True)
        except OSError:
            break
        if proc.returncode == 0:
            paths.update(os.path.realpath(p) for p in proc.stdout.split("\n")
                         if p.startswith("/usr/include/"))
    return paths


def real_headers_read(cxx, cf, inputs, std, installed):
    """Errors for the installed library headers a mock run of CF reads."""
    cmd = [cxx, "-M"] + compiler_args(cf, inputs, std) + [cf.path]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True)
    except OSError as e:
        return ["cannot run %s: %s" % (cxx, e)]
    if proc.returncode != 0:
        return []  # a file that does not compile: dbrace reports it
    # Make's syntax: "target: dep dep \" with continuation lines.
    deps = proc.stdout.replace("\\\n", " ").split(":", 1)[-1].split()
    real = [d for d in deps if os.path.realpath(d) in installed]
    if not real:
        return []
    more = " (and %d more installed headers)" % (len(real) - 1) if len(real) > 1 else ""
    return ["reads the installed %s%s: a mock is missing" % (real[0], more)]


def run_dbrace(dbrace, cf, inputs, std, extra, real=False):
    cmd = [dbrace, "--quiet"] + extra + [cf.path, "--"] + compiler_args(cf, inputs, std, real)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True)
    except OSError as e:
        return cmd, [], ["cannot run %s: %s" % (dbrace, e)]
    warnings = []  # (line, check, message)
    errors = []
    real = os.path.realpath(cf.path)
    for text in (proc.stdout + "\n" + proc.stderr).split("\n"):
        m = DIAG_RE.match(text)
        if not m:
            continue
        fname, line, _col, sev, msg, check = m.groups()
        same = os.path.realpath(fname) == real
        if sev == "error":
            errors.append(text)
            continue
        if not check or not check.startswith("dbrace-"):
            continue  # compiler warnings are not the tool's findings
        if same:
            warnings.append((int(line), check, msg))
        else:
            # A finding in a header: no corpus line can match it, so it is a
            # false positive of this file.
            warnings.append((-1, check, "%s:%s: %s" % (fname, line, msg)))
    if proc.returncode not in (0, 1) and not errors:
        errors.append("dbrace exited with status %d: %s"
                      % (proc.returncode, proc.stderr.strip()[-2000:]))
    return cmd, warnings, errors


class Tally:
    def __init__(self):
        self.files = 0
        self.cases = collections.Counter()
        self.labelled = 0
        self.labelled_hit = 0
        self.warnings = 0
        self.matched = 0
        self.on_labelled = 0
        self.by_check = collections.defaultdict(lambda: [0, 0])  # labelled, hit

    def add(self, other):
        self.files += other.files
        self.cases.update(other.cases)
        self.labelled += other.labelled
        self.labelled_hit += other.labelled_hit
        self.warnings += other.warnings
        self.matched += other.matched
        self.on_labelled += other.on_labelled
        for k, (a, b) in other.by_check.items():
            self.by_check[k][0] += a
            self.by_check[k][1] += b

    def recall(self):
        return self.labelled_hit / self.labelled if self.labelled else 1.0

    def precision(self):
        return self.matched / self.warnings if self.warnings else 1.0

    def right(self):
        return self.matched / self.on_labelled if self.on_labelled else 1.0


def rel(path, root):
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dbrace", required=True, help="the dbrace driver")
    ap.add_argument("--inputs", required=True, help="test/Inputs: the mock headers")
    ap.add_argument("--corpus", default=here, help="the corpus directory (default: this one)")
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--min-precision", type=float, default=0.95)
    ap.add_argument("--std", default="c++17")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--library", action="append", default=[],
                    help="only this library's directory (repeatable)")
    ap.add_argument("--only", metavar="GLOB", default="*.cpp",
                    help="only the files whose name matches GLOB (default: *.cpp)")
    ap.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                    help="leave out the files whose name matches GLOB (repeatable)")
    ap.add_argument("--dbrace-arg", action="append", default=[],
                    help="an extra argument for dbrace (repeatable)")
    ap.add_argument("--real-headers", action="store_true",
                    help="compile against the installed Debian headers, not the mocks "
                         "(REAL-FLAGS lines; libraries without a package are skipped)")
    ap.add_argument("--cxx", metavar="COMPILER",
                    help="in a mock run, preprocess each file with COMPILER and fail on a header "
                         "a library's Debian package installs (a mock that is missing)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures and findings as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every dbrace command")
    args = ap.parse_args()

    root = os.path.abspath(args.corpus)
    inputs = os.path.abspath(args.inputs)
    files = []
    skipped = []
    for lib in sorted(os.listdir(root)):
        d = os.path.join(root, lib)
        if not os.path.isdir(d) or lib.startswith((".", "_")) or lib == "include":
            continue
        if args.library and lib not in args.library:
            continue
        if args.real_headers and lib in NO_DEBIAN_PACKAGE:
            skipped.append((lib, NO_DEBIAN_PACKAGE[lib]))
            continue
        for name in sorted(os.listdir(d)):
            if (name.endswith(".cpp") and fnmatch.fnmatch(name, args.only)
                    and not any(fnmatch.fnmatch(name, x) for x in args.exclude)):
                files.append(parse_file(os.path.join(d, name), lib))
    if not files:
        print("score.py: no corpus files under %s" % root, file=sys.stderr)
        return 2

    problems = [p for cf in files for p in cf.problems]

    installed = installed_headers() if args.cxx and not args.real_headers else set()

    def run(cf):
        cmd, warnings, errs = run_dbrace(args.dbrace, cf, inputs, args.std, args.dbrace_arg,
                                         args.real_headers)
        if args.cxx and not args.real_headers:
            errs = errs + real_headers_read(args.cxx, cf, inputs, args.std, installed)
        return cmd, warnings, errs

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(run, files))

    per_lib = collections.OrderedDict()
    misses, false_pos, wrong_check, errors = [], [], [], []
    for cf, (cmd, warnings, errs) in zip(files, results):
        if args.verbose:
            print(" ".join(shlex.quote(c) for c in cmd))
        name = rel(cf.path, root)
        for e in errs:
            errors.append("%s: %s" % (name, e))
        t = per_lib.setdefault(cf.library, Tally())
        t.files += 1
        for _line, kind, _labels in cf.cases:
            t.cases[kind] += 1
        warned = collections.defaultdict(list)
        for line, check, msg in warnings:
            warned[line].append((check, msg))
        for line, checks in sorted(cf.labels.items()):
            got = warned.get(line, [])
            for c in checks:
                t.labelled += 1
                t.by_check[c][0] += 1
                if any(g == c for g, _ in got):
                    t.by_check[c][1] += 1
                    t.labelled_hit += 1
                else:
                    misses.append((name, line, c))
        for line, found in sorted(warned.items()):
            for check, msg in found:
                t.warnings += 1
                if line in cf.labels:
                    t.on_labelled += 1
                    if check in cf.labels[line]:
                        t.matched += 1
                    else:
                        wrong_check.append((name, line, check, ", ".join(sorted(cf.labels[line]))))
                else:
                    false_pos.append((name, line, check, msg))

    total = Tally()
    for t in per_lib.values():
        total.add(t)

    def row(name, t):
        return "%-12s %5d %5d %5d %7d %6.3f %9.3f %11.3f" % (
            name, t.files, t.cases["unsafe"], t.cases["safe"], t.labelled,
            t.recall(), t.precision(), t.right())

    header = "%-12s %5s %5s %5s %7s %6s %9s %11s" % (
        "library", "files", "unsafe", "safe", "labels", "recall", "precision", "right-check")
    print(header)
    print("-" * len(header))
    for lib, t in per_lib.items():
        print(row(lib, t))
    print("-" * len(header))
    print(row("total", total))
    if skipped:
        print("skipped, no Debian package to compile against:")
        for lib, why in skipped:
            print("  %-12s %s" % (lib, why))
    print()
    print("per check (labelled lines with this check, warned with this check):")
    for c in sorted(CHECKS):
        a, b = total.by_check.get(c, (0, 0))
        print("  %-34s %4d / %4d" % (c, b, a))

    if misses:
        print("\nmisses (labelled, no warning):")
        for name, line, checks in misses:
            print("  %s:%d: %s" % (name, line, checks))
    if false_pos:
        print("\nfalse positives (warning, no label):")
        for name, line, check, msg in false_pos:
            where = "%s:%d" % (name, line) if line > 0 else name
            print("  %s: %s: %s" % (where, check, msg))
    if wrong_check:
        print("\nwrong check (warned on a labelled line with another check):")
        for name, line, check, want in wrong_check:
            print("  %s:%d: %s, labelled %s" % (name, line, check, want))
    if problems:
        print("\nlabel problems:")
        for p in problems:
            print("  " + rel(p, root) if p.startswith(root) else "  " + p)
    if errors:
        print("\nerrors (files must compile and dbrace must run):")
        for e in errors:
            print("  " + e)

    if args.json:
        with open(args.json, "w") as f:
            json.dump({
                "libraries": {lib: {"files": t.files, "cases": dict(t.cases), "labels": t.labelled,
                                    "recall": t.recall(), "precision": t.precision(),
                                    "right_check": t.right()} for lib, t in per_lib.items()},
                "headers": "real" if args.real_headers else "mock",
                "skipped": {lib: why for lib, why in skipped},
                "total": {"files": total.files, "cases": dict(total.cases), "labels": total.labelled,
                          "recall": total.recall(), "precision": total.precision(),
                          "right_check": total.right()},
                "misses": [{"file": n, "line": l, "checks": c} for n, l, c in misses],
                "false_positives": [{"file": n, "line": l, "check": c, "message": m}
                                    for n, l, c, m in false_pos],
                "wrong_check": [{"file": n, "line": l, "check": c, "expected": w}
                                for n, l, c, w in wrong_check],
            }, f, indent=2)

    if errors or problems:
        return 2
    ok = total.recall() >= args.min_recall and total.precision() >= args.min_precision
    print("\n%s: recall %.3f (min %.2f), precision %.3f (min %.2f)" % (
        "PASS" if ok else "FAIL", total.recall(), args.min_recall,
        total.precision(), args.min_precision))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
