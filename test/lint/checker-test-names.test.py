"""Report check tests not named test/checkers/<check>/<library>-<behaviour>.cpp.

<check> is a check with a page in docs/checks; <library> is the name of a
rules file (rules/*.yaml, the examples' and the test inputs' own *.yaml) or
of an example folder with one (custom-orm); <behaviour> is one or more
lowercase words joined by '-'. So the name of a test says where its rules
are and what it shows.
"""
import pathlib
import re
import sys

BEHAVIOUR = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def known_libraries(src):
    names = {p.stem for p in (src / "rules").glob("*.yaml")}
    for folder in ("examples", "test/Inputs"):
        for rules in (src / folder).rglob("*.yaml"):
            names.add(rules.stem)
            if rules.parent.parent == src / folder:
                names.add(rules.parent.name)  # examples/custom-orm
    return names


def problem(path, checks, libraries):
    if len(path.parts) != 2:
        return "not directly in a check's folder"
    if path.parent.name not in checks:
        return f"folder '{path.parent.name}' is not a check (docs/checks)"
    if path.suffix != ".cpp":
        return "not a .cpp test"
    for library in sorted(libraries, key=len, reverse=True):
        rest = path.stem[len(library) + 1:]
        if path.stem.startswith(library + "-") and BEHAVIOUR.fullmatch(rest):
            return None
    return "not <library>-<behaviour>.cpp with a known library"


def main(src, tests):
    src, tests = pathlib.Path(src), pathlib.Path(tests)
    for needed in (tests, src / "rules", src / "docs" / "checks"):
        if not needed.is_dir():
            print(f"{needed}: no such directory: nothing would be checked")
            return 2
    checks = {p.stem for p in (src / "docs" / "checks").glob("dbrace-*.md")}
    libraries = known_libraries(src)
    found = 0
    for path in sorted(tests.rglob("*")):
        relative = path.relative_to(tests)
        if path.is_dir() or path.name == "lit.local.cfg":
            continue
        why = problem(relative, checks, libraries)
        if why:
            print(f"{relative}: {why}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
