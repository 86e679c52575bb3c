"""Report check names and diagnostic wording under a directory.

The analysis core hands on facts; the checks in checker/tidy name
themselves and word their diagnostics. Wording is whatever the per-check
tests expect to be printed (every `warning:` and `note:` in their CHECK
lines): a run of four words of it inside a string literal here is a
violation. A check name (`dbrace-...`) is one anywhere, comments included.
"""
import pathlib
import re
import sys

CHECK_NAME = re.compile(r"dbrace-[a-z]+(?:-[a-z]+)+")
EXPECTED = re.compile(r"CHECK[A-Z0-9-]*:.*?\b(?:warning|note): (.*)")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
QUOTED_NAME = re.compile(r"'[^']*'|%\d")
WORD = re.compile(r"[a-z]+")
SHINGLE = 4


def shingles(text):
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE])
            for i in range(len(words) - SHINGLE + 1)}


def wording(tests):
    """Runs of words of every expected diagnostic, names left out."""
    found = set()
    for path in pathlib.Path(tests).rglob("*.cpp"):
        for line in path.read_text(errors="replace").splitlines():
            match = EXPECTED.search(line)
            if not match:
                continue
            message = re.sub(r"\s*\[[a-z-]+\]\s*$", "", match.group(1))
            for part in QUOTED_NAME.split(message):
                found |= shingles(part)
    return found


def literal_runs(text):
    """The text of each run of adjacent string literals, joined."""
    runs, current, end = [], "", None
    for match in LITERAL.finditer(text):
        if end is not None and text[end:match.start()].strip():
            runs.append(current)
            current = ""
        current += match.group(1)
        end = match.end()
    runs.append(current)
    return runs


def main(root, tests):
    if not pathlib.Path(root).is_dir():
        print(f"{root}: no such folder")
        return 1
    phrases = wording(tests)
    if len(phrases) < 20:
        print(f"only {len(phrases)} phrases found under {tests}")
        return 1
    found = 0
    for path in sorted(pathlib.Path(root).rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        text = path.read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in CHECK_NAME.finditer(line):
                print(f"{path}:{number}: check name '{match.group(0)}'")
                found += 1
        for run in literal_runs(text):
            for phrase in sorted(shingles(run) & phrases):
                print(f"{path}: diagnostic wording '{phrase}' in \"{run}\"")
                found += 1
                break
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
