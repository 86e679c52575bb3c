"""Check that a .deb declares the Debian package of everything it runs with.

For each ELF file in the package, every library it loads (DT_NEEDED); for
the dbrace-tidy wrapper, the clang-tidy it runs; for dbrace, the directory of
the compiler's built-in headers (stddef.h) its analysis parses. Each is
mapped to its package with `dpkg -S`, which must be in Depends. Prints one
`missing: ...` line per gap and exits 1 if there is any.

  deb_depends.py PACKAGE.deb WORKDIR [--without NAME]

--without drops NAME from the declared Depends, to show the check catches it.
"""
import argparse
import os
import re
import subprocess
import sys


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          **kwargs).stdout


def declared_depends(deb):
    names = set()
    for clause in run("dpkg-deb", "-f", deb, "Depends").split(","):
        for alternative in clause.split("|"):
            names.add(re.sub(r"\(.*\)|:\w+", "", alternative).strip())
    return names


def spellings(path):
    """`path` and its other spelling on a merged-/usr system (/lib, /usr/lib)."""
    if path.startswith("/usr/lib/"):
        return [path, path[len("/usr"):]]
    if path.startswith("/lib"):
        return [path, "/usr" + path]
    return [path]


def owners(paths):
    """{path: packages that ship it}, in one `dpkg -S` (it reads its whole
    database on every call)."""
    queried = sorted({s for path in paths for s in spellings(path)})
    listing = subprocess.run(["dpkg", "-S"] + queried, capture_output=True,
                             text=True).stdout
    shipped = {}
    for line in listing.splitlines():
        names, _, where = line.partition(": ")
        shipped[where.strip()] = {n.strip().split(":")[0] for n in names.split(",")}
    return {path: set().union(*(shipped.get(s, set()) for s in spellings(path)))
            for path in paths}


def library_paths():
    paths = {}
    for line in run("ldconfig", "-p").splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and "x86-64" in match.group(2) and match.group(1) not in paths:
            paths[match.group(1)] = match.group(3)
    return paths


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def needs(root):
    """(what, path on this machine) for everything the package's files use."""
    libraries = library_paths()
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            shown = os.path.relpath(path, root)
            if is_elf(path):
                for line in run("readelf", "-d", path).splitlines():
                    match = re.search(r"\(NEEDED\).*\[(.+)\]", line)
                    if match:
                        soname = match.group(1)
                        yield "%s loads %s" % (shown, soname), libraries.get(soname)
            elif name == "dbrace-tidy":
                match = re.search(r'exec "(/[^"]+)"', open(path).read())
                yield "%s runs clang-tidy" % shown, match and match.group(1)


def builtin_headers(root, workdir):
    """The stddef.h of the header search list dbrace prints for -v."""
    source = os.path.join(workdir, "empty.cpp")
    open(source, "w").close()
    dbrace = os.path.join(root, "usr", "bin", "dbrace")
    # Without the cache: a result kept from an earlier run would answer
    # without parsing, and print no search list.
    result = subprocess.run([dbrace, "--no-cache", source, "--", "-std=c++17",
                             "-v"],
                            capture_output=True, text=True, cwd=workdir)
    listing = result.stdout + result.stderr
    for line in listing.split("search starts here:")[-1].splitlines():
        header = os.path.join(line.strip(), "stddef.h")
        if os.path.isfile(header):
            return os.path.realpath(header)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("deb")
    parser.add_argument("workdir")
    parser.add_argument("--without", action="append", default=[])
    args = parser.parse_args()

    declared = declared_depends(args.deb) - set(args.without)
    root = os.path.join(args.workdir, "root")
    run("dpkg-deb", "-x", args.deb, root)

    gaps = 0
    found = list(needs(root))
    found.append(("usr/bin/dbrace parses built-in headers",
                  builtin_headers(root, args.workdir)))
    shipped = owners([path for _, path in found if path])
    for what, path in found:
        packages = shipped.get(path, set())
        if not packages:
            print("missing: %s: not found on this machine" % what)
            gaps += 1
        elif not packages & declared:
            print("missing: %s: %s from %s, not in Depends"
                  % (what, path, " or ".join(sorted(packages))))
            gaps += 1
        else:
            print("ok: %s: %s" % (what, " ".join(sorted(packages & declared))))
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
